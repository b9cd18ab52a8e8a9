import type { Page } from 'playwright-core';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { TModelCounts, TModelDetail } from '#contracts/emulation/model.schemas.ts';
import type { TNominationDetail, TReviewSheet } from '#contracts/emulation/review.api.ts';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

const browser = useBrowser();

/**
 * The story visits some twenty-five pages as four people. Right after the server starts (this file may run first)
 * its first pages have been seen to take over 30 s on the embedded database (the demo's background work), so a page
 * gets a minute and the story five.
 */
const STORY_MS = 300_000;
const PAGE_MS = 60_000;

/** What the API answers the signed-in page (the figures the screen must show, read independently of it). */
async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
/** A real PNG of `width` × `height` pixels, red above and green below, made here (no fixture file). */
function makePng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  const rows = Array.from({ length: height }, (_, y) =>
    Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0).map((_, i) => (y < height / 2 ? (i % 3 === 0 ? 200 : 30) : i % 3 === 1 ? 160 : 40))]),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF saying `text` (ASCII), with a correct cross-reference table, made here (no fixture file). */
function makePdf(text: string): Buffer {
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Takes a step in the model page's "Bước tiếp theo" form, then waits until the server has the model at `status`. */
async function takeStep(page: Page, id: string, step: string, fill: () => Promise<void>, expected: (m: TModelDetail) => boolean) {
  await page.getByLabel('Bước', { exact: true }).selectOption({ label: step });
  await fill();
  await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await expect.poll(async () => expected(await api<TModelDetail>(page, `/api/emulation/models/${id}`)), { timeout: PAGE_MS }).toBe(true);
}

/** A browser context whose pages wait up to PAGE_MS for navigations and elements. */
async function newContext(options: { viewport: { width: number; height: number } }) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(PAGE_MS);
  context.setDefaultNavigationTimeout(PAGE_MS);
  return context;
}

/** The model page's history ("Quá trình"): the list whose first entry is the registration. */
const historyOf = (page: Page) => page.getByRole('main').getByRole('list').filter({ has: page.getByRole('listitem').filter({ hasText: /^Đăng ký\s/ }) });

const vnNumber = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

const vnIsoToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const vnToday = () => {
  const iso = vnIsoToday();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
};

/**
 * The year of the demo's current campaign of the province (the demo's rule, emulation-demo-step.ts `laterYear`): the
 * latest year whose recognition day (15/10) has passed, from 2025 on.
 */
const currentCampaignYear = () => {
  const iso = vnIsoToday();
  return Math.max(2025, Number(iso.slice(0, 4)) - (iso.slice(5) >= '10-15' ? 0 : 1));
};

describe('"Dân vận khéo" exemplary models, the main story', () => {
  it("a commune registers a model in the province's campaign with figures and a photo and reviews it; the province scores it on the campaign's sheet, concludes the review, recognises and publishes it; another commune replicates it; the counts, the chain and the public page show it", async () => {
    // a word of the titles no demo model has: the list's search (without diacritics) and the counts find these two only
    const tag = `DVK${Date.now() % 1_000_000}`;
    const title = `Camera an ninh gắn với tổ hòa giải ở cơ sở ${tag}`;
    const summary = 'Khối dân vận xã vận động 126 hộ góp tiền lắp camera ở các ngõ xóm; tổ hòa giải theo dõi, gặp gỡ các bên ngay khi có va chạm.';
    const whatChanged = 'Không còn trộm cắp vặt trong năm; các vụ mâu thuẫn đều được hòa giải tại thôn.';
    const png = makePng(24, 16);
    const campaignTitle = `Phong trào thi đua “Dân vận khéo” năm ${currentCampaignYear()}`;

    // the province's counts before the story (read from the API, as the province officer)
    const province = await newContext({ viewport: { width: 1280, height: 900 } });
    const officer = await province.newPage();
    await signIn(officer, baseUrl, 'tinh.qt', PASSWORD);
    const before = await api<TModelCounts>(officer, '/api/emulation/models/counts');

    // (1) the commune's data entry account registers the model, with its figures and a photo
    const commune = await newContext({ viewport: { width: 1280, height: 900 } });
    const page = await commune.newPage();
    await signIn(page, baseUrl, 'xa.hai-lang', PASSWORD);
    await page.goto(`${baseUrl}/emulation/models`);
    await page.getByRole('heading', { name: 'Mô hình, điển hình “Dân vận khéo”', level: 1 }).waitFor();
    // the emulation sections' menu leads here and says where the reader is
    const sections = page.getByRole('navigation', { name: 'Các phần của thi đua “Dân vận khéo”' });
    expect(await sections.getByRole('link', { name: 'Mô hình, điển hình' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('link', { name: 'Đăng ký mô hình' }).click();
    await page.getByRole('heading', { name: 'Đăng ký mô hình, điển hình', level: 1 }).waitFor();
    // in the province's campaign of the year: the campaign's scoring sheet will review it
    await page.getByLabel('Phong trào thi đua (nếu có)').selectOption({ label: campaignTitle });
    await page.getByLabel('Loại điển hình').selectOption({ label: 'Tập thể' });
    await page.getByLabel('Lĩnh vực').selectOption({ label: 'Quốc phòng – an ninh' });
    await page.getByLabel('Ngày bắt đầu').fill('01/03/2026');
    await page.getByLabel('Tên mô hình').fill(title);
    await page.getByLabel('Cách làm (đã làm gì)').fill(summary);
    await page.getByLabel('Kết quả, chuyển biến').fill(whatChanged);
    await page.getByRole('button', { name: 'Thêm số liệu' }).click();
    await page.getByLabel('Chỉ tiêu').fill('Số hộ lắp camera');
    await page.getByLabel('Giá trị').fill('126');
    await page.getByLabel('Đơn vị tính').fill('hộ');
    await page.getByRole('button', { name: 'Thêm số liệu' }).click();
    await page.getByLabel('Chỉ tiêu').nth(1).fill('Tỷ lệ vụ việc hòa giải thành');
    await page.getByLabel('Giá trị').nth(1).fill('92,5');
    await page.getByLabel('Đơn vị tính').nth(1).fill('%');
    await page.getByLabel('Địa bàn (xã, phường hoặc đơn vị)').fill('Hải Lăng');
    await page.getByRole('list', { name: 'Kết quả tìm đơn vị' }).getByRole('button', { name: 'Xã Hải Lăng', exact: true }).click();
    await page.getByLabel('Chủ thể là').selectOption({ label: 'Đơn vị hành chính' });
    await page.getByLabel('Ảnh mô hình (tùy chọn)').setInputFiles({ name: 'camera-to-hoa-giai.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const id = page.url().split('/').pop() as string;
    const registered = await api<TModelDetail>(page, `/api/emulation/models/${id}`);
    expect(registered).toMatchObject({ status: 'registered', field: 'defence_security', kind: 'collective', title, summary, whatChanged, recognisedLevel: null, published: false });
    expect(registered.figures).toEqual([
      { label: 'Số hộ lắp camera', value: 126, unit: 'hộ' },
      { label: 'Tỷ lệ vụ việc hòa giải thành', value: 92.5, unit: '%' },
    ]);
    expect(registered.unit.fullName).toBe('Xã Hải Lăng');
    expect(registered.campaign?.title).toBe(campaignTitle);
    const campaignId = registered.campaign?.id as number;
    // the page tells the story: the figures in Vietnamese notation, the photo shown
    const main = page.getByRole('main');
    await expect.poll(() => main.innerText()).toContain('Số hộ lắp camera\n126 hộ');
    expect(await main.innerText()).toContain('Tỷ lệ vụ việc hòa giải thành\n92,5 %');
    expect(await main.innerText()).toContain(`Phong trào thi đua\n${campaignTitle}`);
    const photo = main.getByRole('img', { name: 'camera-to-hoa-giai.png' });
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(24);

    // (2) the commune starts building it, then records the public review (bình xét công khai) with its votes
    await takeStep(page, id, 'Bắt đầu xây dựng', async () => undefined, (m) => m.status === 'building');
    await main.getByText('Đang xây dựng', { exact: true }).first().waitFor();
    await takeStep(
      page,
      id,
      'Bình xét công khai',
      async () => {
        await page.getByLabel('Thành phần tham dự').fill('Đại diện 5 thôn, Mặt trận xã, Công an xã');
        await page.getByLabel('Số người tham dự').fill('20');
        await page.getByLabel('Số phiếu đồng ý', { exact: true }).fill('18');
        await page.getByLabel('Số phiếu không đồng ý', { exact: true }).fill('1');
        await page.getByLabel('Số không biểu quyết', { exact: true }).fill('1');
      },
      (m) => m.status === 'reviewed',
    );
    const history = historyOf(page);
    const reviewLine = history.getByRole('listitem').filter({ hasText: 'Bình xét công khai' });
    await expect.poll(() => reviewLine.innerText()).toContain('18 đồng ý · 1 không đồng ý · 1 không biểu quyết / 20 người · Đạt (đa số đồng ý)');
    // the commune's commission officer recognises it at the commune's level, on the commune's decision
    await takeStep(
      page,
      id,
      'Công nhận',
      async () => {
        await page.getByLabel('Cấp công nhận').selectOption({ label: 'Cấp xã' });
        await page.getByLabel('Số quyết định').fill('37/QĐ-UBND');
        // the recognising unit left empty: the officer's own unit (the commune)
      },
      (m) => m.status === 'recognised' && m.recognisedLevel === 'commune',
    );
    const today = vnToday();
    await expect.poll(() => main.innerText()).toContain(`Cấp xã, ngày ${today}`);
    await expect.poll(() => history.getByRole('listitem').filter({ hasText: /^Công nhận/ }).innerText()).toContain('Cấp xã · Số quyết định: 37/QĐ-UBND · Xã Hải Lăng');
    // publishing is for a recognised model; the commune does not publish this one, the province will
    expect(await page.getByLabel('Bước', { exact: true }).locator('option').allTextContents()).toContain('Công bố trên trang công khai');
    await commune.close();

    // (3) the province reviews it with the campaign's scoring sheet: the campaign's page leads to its review
    await officer.goto(`${baseUrl}/emulation`);
    await officer.getByRole('link', { name: campaignTitle, exact: true }).click();
    await officer.getByRole('heading', { name: campaignTitle, level: 1 }).waitFor();
    await officer.getByRole('link', { name: 'Bình xét theo tiêu chí', exact: true }).click();
    await officer.getByRole('heading', { name: 'Bình xét theo tiêu chí', level: 1 }).waitFor();
    expect(officer.url()).toBe(`${baseUrl}/emulation/campaigns/${campaignId}/review`);
    const sheetRegion = officer.getByRole('region', { name: 'Phiếu chấm điểm' });
    // the demo's campaign has criteria but no sheet yet: the officer makes it from them, with its pass mark
    if ((await api<TReviewSheet | null>(officer, `/api/emulation/campaigns/${campaignId}/review-sheet`)) === null) {
      await sheetRegion.getByText('Phong trào chưa có phiếu chấm điểm.', { exact: true }).waitFor();
      await sheetRegion.getByLabel('Điểm đạt (% tổng điểm)').fill('80');
      await sheetRegion.getByRole('button', { name: 'Lập phiếu chấm điểm từ tiêu chí của phong trào' }).click();
    }
    const sheet = sheetRegion.getByRole('table');
    await sheet.waitFor();
    const passPercent = (await api<TReviewSheet>(officer, `/api/emulation/campaigns/${campaignId}/review-sheet`)).passPercent;
    await sheetRegion.getByText(`Đạt khi tổng điểm từ ${vnNumber(passPercent)}% trở lên và mọi tiêu chí đạt/không đạt đều đạt.`, { exact: true }).waitFor();
    // the sheet copies the campaign's criteria (seed 002: five general, one for collectives, three for individuals)
    const sheetCodes = await sheet.getByRole('row').filter({ has: officer.getByRole('cell') }).evaluateAll((rows) => rows.map((r) => (r as HTMLTableRowElement).cells[0]?.innerText));
    expect(sheetCodes).toEqual(['III.1-a', 'III.1-b', 'III.1-c', 'III.1-d', 'III.1-e', 'III.2', 'III.3-a', 'III.3-b', 'III.3-c']);
    // the officer puts the commune's model forward to the province, found by its words
    const nominate = officer.getByRole('region', { name: 'Đề nghị xét chọn' });
    await nominate.getByLabel('Tìm mô hình (tên, đơn vị)').fill(tag);
    const modelChoice = `${title} · Xã Hải Lăng · Tập thể`;
    const modelSelect = nominate.getByLabel('Mô hình', { exact: true });
    await expect.poll(() => modelSelect.locator('option').allTextContents(), { timeout: PAGE_MS }).toEqual(['— Chọn mô hình —', modelChoice]);
    await modelSelect.selectOption({ label: modelChoice });
    const toUnit = nominate.getByLabel('Đơn vị xét chọn');
    expect(await toUnit.locator('option').allTextContents()).toEqual(['Tỉnh Quảng Trị']);
    await toUnit.selectOption({ label: 'Tỉnh Quảng Trị' });
    await nominate.getByLabel('Ghi chú').fill('Đề nghị xét chọn điển hình cấp tỉnh năm nay.');
    await nominate.getByRole('button', { name: 'Đề nghị xét chọn', exact: true }).click();
    // the nomination's page: the model's lines of the sheet, scored by each member of the council
    await officer.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(officer.url()).toMatch(/\/emulation\/nominations\/[0-9a-f-]{36}$/);
    const nominationId = officer.url().split('/').pop() as string;
    const officerMain = officer.getByRole('main');
    await expect.poll(() => officerMain.innerText(), { timeout: PAGE_MS }).toContain('Hồ sơ đề nghị xét chọn · Tập thể · Đang bình xét');
    expect(await officerMain.innerText()).toContain('Xã Hải Lăng đề nghị lên Tỉnh Quảng Trị');
    const lines = officer.getByRole('region', { name: 'Điểm theo tiêu chí' });
    const lineRows = lines.getByRole('row').filter({ has: officer.getByRole('cell') });
    // a collective: the general lines and the collectives' one, not the individuals'
    const lineCodes = ['III.1-a', 'III.1-b', 'III.1-c', 'III.1-d', 'III.1-e', 'III.2'];
    await expect.poll(() => lineRows.evaluateAll((rows) => rows.map((r) => (r as HTMLTableRowElement).cells[0]?.innerText)), { timeout: PAGE_MS }).toEqual(lineCodes);
    const summaryRegion = officer.getByRole('region', { name: 'Kết quả hiện tại' });
    expect(await summaryRegion.innerText()).toContain('Chưa có điểm');
    // the officer scores every line; "spreads to other places" (III.1-e) not yet, with why
    for (const code of lineCodes) await lines.getByLabel(`Điểm ${code}`, { exact: true }).selectOption({ label: code === 'III.1-e' ? 'Không đạt' : 'Đạt' });
    await lines.getByLabel('Ghi chú III.1-e', { exact: true }).fill('Chưa có nơi khác học tập, nhân rộng');
    await lines.getByRole('button', { name: 'Lưu điểm' }).click();
    await lines.getByText('Đã lưu.', { exact: true }).waitFor();
    // every line is pass/fail: the total is the whole sheet; one line not passed, the model does not pass
    await expect.poll(() => summaryRegion.innerText(), { timeout: PAGE_MS }).toContain('Không đạt');
    const summaryText = await summaryRegion.innerText();
    expect(summaryText).toContain('Tổng điểm\n100%');
    expect(summaryText).toContain('Kết quả\n✗ Không đạt');
    expect(summaryText).toContain('Người chấm\n1 người chấm');
    expect(summaryText).toContain(`Điểm đạt (% tổng điểm)\n${vnNumber(passPercent)}`);
    const lineOf = (code: string) => lineRows.filter({ has: officer.getByRole('cell', { name: code, exact: true }) });
    expect(await lineOf('III.1-e').innerText()).toContain('0 đạt / 1 không đạt');
    expect(await lineOf('III.2').innerText()).toContain('1 đạt / 0 không đạt');
    // the commune reports a second place learning it: the officer corrects the line (a new revision, the first kept)
    await lines.getByLabel('Điểm III.1-e', { exact: true }).selectOption({ label: 'Đạt' });
    await lines.getByLabel('Ghi chú III.1-e', { exact: true }).fill('Đã có xã Tà Rụt đăng ký học tập, nhân rộng');
    await lines.getByRole('button', { name: 'Lưu điểm' }).click();
    await expect.poll(() => summaryRegion.innerText(), { timeout: PAGE_MS }).toContain('Kết quả\n✓ Đạt');
    expect(await summaryRegion.innerText()).toContain('Tổng điểm\n100%');
    await expect.poll(() => lineOf('III.1-e').innerText(), { timeout: PAGE_MS }).toContain('1 đạt / 0 không đạt');
    const scoresRegion = officer.getByRole('region', { name: 'Điểm của các thành viên' });
    const current = scoresRegion.getByRole('table').first().getByRole('row').filter({ has: officer.getByRole('cell') });
    await expect.poll(() => current.count(), { timeout: PAGE_MS }).toBe(6);
    const corrected = current.filter({ has: officer.getByRole('cell', { name: 'III.1-e', exact: true }) });
    expect((await corrected.getByRole('cell').allInnerTexts()).slice(1, 4)).toEqual(['III.1-e', 'Đạt', 'Đã có xã Tà Rụt đăng ký học tập, nhân rộng']);
    await scoresRegion.getByText('Lịch sử chấm điểm (cả các lần sửa)').click();
    const revisions = scoresRegion.getByRole('group').getByRole('row').filter({ has: officer.getByRole('cell', { name: 'III.1-e', exact: true }) });
    await expect.poll(() => revisions.count(), { timeout: PAGE_MS }).toBe(2);
    expect((await revisions.nth(0).getByRole('cell').allInnerTexts()).slice(1, 5)).toEqual(['III.1-e', 'Không đạt', '1', 'Chưa có nơi khác học tập, nhân rộng']);
    expect((await revisions.nth(1).getByRole('cell').allInnerTexts()).slice(1, 5)).toEqual(['III.1-e', 'Đạt', '2', 'Đã có xã Tà Rụt đăng ký học tập, nhân rộng']);
    // the council meets: the officer concludes with its vote; the result is fixed
    const conclude = officer.getByRole('region', { name: 'Kết luận bình xét' });
    await conclude.getByLabel('Thành phần tham dự').fill('Hội đồng Thi đua – Khen thưởng tỉnh');
    await conclude.getByLabel('Số người tham dự').fill('9');
    await conclude.getByLabel('Số phiếu đồng ý', { exact: true }).fill('9');
    await conclude.getByLabel('Số phiếu không đồng ý', { exact: true }).fill('0');
    await conclude.getByLabel('Số phiếu không biểu quyết', { exact: true }).fill('0');
    await conclude.getByRole('button', { name: 'Kết luận bình xét' }).click();
    await expect.poll(() => officerMain.innerText(), { timeout: PAGE_MS }).toContain('Hồ sơ đề nghị xét chọn · Tập thể · Đã kết luận');
    expect(await summaryRegion.innerText()).toContain(
      `Cuộc họp bình xét: Ngày ${today}: Hội đồng Thi đua – Khen thưởng tỉnh (9 người); đồng ý 9, không đồng ý 0, không biểu quyết 0.`,
    );
    expect(await summaryRegion.innerText()).toContain('Kết quả\n✓ Đạt');
    expect(await officer.getByRole('region', { name: 'Kết luận bình xét' }).count()).toBe(0);
    expect(await lines.getByRole('button', { name: 'Lưu điểm' }).count()).toBe(0);
    // the minutes of the meeting, attached to the nomination and served back as uploaded
    const minutes = officer.getByRole('region', { name: 'Biên bản bình xét' });
    const minutesPdf = makePdf(`Bien ban binh xet ${tag}`);
    await minutes.getByLabel('Chọn tài liệu').setInputFiles({ name: 'bien-ban-binh-xet.pdf', mimeType: 'application/pdf', buffer: minutesPdf });
    await minutes.getByRole('button', { name: 'Tải lên' }).click();
    const minutesLink = minutes.getByRole('link', { name: 'bien-ban-binh-xet.pdf' });
    await minutesLink.waitFor();
    const minutesServed = await officer.request.get(new URL((await minutesLink.getAttribute('href')) as string, baseUrl).toString());
    expect(minutesServed.status()).toBe(200);
    expect(Buffer.from(await minutesServed.body()).equals(minutesPdf)).toBe(true);
    const concluded = await api<TNominationDetail>(officer, `/api/emulation/nominations/${nominationId}`);
    expect(concluded).toMatchObject({ status: 'concluded', totalPercent: 100, passed: true, reviewerCount: 1 });
    expect(concluded.attachments.map((f) => f.filename)).toEqual(['bien-ban-binh-xet.pdf']);
    // the campaign's list of nominations: first among the collectives reviewed by the province, passed, concluded
    await officer.getByRole('link', { name: '← Bình xét theo tiêu chí' }).click();
    await officer.getByRole('heading', { name: 'Bình xét theo tiêu chí', level: 1 }).waitFor();
    const nominations = officer.getByRole('region', { name: 'Mô hình được đề nghị' });
    const nominated = nominations.getByRole('row').filter({ has: officer.getByRole('link', { name: title }) });
    await expect.poll(() => nominated.getByRole('cell').allInnerTexts(), { timeout: PAGE_MS }).toEqual(['1', title, 'Tập thể', 'Xã Hải Lăng', 'Tỉnh Quảng Trị', '1', '100%', '✓ Đạt', 'Đã kết luận']);

    // (4) concluding recorded the model's public review at the province; the officer recognises it and publishes it
    await officer.goto(`${baseUrl}/emulation/models/${id}`);
    await officer.getByRole('heading', { name: title, level: 1 }).waitFor();
    const reviewedByProvince = await api<TModelDetail>(officer, `/api/emulation/models/${id}`);
    expect(reviewedByProvince).toMatchObject({ status: 'reviewed', recognisedLevel: 'commune' });
    expect(reviewedByProvince.steps.at(-1)?.details).toMatchObject({ reviewId: nominationId, attendees: 'Hội đồng Thi đua – Khen thưởng tỉnh', passed: true });
    // reviewed already: the step form offers no second review, the recognition next
    const nextSteps = await officer.getByLabel('Bước', { exact: true }).locator('option').allTextContents();
    expect(nextSteps).toContain('Công nhận');
    expect(nextSteps).not.toContain('Bình xét công khai');
    await takeStep(
      officer,
      id,
      'Công nhận',
      async () => {
        await officer.getByLabel('Cấp công nhận').selectOption({ label: 'Cấp tỉnh' });
        await officer.getByLabel('Số quyết định').fill('125-QĐ/BTGDVTU');
        // the recognising unit left empty: the officer's own unit (the province)
      },
      (m) => m.status === 'recognised',
    );
    const recognised = await api<TModelDetail>(officer, `/api/emulation/models/${id}`);
    expect(recognised.recognisedLevel).toBe('province');
    expect(recognised.recognisedBy?.fullName).toBe('Tỉnh Quảng Trị');
    await expect.poll(() => officerMain.innerText(), { timeout: PAGE_MS }).toContain(`Cấp tỉnh, ngày ${today}`);
    const officerHistory = historyOf(officer);
    // the history keeps both decisions and both reviews, in order
    const recognitions = officerHistory.getByRole('listitem').filter({ hasText: /^Công nhận/ });
    await expect.poll(() => recognitions.count(), { timeout: PAGE_MS }).toBe(2);
    expect(await recognitions.nth(0).innerText()).toContain('Cấp xã · Số quyết định: 37/QĐ-UBND · Xã Hải Lăng');
    expect(await recognitions.nth(1).innerText()).toContain('Cấp tỉnh · Số quyết định: 125-QĐ/BTGDVTU · Tỉnh Quảng Trị');
    const reviews = officerHistory.getByRole('listitem').filter({ hasText: /^Bình xét công khai/ });
    await expect.poll(() => reviews.count(), { timeout: PAGE_MS }).toBe(2);
    // the province's review is the concluded sheet's: the meeting's vote and the sheet's result
    expect(await reviews.nth(1).innerText()).toContain(
      'Hội đồng Thi đua – Khen thưởng tỉnh · 9 đồng ý · 0 không đồng ý · 0 không biểu quyết / 9 người · Đạt (đa số đồng ý) · Bình xét theo phiếu chấm điểm: 100%, đạt.',
    );
    await takeStep(officer, id, 'Công bố trên trang công khai', async () => undefined, (m) => m.published);
    await officerMain.getByText('Đã công bố công khai', { exact: true }).waitFor();

    // (5) another commune replicates it: the new-model page, the origin found by its words
    const other = await newContext({ viewport: { width: 1280, height: 900 } });
    const clerk = await other.newPage();
    await signIn(clerk, baseUrl, 'xa.ta-rut', PASSWORD);
    await clerk.goto(`${baseUrl}/emulation/models/new`);
    await clerk.getByRole('heading', { name: 'Đăng ký mô hình, điển hình', level: 1 }).waitFor();
    await clerk.getByLabel('Tìm mô hình gốc').fill(tag);
    const originChoice = `${title} — Xã Hải Lăng (Cấp tỉnh)`;
    const originSelect = clerk.getByLabel('Mô hình gốc (đã được công nhận)', { exact: true });
    await expect.poll(() => originSelect.locator('option').allTextContents()).toEqual(['Không nhân rộng (mô hình mới)', originChoice]);
    await originSelect.selectOption({ label: originChoice });
    await clerk.getByRole('heading', { name: 'Nhân rộng mô hình', level: 1 }).waitFor();
    const replicaTitle = `Camera an ninh và hòa giải ở bản vùng cao ${tag}`;
    // built in this year's campaign too: the province will review it on the same sheet
    await clerk.getByLabel('Phong trào thi đua (nếu có)').selectOption({ label: campaignTitle });
    await clerk.getByLabel('Lĩnh vực').selectOption({ label: 'Quốc phòng – an ninh' });
    await clerk.getByLabel('Ngày bắt đầu').fill('15/09/2026');
    await clerk.getByLabel('Tên mô hình').fill(replicaTitle);
    await clerk.getByLabel('Cách làm (đã làm gì)').fill('Học cách làm của xã Hải Lăng: các bản góp công lắp camera ở đường vào bản, tổ hòa giải họp hằng tháng.');
    await clerk.getByLabel('Địa bàn (xã, phường hoặc đơn vị)').fill('Tà Rụt');
    // the picker also lists the Tà Rụt of the 2019 structure (under Huyện Đa Krông): today's commune is the province's
    await clerk
      .getByRole('list', { name: 'Kết quả tìm đơn vị' })
      .getByRole('listitem')
      .filter({ hasNotText: 'Huyện' })
      .getByRole('button', { name: 'Xã Tà Rụt', exact: true })
      .click();
    await clerk.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await clerk.getByRole('heading', { name: replicaTitle, level: 1 }).waitFor();
    const replicaId = clerk.url().split('/').pop() as string;
    const replica = await api<TModelDetail>(clerk, `/api/emulation/models/${replicaId}`);
    expect(replica.origin?.id).toBe(id);
    expect(replica.status).toBe('registered');
    expect(replica.campaign?.id).toBe(campaignId);
    // the replica's chain names its origin (another commune's model: its title, not a link)
    const replicaChain = clerk.getByRole('region', { name: 'Chuỗi nhân rộng' });
    await expect.poll(() => replicaChain.innerText()).toContain(`Mô hình gốc\n${title}\nXã Hải Lăng · Đã công nhận · Cấp tỉnh`);
    expect(await replicaChain.innerText()).toContain(`Mô hình này\n${replicaTitle}\nXã Tà Rụt`);
    expect(await replicaChain.getByRole('link', { name: title }).count()).toBe(0);
    const replicaHistory = clerk.getByRole('listitem').filter({ hasText: `Nhân rộng từ: ${title}` });
    await replicaHistory.waitFor();
    await other.close();

    // (6) the province's models page: the counts by field × level, then the model's replication chain
    await officer.goto(`${baseUrl}/emulation/models`);
    const counts = officer.getByRole('table', { name: 'Số mô hình theo lĩnh vực và cấp công nhận' });
    await counts.waitFor();
    // over the whole province: one more recognised by the province and one more not recognised, in their field
    const cellOf = (c: TModelCounts, field: string, level: string) => c.cells.find((x) => x.field === field && x.level === level)?.count ?? 0;
    const provinceCell = cellOf(before, 'defence_security', 'province') + 1;
    const noneCell = cellOf(before, 'defence_security', 'none') + 1;
    await counts.getByRole('button', { name: `Quốc phòng – an ninh · Cấp tỉnh: ${provinceCell}` }).waitFor();
    await counts.getByRole('button', { name: `Quốc phòng – an ninh · Chưa công nhận: ${noneCell}` }).waitFor();
    const defenceTotal = (before.byField.find((b) => b.field === 'defence_security')?.count ?? 0) + 2;
    expect((await counts.getByRole('row', { name: /^Quốc phòng – an ninh/ }).getByRole('cell').allInnerTexts()).at(-1)).toBe(vnNumber(defenceTotal));
    expect((await counts.getByRole('row', { name: /^Tổng/ }).getByRole('cell').allInnerTexts()).at(-1)).toBe(vnNumber(before.total + 2));
    await officer.getByText(`Trong đó ${vnNumber(before.replicas + 1)} mô hình nhân rộng`, { exact: true }).waitFor();
    // the words of the two models: exactly these two, one recognised by the province, one replica not recognised yet
    await officer.getByLabel('Tìm kiếm (không cần dấu)').fill(tag.toLowerCase());
    await expect.poll(() => officer.getByText(/^\d+ mô hình$/).innerText(), { timeout: 10_000 }).toBe('2 mô hình');
    const row = counts.getByRole('row', { name: /^Quốc phòng – an ninh/ });
    // (the counts are their own request: wait for them too)
    await expect.poll(() => row.getByRole('cell').allInnerTexts()).toEqual(['0', '0', '1', '0', '1', '2']);
    for (const field of ['Kinh tế', 'Văn hóa – xã hội', 'Xây dựng Đảng và hệ thống chính trị']) {
      expect(await counts.getByRole('row', { name: new RegExp(`^${field}`) }).getByRole('cell').allInnerTexts()).toEqual(['0', '0', '0', '0', '0', '0']);
    }
    expect(await counts.getByRole('row', { name: /^Tổng/ }).getByRole('cell').allInnerTexts()).toEqual(['0', '0', '1', '0', '1', '2']);
    await officer.getByText('Trong đó 1 mô hình nhân rộng', { exact: true }).waitFor();
    // a cell filters the list: the recognised one
    await counts.getByRole('button', { name: 'Quốc phòng – an ninh · Cấp tỉnh: 1' }).click();
    await expect.poll(() => officer.getByText(/^\d+ mô hình$/).innerText()).toBe('1 mô hình');
    const listed = officer.getByRole('row').filter({ has: officer.getByRole('link', { name: title }) });
    await expect.poll(() => listed.innerText()).toContain('1 nơi nhân rộng');
    expect(await listed.innerText()).toContain(`Cấp tỉnh, ngày ${today}`);
    await listed.getByRole('link', { name: title }).click();
    await officer.getByRole('heading', { name: title, level: 1 }).waitFor();
    const chain = officer.getByRole('region', { name: 'Chuỗi nhân rộng' });
    await expect.poll(() => chain.innerText()).toContain(`Mô hình này\n${title}\nXã Hải Lăng`);
    expect(await chain.innerText()).toContain(`Nhân rộng (đời 1)\n${replicaTitle}\nXã Tà Rụt · Đã đăng ký`);
    expect(await chain.getByRole('link', { name: replicaTitle }).getAttribute('href')).toBe(`/emulation/models/${replicaId}`);
    // the replica put forward to the province as well, not scored yet: it ranks after the concluded, passed model
    await officer.goto(`${baseUrl}/emulation/campaigns/${campaignId}/review`);
    await officer.getByRole('heading', { name: 'Bình xét theo tiêu chí', level: 1 }).waitFor();
    await nominate.getByLabel('Tìm mô hình (tên, đơn vị)').fill(tag);
    const replicaChoice = `${replicaTitle} · Xã Tà Rụt · Tập thể`;
    await expect.poll(() => modelSelect.locator('option').allTextContents(), { timeout: PAGE_MS }).toEqual(['— Chọn mô hình —', modelChoice, replicaChoice]);
    await modelSelect.selectOption({ label: replicaChoice });
    await toUnit.selectOption({ label: 'Tỉnh Quảng Trị' });
    await nominate.getByRole('button', { name: 'Đề nghị xét chọn', exact: true }).click();
    await officer.getByRole('heading', { name: replicaTitle, level: 1 }).waitFor();
    await officer.getByRole('link', { name: '← Bình xét theo tiêu chí' }).click();
    await officer.getByRole('heading', { name: 'Bình xét theo tiêu chí', level: 1 }).waitFor();
    const replicaNominated = nominations.getByRole('row').filter({ has: officer.getByRole('link', { name: replicaTitle }) });
    await expect.poll(() => replicaNominated.getByRole('cell').allInnerTexts(), { timeout: PAGE_MS }).toEqual([
      '2',
      replicaTitle,
      'Tập thể',
      'Xã Tà Rụt',
      'Tỉnh Quảng Trị',
      '0',
      '—',
      '○ Chưa có điểm',
      'Đang bình xét',
    ]);
    expect(await nominated.getByRole('cell').allInnerTexts()).toEqual(['1', title, 'Tập thể', 'Xã Hải Lăng', 'Tỉnh Quảng Trị', '1', '100%', '✓ Đạt', 'Đã kết luận']);
    // the list in rank order
    expect(await nominations.getByRole('row').filter({ has: officer.getByRole('cell') }).evaluateAll((rows) => rows.map((r) => (r as HTMLTableRowElement).cells[0]?.innerText))).toEqual([
      '1',
      '2',
    ]);
    await province.close();

    // (7) the public page, without an account: the published model with its photo and figures
    const visitor = await newContext({ viewport: { width: 360, height: 740 } });
    const pub = await visitor.newPage();
    await pub.goto(`${baseUrl}/dan-van-kheo`);
    await pub.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Tỉnh Quảng Trị' });
    await pub.getByRole('heading', { level: 1, name: 'Mô hình “Dân vận khéo” – Tỉnh Quảng Trị' }).waitFor();
    await pub.getByLabel('Tìm theo tên, nội dung').fill(tag);
    await pub.getByRole('button', { name: 'Tìm', exact: true }).click();
    // the replica is neither recognised nor published: the recognised model only
    await expect.poll(() => pub.getByRole('status').innerText()).toBe('Có 1 mô hình phù hợp.');
    const card = pub.getByRole('listitem').filter({ has: pub.getByRole('heading', { level: 2, name: title }) });
    expect(await card.innerText()).toContain(`Cấp tỉnh, công nhận ngày ${today} · Quốc phòng – an ninh · Tập thể`);
    expect(await card.innerText()).toContain('Xã Hải Lăng');
    const cardPhoto = card.getByRole('img', { name: `Ảnh mô hình ${title}` });
    await cardPhoto.scrollIntoViewIfNeeded();
    await expect.poll(() => cardPhoto.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(24);
    await card.getByRole('link', { name: title }).click();
    await pub.getByRole('heading', { level: 1, name: title }).waitFor();
    const big = pub.getByRole('img', { name: `Ảnh mô hình ${title}` });
    await expect.poll(() => big.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(24);
    // the photo served to the public is the one the commune uploaded, byte for byte
    const served = await pub.request.get(new URL((await big.getAttribute('src')) as string, baseUrl).toString());
    expect(served.status()).toBe(200);
    expect(Buffer.from(await served.body()).equals(png)).toBe(true);
    const article = pub.getByRole('article');
    expect(await article.innerText()).toContain(summary);
    expect(await article.innerText()).toContain(whatChanged);
    const figures = pub.getByRole('table', { name: 'Số liệu' });
    expect(await figures.getByRole('row').allInnerTexts()).toEqual(['Số hộ lắp camera\t126 hộ', 'Tỷ lệ vụ việc hòa giải thành\t92,5 %']);
    expect(await pub.locator('#static-login').count()).toBe(0);
    await visitor.close();
  }, STORY_MS);
});
