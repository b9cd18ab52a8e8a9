import type { APIResponse, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TCase, TCaseCreate, TPetitionField } from '#contracts/petitions/case.schemas.ts';
import { ExcelJS } from '#server/shared/exceljs.ts';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

const browser = useBrowser();

/** The signed-in user's unit and CSRF token (the forms' API calls send it on writes). */
async function me(page: Page): Promise<{ id: number; unitId: number; csrfToken: string }> {
  return (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { id: number; unitId: number; csrfToken: string };
}

async function json<T>(response: APIResponse): Promise<T> {
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

/** Receives a case through the API the intake form calls (the form has no back-dated receipt in a few clicks). */
async function receive(page: Page, body: Omit<TCaseCreate, 'unitId' | 'fieldId' | 'channel'>): Promise<TCase> {
  const user = await me(page);
  const fields = await json<TPetitionField[]>(await page.request.get(`${baseUrl}/api/petition-fields`));
  const land = fields.find((f) => f.name === 'Đất đai') ?? fields[0];
  if (!land) throw new Error('no field of cases');
  return json<TCase>(
    await page.request.post(`${baseUrl}/api/petitions`, {
      headers: { 'x-csrf-token': user.csrfToken, 'content-type': 'application/json' },
      data: { ...body, unitId: user.unitId, fieldId: land.id, channel: 'in_person' },
    }),
  );
}

/** Chooses an action in "Việc cần làm" (with the date of the step when given) and records it. */
async function act(page: Page, label: string, onDate?: string): Promise<void> {
  await page.getByLabel('Việc cần làm').selectOption({ label });
  if (onDate) await page.getByLabel('Ngày thực hiện (bỏ trống: hôm nay)').fill(onDate);
  await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
}

const suffix = () => String(Date.now() % 100000);

describe('citizens’ cases: the calendar, the denouncer’s secret and the export', () => {
  it('a complaint received the Thursday before Tết Bính Ngọ: after acceptance the working-day deadline skips the Tết days', async () => {
    const office = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await office.newPage();
    await signIn(page, baseUrl, 'xa.hai-lang', PASSWORD);
    // received Thursday 12/02/2026; Tết Bính Ngọ is off from Saturday 14/02 to Sunday 22/02/2026
    // (resources/legal/calendar.json: 16–20/02 the Tết weekdays). Rule set KNTC-2019 (received before 01/07/2026).
    const received = await receive(page, {
      kind: 'complaint',
      subject: `Khiếu nại quyết định thu hồi đất nông nghiệp thôn Phú Hưng ${suffix()}`,
      content: 'Gia đình tôi không đồng ý với quyết định thu hồi đất và mức bồi thường, đề nghị xem xét lại.',
      receivedOn: '2026-02-12',
      persons: [{ fullName: 'Nguyễn Văn Thắng', birthYear: 1968, gender: 'male' }],
    });
    await page.goto(`${baseUrl}/petitions/${received.id}`);
    await page.getByRole('heading', { name: received.subject, level: 1 }).waitFor();

    // thụ lý on Friday 13/02/2026, the last working day before Tết
    await act(page, 'Thụ lý', '13/02/2026');
    await page.locator('.pet-status').getByText('Đã thụ lý').waitFor();
    const deadlines = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Căn cứ' }) });
    // 10 working days from Thu 12/02: Fri 13/02 (1), [14–22/02 Tết], 23, 24, 25, 26, 27/02 (6), 02, 03, 04, 05/03 (10):
    // 05/03/2026 — without the Tết days it would be Thu 26/02/2026
    const acceptRow = deadlines.getByRole('row', { name: /Thụ lý giải quyết khiếu nại lần đầu/ });
    await expect.poll(() => acceptRow.innerText()).toContain('05/03/2026');
    expect(await acceptRow.innerText()).toContain('10 ngày làm việc');
    expect(await acceptRow.innerText()).toMatch(/Luật Khiếu nại 2011, Điều \d+/);
    expect(await deadlines.innerText()).not.toContain('26/02/2026');
    // 30 calendar days from the acceptance on 13/02: Sun 15/03/2026, a day off → Mon 16/03/2026
    const resolveRow = deadlines.getByRole('row', { name: /Giải quyết khiếu nại lần đầu/ });
    expect(await resolveRow.innerText()).toContain('16/03/2026');
    await office.close();
  });

  it('a denunciation: the handler reads the denouncer with a declared need; an officer without the right sees it hidden; the Excel export leaves the name out', async () => {
    const denouncer = `Đoàn Thị Xuân Khánh`;
    const commune = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await commune.newPage();
    await signIn(page, baseUrl, 'xa.hai-lang', PASSWORD);
    const received = await receive(page, {
      kind: 'denunciation',
      subject: `Tố cáo cán bộ địa chính xã xác nhận sai nguồn gốc đất ${suffix()}`,
      content: 'Cán bộ địa chính xã đã xác nhận sai nguồn gốc thửa đất để hợp thức hóa việc cấp giấy chứng nhận.',
      receivedOn: '2026-11-20',
      persons: [{ fullName: denouncer, birthYear: 1975, gender: 'female', phone: '0912345678', address: 'Thôn Phú Hưng, xã Hải Lăng' }],
    });
    expect(received.code).toMatch(/^[A-Z0-9-]{3,40}$/);

    // the commune accepts it and takes it as handler: then, and only with a stated need, the identity shows
    await page.goto(`${baseUrl}/petitions/${received.id}`);
    await page.getByRole('heading', { name: received.subject, level: 1 }).waitFor();
    const persons = page.getByRole('region', { name: 'Người gửi đơn' });
    await expect.poll(() => persons.innerText()).toContain('[đã ẩn]');
    expect(await persons.innerText()).not.toContain(denouncer);
    await act(page, 'Thụ lý');
    await page.locator('.pet-status').getByText('Đã thụ lý').waitFor();
    await page.getByLabel('Việc cần làm').selectOption({ label: 'Giao người xử lý' });
    await page.getByRole('button', { name: 'Giao cho tôi' }).click();
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await page.getByLabel('Lý do cần xem thông tin người tố cáo').waitFor();
    await page.getByLabel('Lý do cần xem thông tin người tố cáo').fill('Xác minh nhân thân người tố cáo để giải quyết');
    await page.getByRole('button', { name: 'Xem thông tin người tố cáo' }).click();
    await expect.poll(() => persons.innerText()).toContain(denouncer);
    expect(await persons.innerText()).toContain('0912345678');

    // the province's officer (no right to the identity, not the handler) sees the case with the name hidden
    const province = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const other = await province.newPage();
    await signIn(other, baseUrl, 'tinh.qt', PASSWORD);
    await other.goto(`${baseUrl}/petitions/${received.id}`);
    await other.getByRole('heading', { name: received.subject, level: 1 }).waitFor();
    const hidden = other.getByRole('region', { name: 'Người gửi đơn' });
    await expect.poll(() => hidden.innerText()).toContain('[đã ẩn]');
    expect(await hidden.innerText()).toContain('Được giữ bí mật');
    expect(await other.locator('main').innerText()).not.toContain(denouncer);
    expect(await other.getByRole('button', { name: 'Xem thông tin người tố cáo' }).count()).toBe(0);
    const refused = await other.request.post(`${baseUrl}/api/petitions/${received.id}/identity`, {
      headers: { 'x-csrf-token': (await me(other)).csrfToken, 'content-type': 'application/json' },
      data: { reason: 'Muốn xem người tố cáo' },
    });
    expect(refused.status()).toBe(403);

    // the handler exports the denunciations of the list: the case is there by its code, the denouncer's name is not
    await page.goto(`${baseUrl}/petitions`);
    await page.getByLabel('Loại vụ việc').selectOption({ label: 'Tố cáo' });
    await page.getByRole('link', { name: received.code }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Xuất Excel' }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const cells: string[] = [];
    book.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
    const text = cells.join('\n');
    expect(cells).toContain(received.code);
    expect(text).toContain('[đã ẩn]');
    expect(text).not.toContain(denouncer);
    expect(text).not.toContain('0912345678');
    await province.close();
    await commune.close();
  });
});
