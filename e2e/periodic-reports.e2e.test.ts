import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

const browser = useBrowser();
const REASON = 'Số buổi tiếp công dân chưa khớp sổ tiếp dân, đề nghị kiểm tra lại';

/** The month being reported now: the one before today's (Vietnam time). */
function lastMonth(): { id: string; label: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  let [year, month] = today.split('-').map(Number) as [number, number];
  month -= 1;
  if (month === 0) [year, month] = [year - 1, 12];
  return { id: `${year}${String(month).padStart(2, '0')}`, label: `Tháng ${month}/${year}` };
}

async function as(context: BrowserContext, username: string): Promise<Page> {
  await context.clearCookies();
  const page = await context.newPage();
  await signIn(page, baseUrl, username, PASSWORD);
  return page;
}

/** Types a figure and leaves the field, as a person does: the outbox saves it on leaving. */
async function type(page: Page, label: string, value: string) {
  const field = cell(page, label);
  await field.fill(value);
  await field.blur();
}

/** A form cell by its label (the element's name, its disaggregation after ':', the unit of measure in brackets). */
const cell = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(.*\\))?$`));

const sent = (page: Page) => expect.poll(() => page.getByText('Đã gửi lên máy chủ').count(), { timeout: 20_000 }).toBe(1);

describe('periodic reports, the story of the issue', () => {
  it('a commune enters and submits its monthly report, the province returns it, the commune corrects and resubmits, the province approves, the dashboard shows it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const month = lastMonth();
    let page = await as(context, 'xa.ta-rut');
    await page.goto(`${baseUrl}/periodic-reports`);
    await page.getByRole('heading', { name: 'Báo cáo định kỳ', level: 1 }).waitFor();
    await expect.poll(() => page.getByLabel('Kỳ báo cáo').inputValue()).toBe(month.id);
    await page.getByRole('link', { name: 'Nhập số liệu Xã Tà Rụt' }).click();
    await page.getByRole('heading', { name: `Báo cáo công tác dân vận – ${month.label}`, level: 1 }).waitFor();
    const reportUrl = page.url();

    await type(page, 'Số ngày cán bộ đi cơ sở', '40');
    await type(page, 'Số cán bộ dân vận', '12');
    await type(page, 'Số buổi tiếp công dân', '4');
    await type(page, 'Số đơn thư tiếp nhận: Đất đai', '5');
    await type(page, 'Số đơn thư tiếp nhận: Chính sách xã hội', '2');
    await type(page, 'Số đơn thư tiếp nhận: Khác', '1');
    await type(page, 'Số đơn thư đã giải quyết: Đất đai', '4');
    await type(page, 'Số đơn thư đã giải quyết: Chính sách xã hội', '2');
    // checked as you type: 4 + 2 + 5 resolved > 8 received
    await type(page, 'Số đơn thư đã giải quyết: Khác', '5');
    await expect.poll(() => page.getByText('Số đơn thư đã giải quyết không được lớn hơn số đơn thư tiếp nhận').count()).toBeGreaterThan(0);
    await type(page, 'Số đơn thư đã giải quyết: Khác', '1');
    await expect.poll(() => page.getByText('Số đơn thư đã giải quyết không được lớn hơn số đơn thư tiếp nhận').count()).toBe(0);
    await type(page, 'Số cuộc đối thoại với nhân dân', '1');
    await sent(page);
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Đã cập nhật trạng thái báo cáo: Đã gửi.').waitFor();
    await page.close();

    page = await as(context, 'tinh.qt');
    await page.goto(reportUrl);
    await page.getByRole('button', { name: 'Trả lại để chỉnh sửa' }).click();
    await page.getByLabel('Lý do').fill(REASON);
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đã cập nhật trạng thái báo cáo: Trả lại để chỉnh sửa.').waitFor();
    await page.close();

    page = await as(context, 'xa.ta-rut');
    await page.goto(reportUrl);
    await page.getByText(`Cấp trên trả lại để chỉnh sửa: ${REASON}`).waitFor();
    await type(page, 'Số buổi tiếp công dân', '5');
    await sent(page);
    await page.getByRole('button', { name: 'Gửi lại báo cáo' }).click();
    await page.getByText('Đã cập nhật trạng thái báo cáo: Đã gửi.').waitFor();
    await page.close();

    page = await as(context, 'lanhdao.qt');
    await page.goto(reportUrl);
    await page.getByRole('button', { name: 'Phê duyệt' }).click();
    await page.getByText('Đã cập nhật trạng thái báo cáo: Đã phê duyệt.').waitFor();
    const history = page.getByRole('region', { name: 'Lịch sử báo cáo' });
    await expect.poll(() => history.getByRole('listitem').count()).toBe(4);

    // the province dashboard reads the totals maintained on write: Tà Rụt resolved 7 of 8 petitions (87.5 %), at once
    await page.goto(`${baseUrl}/periodic-reports/dashboard`);
    await page.getByLabel('Chỉ số').selectOption({ label: 'Tỷ lệ đơn thư được giải quyết' });
    await page.getByLabel('Từ kỳ').selectOption(month.id);
    await page.getByLabel('Đến kỳ').selectOption(month.id);
    const row = page.getByRole('row', { name: /Xã Tà Rụt/ });
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toMatch(/87[,.]5/);
    // the province on the map (its outlines load after the figures)
    await expect.poll(() => page.getByRole('group', { name: /Vị trí .*Quảng Trị trên bản đồ/ }).count(), { timeout: 20_000 }).toBe(1);
    await context.close();
  });

  it('a value typed while the connection is down waits on the machine, survives a reload, and is stored once when it comes back', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const month = lastMonth();
    const page = await as(context, 'xa.hai-lang');
    await page.goto(`${baseUrl}/periodic-reports?period=${month.id}`);
    await page.getByRole('link', { name: 'Nhập số liệu Xã Hải Lăng' }).click();
    await page.getByRole('heading', { name: `Báo cáo công tác dân vận – ${month.label}`, level: 1 }).waitFor();
    // the link to the server drops: every write fails at the network level
    await page.route('**/api/indicators/values', (route) => route.abort('internetdisconnected'));
    await type(page, 'Số buổi tiếp công dân', '7');
    await page.getByText('Đã lưu trên máy, chờ gửi: 1').waitFor();
    await page.reload();
    await page.getByText('Đã lưu trên máy, chờ gửi: 1').waitFor();
    await page.unroute('**/api/indicators/values');
    await context.setOffline(true);
    await context.setOffline(false);
    await sent(page);
    await page.reload();
    await expect.poll(() => cell(page, 'Số buổi tiếp công dân').inputValue()).toBe('7');
    const history = await page.evaluate(async (url) => (await fetch(url)).json(), await historyUrl(page, 'Số buổi tiếp công dân'));
    expect((history as unknown[]).length).toBe(1);
    await context.close();
  });
});

/** The history address of one cell, from the ids the form put on it (cell-<unit>-<element>-<coc>). */
async function historyUrl(page: Page, label: string): Promise<string> {
  const id = await cell(page, label).getAttribute('id');
  const [, unitId, dataElementId, cocId] = (id ?? '').split('-');
  const period = new URL(page.url()).pathname.split('/')[3];
  return `${baseUrl}/api/indicators/values/history?unitId=${unitId}&period=${period}&dataElementId=${dataElementId}&cocId=${cocId}`;
}
