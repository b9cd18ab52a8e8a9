import type { Page } from 'playwright-core';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { TModelCounts, TModelDetail } from '#contracts/emulation/model.schemas.ts';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

const browser = useBrowser();

/**
 * The story visits some twenty pages as four people. Right after the server starts (this file may run first) its
 * first pages have been seen to take over 30 s on the embedded database (the demo's background work), so a page
 * gets a minute and the story four.
 */
const STORY_MS = 240_000;
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

const vnToday = () => {
  const iso = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
};

describe('"Dân vận khéo" exemplary models, the main story', () => {
  it('a commune registers a model with figures and a photo and reviews it; the province recognises and publishes it; another commune replicates it; the counts, the chain and the public page show it', async () => {
    // a word of the titles no demo model has: the list's search (without diacritics) and the counts find these two only
    const tag = `DVK${Date.now() % 1_000_000}`;
    const title = `Camera an ninh gắn với tổ hòa giải ở cơ sở ${tag}`;
    const summary = 'Khối dân vận xã vận động 126 hộ góp tiền lắp camera ở các ngõ xóm; tổ hòa giải theo dõi, gặp gỡ các bên ngay khi có va chạm.';
    const whatChanged = 'Không còn trộm cắp vặt trong năm; các vụ mâu thuẫn đều được hòa giải tại thôn.';
    const png = makePng(24, 16);

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
    // the page tells the story: the figures in Vietnamese notation, the photo shown
    const main = page.getByRole('main');
    await expect.poll(() => main.innerText()).toContain('Số hộ lắp camera\n126 hộ');
    expect(await main.innerText()).toContain('Tỷ lệ vụ việc hòa giải thành\n92,5 %');
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

    // (3) the province officer recognises it at province level with the decision, then publishes it
    await officer.goto(`${baseUrl}/emulation/models/${id}`);
    await officer.getByRole('heading', { name: title, level: 1 }).waitFor();
    // a higher level reviews a recognised model again before recognising it in turn
    await takeStep(
      officer,
      id,
      'Bình xét công khai',
      async () => {
        await officer.getByLabel('Thành phần tham dự').fill('Hội đồng Thi đua – Khen thưởng tỉnh');
        await officer.getByLabel('Số người tham dự').fill('9');
        await officer.getByLabel('Số phiếu đồng ý', { exact: true }).fill('9');
        await officer.getByLabel('Số phiếu không đồng ý', { exact: true }).fill('0');
        await officer.getByLabel('Số không biểu quyết', { exact: true }).fill('0');
      },
      (m) => m.status === 'reviewed' && m.recognisedLevel === 'commune',
    );
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
    const officerMain = officer.getByRole('main');
    await expect.poll(() => officerMain.innerText()).toContain(`Cấp tỉnh, ngày ${today}`);
    const officerHistory = historyOf(officer);
    // the history keeps both decisions and both reviews, in order
    const recognitions = officerHistory.getByRole('listitem').filter({ hasText: /^Công nhận/ });
    await expect.poll(() => recognitions.count()).toBe(2);
    expect(await recognitions.nth(0).innerText()).toContain('Cấp xã · Số quyết định: 37/QĐ-UBND · Xã Hải Lăng');
    expect(await recognitions.nth(1).innerText()).toContain('Cấp tỉnh · Số quyết định: 125-QĐ/BTGDVTU · Tỉnh Quảng Trị');
    const reviews = officerHistory.getByRole('listitem').filter({ hasText: /^Bình xét công khai/ });
    expect(await reviews.nth(1).innerText()).toContain('9 đồng ý · 0 không đồng ý · 0 không biểu quyết / 9 người · Đạt (đa số đồng ý)');
    await takeStep(officer, id, 'Công bố trên trang công khai', async () => undefined, (m) => m.published);
    await officerMain.getByText('Đã công bố công khai', { exact: true }).waitFor();

    // (4) another commune replicates it: the new-model page, the origin found by its words
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
    // the replica's chain names its origin (another commune's model: its title, not a link)
    const replicaChain = clerk.getByRole('region', { name: 'Chuỗi nhân rộng' });
    await expect.poll(() => replicaChain.innerText()).toContain(`Mô hình gốc\n${title}\nXã Hải Lăng · Đã công nhận · Cấp tỉnh`);
    expect(await replicaChain.innerText()).toContain(`Mô hình này\n${replicaTitle}\nXã Tà Rụt`);
    expect(await replicaChain.getByRole('link', { name: title }).count()).toBe(0);
    const replicaHistory = clerk.getByRole('listitem').filter({ hasText: `Nhân rộng từ: ${title}` });
    await replicaHistory.waitFor();
    await other.close();

    // (5) the province's models page: the counts by field × level, then the model's replication chain
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
    await province.close();

    // (6) the public page, without an account: the published model with its photo and figures
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
