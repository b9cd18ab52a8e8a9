import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openUnit, PASSWORD, signIn, useBrowser } from './browser.ts';

// Issue 9 items 7–8: a body is registered with a type in force at the unit's level, the body that took
// another over is recorded from the page of the one that ended, and a body's document abbreviation is dated.

const browser = useBrowser();
let page: Page;

beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  page = await context.newPage();
});

describe('registering bodies and their successors', () => {
  it('offers only the types in force, registers two teams, and records that one merged into the other', async () => {
    const run = Date.now().toString(36);
    await signIn(page, baseUrl, 'tinh.qt', PASSWORD);
    await openUnit(page, '2026-12-04', 'ta rut', 'Xã Tà Rụt');
    const section = page.getByRole('region', { name: 'Tổ chức trong đơn vị' });
    await section.getByText('Thêm tổ chức', { exact: true }).first().click();
    const form = section.getByRole('form', { name: 'Thêm tổ chức' });
    const types = await form.getByLabel('Loại tổ chức').locator('option').allTextContents();
    expect(types).toContain('Ban Xây dựng Đảng');
    expect(types).not.toContain('Ban Dân vận');

    const names = [`Tổ hòa giải thôn A Liêng ${run}`, `Tổ hòa giải liên thôn ${run}`];
    for (const name of names) {
      await form.getByLabel('Loại tổ chức').selectOption({ label: 'Tổ hòa giải' });
      await form.getByLabel('Tên tổ chức').fill(name);
      await form.getByRole('button', { name: 'Thêm tổ chức' }).click();
      await section.getByRole('status').filter({ hasText: name }).waitFor();
    }
    await section.getByRole('link', { name: names[0] }).first().click();
    await page.getByRole('heading', { name: names[0], level: 1 }).waitFor();

    await page.getByText('Ghi nhận cơ quan kế thừa', { exact: true }).click();
    const record = page.getByRole('form', { name: 'Ghi nhận cơ quan kế thừa' });
    await record.getByLabel('Hình thức').selectOption({ label: 'Hợp nhất vào' });
    await record.getByLabel('Cơ quan kế thừa', { exact: true }).selectOption({ label: names[1] });
    await record.getByLabel('Văn bản (không bắt buộc)').fill(`Quyết định 12/QĐ-UBND ${run}`);
    await record.getByLabel('Lý do, căn cứ').fill('Hợp nhất hai tổ hòa giải của thôn');
    await record.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByText('Đã ghi nhận cơ quan kế thừa.').waitFor();
    const lineage = page.getByRole('region', { name: 'Lịch sử cơ quan' });
    await expect.poll(() => lineage.textContent()).toContain(`hợp nhất từ ngày`);
    expect(await lineage.textContent()).toContain(`theo Quyết định 12/QĐ-UBND ${run}`);
    await lineage.getByRole('link', { name: names[1] }).click();
    await page.getByRole('heading', { name: names[1], level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Lịch sử cơ quan' }).getByRole('link', { name: names[0] }).count()).toBe(1);

    // the abbreviation it signs its documents with, from a day on
    await page.getByText('Thêm ký hiệu văn bản', { exact: true }).click();
    const abbreviation = page.getByRole('form', { name: 'Thêm ký hiệu văn bản' });
    await abbreviation.getByLabel('Ký hiệu (chữ in hoa, ví dụ BTGDVTU)').fill('thglt');
    await abbreviation.getByLabel('Dùng từ ngày').fill('01/01/2026');
    await abbreviation.getByRole('button', { name: 'Lưu ký hiệu' }).click();
    await page.getByText('Đã lưu ký hiệu văn bản.').waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Lịch sử cơ quan' }).textContent()).toContain('THGLT từ ngày 01/01/2026');
  });
});
