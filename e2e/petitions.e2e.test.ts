import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TCase } from '#contracts/petitions/case.schemas.ts';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

const browser = useBrowser();

/** What the API answers the signed-in page (the figures the screen must show, read independently of it). */
async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

describe('citizens’ cases, the story of the issue', () => {
  it('a citizen files on the portal and gets a code; the commune accepts (deadlines from the rules), concludes and publishes; the citizen reads the answer', async () => {
    // the citizen, on a phone, without an account
    const citizen = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const portal = await citizen.newPage();
    await portal.goto(`${baseUrl}/cong-dan`);
    await portal.getByRole('heading', { name: 'Cổng tiếp nhận phản ánh, kiến nghị của công dân' }).waitFor();
    await portal.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Tỉnh Quảng Trị' });
    await portal.getByLabel('Xã, phường, đặc khu nơi xảy ra sự việc').selectOption({ label: 'Xã Hải Lăng' });
    await portal.getByLabel('Kiến nghị').check();
    await portal.getByLabel('Lĩnh vực').selectOption({ label: 'Đất đai' });
    const subject = `Đề nghị cấp giấy chứng nhận quyền sử dụng đất ${Date.now() % 100000}`;
    await portal.getByLabel('Tiêu đề').fill(subject);
    await portal.getByLabel('Nội dung').fill('Gia đình tôi nộp hồ sơ cấp giấy chứng nhận từ tháng 3 nhưng đến nay chưa có kết quả, đề nghị xã trả lời.');
    await portal.getByLabel('Họ và tên').fill('Lê Thị Hoa');
    // the portal refuses a form sent faster than a person types (abuse limit): wait as a person would
    await portal.waitForTimeout(5500);
    await portal.getByRole('button', { name: 'Gửi', exact: true }).click();
    await portal.getByRole('heading', { name: 'Đã tiếp nhận' }).waitFor({ timeout: 20_000 });
    const code = (await portal.locator('.portal-receipt dd').nth(0).innerText()).trim();
    const secret = (await portal.locator('.portal-receipt dd').nth(1).innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9-]{3,40}$/);
    expect(secret.length).toBeGreaterThan(5);

    // the commune's officer finds it by the words without diacritics
    const office = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await office.newPage();
    await signIn(page, baseUrl, 'xa.hai-lang', PASSWORD);
    await page.goto(`${baseUrl}/petitions`);
    await page.getByLabel('Tìm kiếm (không cần dấu)').fill(code);
    await page.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: subject, level: 1 }).waitFor();
    await page.getByText(`Kiến nghị · ${code}`).waitFor();
    const id = page.url().split('/').pop() as string;

    // accept (thụ lý): the deadlines come from the rule set in force, each with its legal basis
    await page.getByLabel('Việc cần làm').selectOption({ label: 'Thụ lý' });
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await page.locator('.pet-status').getByText('Đã thụ lý').waitFor();
    const accepted = await api<TCase>(page, `/api/petitions/${id}`);
    expect(accepted.status).toBe('accepted');
    const due = accepted.deadlines.find((d) => d.dueOn !== null);
    expect(due, 'a deadline with its date').toBeTruthy();
    const deadlines = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Căn cứ' }) });
    await expect.poll(() => deadlines.innerText()).toContain(vnDate(due?.dueOn as string));
    expect(await deadlines.innerText()).toContain(due?.basis as string);

    // conclude with the answer, then publish it
    const answer = 'Hồ sơ đã đủ điều kiện; UBND xã sẽ trao giấy chứng nhận trong tháng này.';
    await page.getByLabel('Việc cần làm').selectOption({ label: 'Kết luận, ra quyết định' });
    await page.getByLabel('Nội dung trả lời công dân').fill(answer);
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await expect.poll(async () => (await api<TCase>(page, `/api/petitions/${id}`)).status).toBe('concluded');
    await page.getByLabel('Việc cần làm').selectOption({ label: 'Công khai trả lời' });
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await expect.poll(async () => (await api<TCase>(page, `/api/petitions/${id}`)).answerPublished).toBe(true);

    // the citizen looks the case up with the code and the secret and reads the answer
    await portal.goto(`${baseUrl}/cong-dan/tra-cuu`);
    await portal.getByLabel('Mã hồ sơ').fill(code);
    await portal.getByLabel('Mã bí mật').fill(secret);
    await portal.getByRole('button', { name: 'Tra cứu' }).click();
    await portal.getByRole('heading', { name: 'Kết quả trả lời' }).waitFor();
    await expect.poll(() => portal.locator('.portal-answer').innerText()).toBe(answer);
    await citizen.close();
    await office.close();
  });
});
