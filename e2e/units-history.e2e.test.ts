import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { baseUrl, openUnit, PASSWORD, signIn, useBrowser } from './browser.ts';

// Issue 9: the units as they were on any date since 2019, and their successors through every change.

const browser = useBrowser();
let page: Page;

beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

/** The numbers after the children's names in "Đơn vị trực thuộc" (districts' commune counts). */
async function childCounts(): Promise<Record<string, number>> {
  const section = page.getByRole('region', { name: 'Đơn vị trực thuộc' });
  // a unit without children (Cồn Cỏ, the island district) says so
  await section.getByRole('listitem').first().or(section.getByText('Không có đơn vị trực thuộc.')).waitFor();
  const items = await section.getByRole('listitem').all();
  const entries = await Promise.all(items.map(async (item) => {
    // the number follows the link's text ("Phường 1" then "7"): read the link, then what is left
    const name = ((await item.getByRole('link').innerText()) ?? '').trim();
    const rest = (await item.innerText()).slice(name.length);
    return [name, Number(/[\d.]+/.exec(rest)?.[0]?.replace('.', '') ?? '0')] as const;
  }));
  return Object.fromEntries(entries);
}

describe('Quảng Trị as of 14/12/2018 (seed 001)', () => {
  it('has 10 districts, 141 communes and 1,113 villages, and a 2018 commune leads to its 2020 and 2025 successors', async () => {
    await signIn(page, baseUrl, 'tinh.qt', PASSWORD);
    await openUnit(page, '2018-12-14', 'quang tri', 'Tỉnh Quảng Trị');
    expect(await page.getByText('Theo cơ cấu ngày 14/12/2018').count()).toBe(1);
    const districts = await childCounts();
    expect(Object.keys(districts)).toHaveLength(10);
    expect(Object.values(districts).reduce((sum, n) => sum + n, 0)).toBe(141);
    expect(districts['Huyện Cam Lộ']).toBe(9);
    // and 1,113 villages: each district's communes with their village counts, as of the same day
    const links = page.getByRole('region', { name: 'Đơn vị trực thuộc' }).getByRole('link');
    const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    let villages = 0;
    for (const href of hrefs) {
      await page.goto(href);
      await page.getByText('Theo cơ cấu ngày 14/12/2018').waitFor();
      villages += Object.values(await childCounts()).reduce((sum, n) => sum + n, 0);
    }
    expect(hrefs).toHaveLength(10);
    expect(villages).toBe(1113);
    await openUnit(page, '2018-12-14', 'quang tri', 'Tỉnh Quảng Trị');

    await page.getByRole('region', { name: 'Đơn vị trực thuộc' }).getByRole('link', { name: 'Huyện Cam Lộ' }).click();
    await page.getByRole('heading', { name: 'Huyện Cam Lộ', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Đơn vị trực thuộc' }).getByRole('link', { name: /^Xã Cam Thanh/ }).click();
    await page.getByRole('heading', { name: 'Xã Cam Thanh', level: 1 }).waitFor();
    const history = page.getByRole('region', { name: 'Lịch sử', exact: true });
    await expect.poll(() => history.textContent()).toContain('Đã sáp nhập vào');
    expect(await history.textContent()).toContain('Xã Thanh An (ngày 01/01/2020) theo 832/NQ-UBTVQH14');

    await history.getByRole('link', { name: 'Xã Thanh An' }).click();
    await page.getByRole('heading', { name: 'Xã Thanh An', level: 1 }).waitFor();
    expect(await page.getByText('Theo cơ cấu ngày 01/01/2020').count()).toBe(1);
    // the 2020 commune went on into a commune of 2025
    const onward = page.getByRole('region', { name: 'Lịch sử', exact: true });
    await expect.poll(() => onward.textContent()).toContain('(ngày 01/07/2025)');
    const next = onward.getByRole('listitem').filter({ hasText: '01/07/2025' }).getByRole('link').first();
    const name = (await next.textContent()) ?? '';
    await next.click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    expect(await page.getByText('Tỉnh – xã', { exact: false }).count()).toBeGreaterThan(0);
  });
});

describe('the 2018 Ban Dân vận Tỉnh ủy (issue 9 item 8)', () => {
  it("leads to today's Ban Tuyên giáo và Dân vận, which names it as where it came from", async () => {
    await signIn(page, baseUrl, 'tinh.qt', PASSWORD);
    await openUnit(page, '2018-12-14', 'quang tri', 'Tỉnh Quảng Trị');
    await page.getByRole('link', { name: 'Ban Dân vận Tỉnh ủy Quảng Trị', exact: true }).click();
    await page.getByRole('heading', { name: 'Ban Dân vận Tỉnh ủy Quảng Trị', level: 1 }).waitFor();
    const lineage = page.getByRole('region', { name: 'Lịch sử cơ quan' });
    await expect.poll(() => lineage.textContent()).toContain('Cơ quan kế thừa');
    expect(await lineage.textContent()).toContain('hợp nhất từ ngày 01/07/2025 theo Kết luận 121-KL/TW; Quy định 329-QĐ/TW');
    expect(await lineage.textContent()).toContain('BDVTU đến ngày 30/06/2025');

    await lineage.getByRole('link', { name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy Quảng Trị' }).click();
    await page.getByRole('heading', { name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy Quảng Trị', level: 1 }).waitFor();
    const today = page.getByRole('region', { name: 'Lịch sử cơ quan' });
    await expect.poll(() => today.textContent()).toContain('Tiền thân');
    expect(await today.getByRole('link', { name: 'Ban Dân vận Tỉnh ủy Quảng Trị' }).count()).toBe(1);
    // the ten districts' Ban Dân vận ended with their districts; their duty came here
    expect(await today.getByRole('listitem').filter({ hasText: 'giải thể, chuyển nhiệm vụ' }).count()).toBe(10);
    expect(await today.textContent()).toContain('BTGDVTU từ ngày 01/07/2025');
    // its head holds the 2026 title (POLITICAL-SYSTEM-2025.md §8)
    expect(await page.getByRole('cell', { name: /^Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy/ }).count()).toBe(1);

    // its tasks, with those given to the bodies it took over, across the programmes the province reads
    await page.getByRole('link', { name: 'Xem nhiệm vụ được giao cho cơ quan này và các cơ quan tiền thân' }).click();
    await page.getByRole('heading', { name: 'Bảng phân công nhiệm vụ', level: 1 }).waitFor();
    await expect.poll(() => page.getByText('Nhiệm vụ giao cho Ban Tuyên giáo và Dân vận Tỉnh ủy Quảng Trị và các cơ quan tiền thân').count()).toBe(1);
    const rows = page.getByRole('table').getByRole('row').filter({ hasText: 'Văn bản ghi: Ban Dân vận Tỉnh ủy' });
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await page.getByRole('table').getByRole('row').filter({ hasText: 'Ủy ban nhân dân tỉnh' }).count()).toBe(0);
  });
});

describe('a successor that is not known', () => {
  it('is said so, and the system administrator sets one with a reason', async () => {
    await signIn(page, baseUrl, 'admin', PASSWORD);
    await openUnit(page, '2024-06-01', 'nguyen trung truc', 'Phường Nguyễn Trung Trực');
    const history = page.getByRole('region', { name: 'Lịch sử', exact: true });
    await expect.poll(() => history.textContent()).toContain('Chưa xác định đơn vị kế thừa.');
    const form = page.getByRole('region', { name: 'Đơn vị kế thừa', exact: true });
    await form.getByLabel('Đặt đơn vị kế thừa').fill('truc bach');
    await form.getByRole('button', { name: 'Phường Trúc Bạch' }).first().click();
    await form.getByLabel('Căn cứ (văn bản, tài liệu)').fill('Theo Nghị quyết 1286/NQ-UBTVQH15');
    await form.getByRole('button', { name: 'Lưu đơn vị kế thừa' }).click();
    await expect.poll(() => form.textContent()).toContain('Đã lưu đơn vị kế thừa.');
    await expect.poll(() => history.textContent()).toContain('Phường Trúc Bạch (ngày 01/01/2025) (đã xác nhận)');
    expect(await history.textContent()).not.toContain('Chưa xác định đơn vị kế thừa.');
  });
});
