import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TProgramme } from '#contracts/programmes/programmes.api.ts';
import type { TTargetStatus } from '#contracts/programmes/target-rule.ts';
import type { TProgrammeEvaluation, TTargetUnits } from '#contracts/programmes/targets.api.ts';
import type { TTaskList } from '#contracts/programmes/tasks.api.ts';
import type { TDueList } from '#contracts/programmes/reviews.schemas.ts';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

const browser = useBrowser();

/** Seed 003's Đề án, run by the demo province as its own programme. */
const NUMBER = '334-QĐ/TU';
const STATUS_WORDS: Record<TTargetStatus, string> = { met: 'Đạt', at_risk: 'Có nguy cơ không đạt', not_met: 'Không đạt', no_data: 'Chưa có dữ liệu' };
const vn = (value: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);

/** What the API answers the signed-in page (the figures the screen must show, read independently of it). */
async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** The status words of a target card: its status element's text without the sign. */
async function statusOf(item: Locator): Promise<string> {
  const text = (await item.locator('.prog-status').first().innerText()).trim();
  return text.replace(/^[✓!✗?–]\s*/, '').replace(/\s*\(dự báo\)$/, '');
}

describe('programmes, the story of the issue', () => {
  it('a leader opens the Đề án, picks a year and level, sees every target with its status, the laggard communes of one, and the late tasks', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, baseUrl, 'lanhdao.qt', PASSWORD);

    await page.getByRole('link', { name: 'Chương trình, đề án' }).first().click();
    await page.getByRole('heading', { name: 'Chương trình, đề án', level: 1 }).waitFor();
    await page.getByLabel('Tìm theo số hoặc tên văn bản').fill('334');
    const programmes = await api<TProgramme[]>(page, '/api/programmes?q=334');
    const programme = programmes.find((p) => p.number === NUMBER);
    expect(programme?.kind).toBe('project');
    if (!programme) return;
    await expect.poll(() => page.getByRole('link', { name: programme.title }).count()).toBe(1);
    await page.getByRole('link', { name: programme.title }).click();
    await page.getByRole('heading', { name: programme.title, level: 1 }).waitFor();
    await page.getByText(`Đề án · ${NUMBER}`).waitFor();

    // a year and a level: every target with the status the API gives for them
    const targets = page.getByRole('list', { name: 'Các chỉ tiêu và trạng thái' });
    for (const year of [2024, 2025]) {
      await page.getByLabel('Năm').selectOption(String(year));
      await page.getByLabel('Cấp đơn vị').selectOption({ label: 'Cấp xã' });
      await page.getByText(`Đánh giá tại Quảng Trị, năm ${year},`).waitFor();
      const evaluation = await api<TProgrammeEvaluation>(page, `/api/programmes/${programme.id}/evaluation?year=${year}&level=commune`);
      expect(evaluation.targets.length).toBe(programme.targetCount);
      const items = targets.getByRole('listitem');
      await expect.poll(() => items.count()).toBe(evaluation.targets.length);
      for (const [index, target] of evaluation.targets.entries()) {
        const item = items.nth(index);
        expect(await item.getByRole('link').first().innerText()).toBe(target.text);
        expect(await statusOf(item)).toBe(STATUS_WORDS[target.status ?? 'no_data']);
        // a target without data says so, and what it waits for
        if (target.status === 'no_data') expect(await item.innerText()).toContain(target.waitsFor ?? target.noDataReason ?? '');
      }
      // some targets measured from the demo's data, some waiting for modules not built yet
      expect(evaluation.targets.some((t) => t.status === 'no_data')).toBe(true);
      expect(evaluation.targets.some((t) => t.status === 'met' || t.status === 'not_met')).toBe(true);
    }

    // the target with laggards: click it, see the communes that pull it down, furthest first, with their figures
    const evaluation = await api<TProgrammeEvaluation>(page, `/api/programmes/${programme.id}/evaluation?year=2025&level=commune`);
    const target = evaluation.targets.find((t) => t.rule?.kind === 'value' && t.counts && t.counts.not_met + t.counts.at_risk > 0);
    expect(target).toBeDefined();
    if (!target) return;
    await targets.getByRole('link', { name: target.text }).click();
    const drill = page.getByRole('region', { name: `Các xã, phường kéo chỉ tiêu ${target.code} xuống` });
    await drill.waitFor();
    const units = await api<TTargetUnits>(page, `/api/programmes/${programme.id}/targets/${target.id}/units?year=2025&level=commune`);
    const laggards = units.rows.filter((row) => row.status === 'not_met' || row.status === 'at_risk');
    expect(laggards.length).toBe((target.counts?.not_met ?? 0) + (target.counts?.at_risk ?? 0));
    // furthest from the threshold first
    const gaps = laggards.map((row) => row.gap ?? 0);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    const rows = drill.getByRole('row');
    await expect.poll(() => rows.count()).toBe(1 + Math.min(10, laggards.length));
    for (const [index, row] of laggards.slice(0, 10).entries()) {
      const cells = rows.nth(index + 1).getByRole('cell');
      expect(await cells.nth(0).innerText()).toBe(row.name);
      const { value, numerator, denominator } = row.figure;
      expect(value).not.toBeNull();
      expect(await cells.nth(1).innerText()).toContain(`${vn(value ?? 0)} (${vn(numerator ?? 0)} / ${vn(denominator ?? 0)})`);
      expect(await cells.nth(4).innerText()).toContain(STATUS_WORDS[row.status ?? 'no_data']);
    }
    // the trend over the programme's years is there, as a chart with its figures
    await page.getByRole('img', { name: `Số liệu chỉ tiêu ${target.code} tại Quảng Trị qua các năm, so với ngưỡng` }).waitFor();

    // the late tasks, as the server's clock sees them
    const late = page.getByRole('region', { name: 'Nhiệm vụ quá hạn' });
    const overdue = await api<TTaskList>(page, `/api/programmes/${programme.id}/tasks?status=overdue`);
    expect(overdue.tasks.length).toBeGreaterThan(0);
    await expect.poll(() => late.getByRole('listitem').count()).toBe(overdue.tasks.length);
    for (const task of overdue.tasks) {
      await late.getByText(task.text).waitFor();
    }
    expect(await late.innerText()).toContain('Quá hạn');
    await context.close();
  });

  it('at 360 px the programme page, the drill-down and the assignments table fit the screen', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page, baseUrl, 'lanhdao.qt', PASSWORD);
    const programme = (await api<TProgramme[]>(page, '/api/programmes?q=334')).find((p) => p.number === NUMBER);
    expect(programme).toBeDefined();
    const evaluation = await api<TProgrammeEvaluation>(page, `/api/programmes/${programme?.id}/evaluation?year=2025&level=commune`);
    const target = evaluation.targets.find((t) => t.counts && t.counts.not_met > 0 && t.rule);
    for (const path of [`/programmes/${programme?.id}?year=2025&level=commune&target=${target?.id}`, `/programmes/${programme?.id}?tab=tasks`, '/programmes/assignments']) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
    await context.close();
  });

  it("the leader's home page lists what is due in the programmes, each linked to its programme", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signIn(page, baseUrl, 'lanhdao.qt', PASSWORD);
    const panel = page.getByRole('region', { name: 'Chương trình, đề án: việc đến hạn' });
    await panel.getByRole('listitem').first().waitFor();
    const due = await api<TDueList>(page, '/api/programmes/due');
    // the two Đề án ended in 2025 with tasks never reported on: late, as the API says
    expect(due.overdueTasks.length).toBeGreaterThan(0);
    const shown = Math.min(6, due.reviews.length + due.overdueTasks.length);
    expect(await panel.getByRole('listitem').count()).toBe(shown);
    const first = due.reviews[0] ?? null;
    const firstTask = due.overdueTasks[0];
    const link = first ? panel.getByRole('link', { name: first.review.title }) : panel.getByRole('link', { name: new RegExp(`^${firstTask?.task.code} `) }).first();
    await link.click();
    await page.waitForURL(new RegExp(`/programmes/${first?.programme.id ?? firstTask?.programme.id}`));
    await context.close();
  });
});
