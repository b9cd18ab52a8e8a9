import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, openUnit, PASSWORD, signIn, useBrowser } from './browser.ts';

const ORGANIZATION = 'Ban Thanh tra nhân dân xã Hải Lăng';
/** The day the pages are shown as of: in today's structure (the merged Xã Hải Lăng, from 1 July 2025). */
const DAY = '2026-01-15';
const browser = useBrowser();


/** Signs in as the Hải Lăng clerk and opens the commune's people's inspection board (2025 structure, on DAY). */
async function openInspectionBoard(width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, 'xa.hai-lang', PASSWORD);
  await openUnit(page, DAY, 'hai lang', 'Xã Hải Lăng');
  await page.getByRole('link', { name: ORGANIZATION }).click();
  await page.getByRole('heading', { name: ORGANIZATION, level: 1 }).waitFor();
  return page;
}

/** Fills "Thêm thành viên" and sends it. */
async function addMember(page: Page, fullName: string, title: string) {
  const form = page.getByRole('region', { name: 'Thêm thành viên' });
  await form.getByLabel('Họ và tên').fill(fullName);
  await form.getByLabel('Chức danh').fill(title);
  await form.getByLabel('Giới tính').selectOption({ label: 'Nữ' });
  await form.getByLabel('Năm sinh (không bắt buộc)').fill('1990');
  await form.getByRole('button', { name: 'Thêm thành viên' }).click();
  await expect.poll(() => form.getByRole('status').textContent()).toContain(`Đã thêm ${fullName} với chức danh ${title}.`);
}

const memberRow = (page: Page, fullName: string) =>
  page.getByRole('region', { name: 'Thành viên', exact: true }).getByRole('row').filter({ hasText: fullName });

describe('members of an organisation', () => {
  it('adds a member with a title, then ends the term: the row shows the end date', async () => {
    const page = await openInspectionBoard();
    const fullName = `Lê Thị Thử ${Date.now().toString(36)}`;
    await addMember(page, fullName, 'Tổ viên');
    const row = memberRow(page, fullName);
    await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toBe('Tổ viên');
    // the page shows 15/01/2026 and the form started the term on that date
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('Từ 15/01/2026 đến nay');

    await row.getByRole('button', { name: `Kết thúc nhiệm kỳ ${fullName}, Tổ viên` }).click();
    const endForm = page.getByRole('form', { name: `Kết thúc nhiệm kỳ: ${fullName}, Tổ viên` });
    await endForm.getByLabel('Ngày kết thúc').fill(DAY);
    await endForm.getByRole('button', { name: 'Xác nhận kết thúc' }).click();
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('15/01/2026 – 15/01/2026');
    expect(await row.getByRole('button', { name: /Kết thúc nhiệm kỳ/ }).count()).toBe(0);
    await expect.poll(() => page.getByText(`Đã kết thúc nhiệm kỳ (${fullName}, Tổ viên) ngày 15/01/2026.`).count()).toBe(1);

    // a day later the member is no longer current; the role stays in the person's history
    await page.goto(page.url().replace(`asOf=${DAY}`, 'asOf=2026-01-16'));
    await page.getByRole('heading', { name: ORGANIZATION, level: 1 }).waitFor();
    await expect.poll(() => page.getByText(fullName).count()).toBe(0);
  });

  it('says plainly when the person was registered but the title was refused, and links to them', async () => {
    const page = await openInspectionBoard();
    const fullName = `Trần Văn Thử ${Date.now().toString(36)}`;
    const form = page.getByRole('region', { name: 'Thêm thành viên' });
    await form.getByLabel('Họ và tên').fill(fullName);
    await form.getByLabel('Chức danh').fill('Tổ viên');
    // the person is registered for real; the second request (the role) is answered with a refusal
    const refusal = 'Không gán được chức danh lúc này.';
    await page.route('**/api/people/*/roles', (route) =>
      route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: 'conflict', message: refusal }) }),
    );
    await form.getByRole('button', { name: 'Thêm thành viên' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain(`Đã đăng ký người nhưng chưa gán chức danh: ${refusal}`);
    expect(await form.getByRole('status').count()).toBe(0);
    await page.unroute('**/api/people/*/roles');
    await form.getByRole('link', { name: `Mở trang của ${fullName} để gán chức danh` }).click();
    await page.getByRole('heading', { name: fullName, level: 1 }).waitFor();
    await expect.poll(() => page.getByText('Chưa có chức danh nào.').count()).toBe(1);

    // "Thêm chức danh" on the person's page: the organisations of the term's start, then the term ended there too
    const add = page.getByRole('region', { name: 'Thêm chức danh' });
    await add.getByLabel('Từ ngày').fill('2025-09-01');
    await add.getByLabel('Tổ chức').selectOption({ label: ORGANIZATION });
    await add.getByLabel('Chức danh').fill('Tổ viên');
    await add.getByRole('button', { name: 'Thêm chức danh' }).click();
    await expect.poll(() => add.getByRole('status').textContent()).toContain(`Đã thêm chức danh Tổ viên trong ${ORGANIZATION}.`);
    const row = page.getByRole('region', { name: 'Chức danh qua các nhiệm kỳ' }).getByRole('row').filter({ hasText: ORGANIZATION });
    await row.getByRole('button', { name: `Kết thúc nhiệm kỳ ${ORGANIZATION}, Tổ viên` }).click();
    await row.getByLabel('Ngày kết thúc').fill(DAY);
    await row.getByRole('button', { name: 'Xác nhận kết thúc' }).click();
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('01/09/2025 – 15/01/2026');
    await expect.poll(() => page.getByText(`Đã kết thúc nhiệm kỳ (${ORGANIZATION}, Tổ viên) ngày 15/01/2026.`).count()).toBe(1);
  });
});
