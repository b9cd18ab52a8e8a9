import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TSurveyForm } from '#contracts/surveys/form.ts';
import type { TSurvey } from '#contracts/surveys/survey.schemas.ts';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

/**
 * The surveys' staff pages beyond the first story (surveys.e2e.test.ts): the questionnaire builder, the double-entry
 * review with a verifier's correction, and the import of responses from a file with the job's progress.
 */

const browser = useBrowser();

const STORY_MS = 300_000;
const PAGE_MS = 60_000;
const SHOTS = process.env.SURVEY_SHOTS ?? '/tmp';

const L = (text: string) => ({ '': text });

/** Two questions: attended (select_one), age (integer, from 18). */
const FORM: TSurveyForm = {
  title: 'Phiếu hỏi ý kiến về họp dân',
  defaultLanguage: '',
  languages: [''],
  choiceLists: { yn: [{ name: 'yes', label: L('Có') }, { name: 'no', label: L('Không') }] },
  items: [
    { kind: 'question', name: 'attended', label: L('Ông/bà có dự họp dân không?'), type: 'select_one', listName: 'yn', required: true },
    { kind: 'question', name: 'age', label: L('Tuổi'), type: 'integer', required: true, constraint: '. >= 18' },
  ],
};

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await page.screenshot({ path: join(SHOTS, `survey-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

interface Me {
  unitId: number;
  csrfToken: string;
}

const me = async (page: Page) => (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as Me;

async function api<T>(page: Page, method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown): Promise<T> {
  const { csrfToken } = await me(page);
  const response = await page.request.fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

/** A survey of the province with a sample of one commune's citizens; with `form` it gets that version and is opened. */
async function newSurvey(page: Page, communeId: number, options: { form?: TSurveyForm; doubleEntry?: boolean; title: string }): Promise<TSurvey> {
  const { unitId } = await me(page);
  let survey = await api<TSurvey>(page, 'POST', '/api/surveys', { unitId, code: `KS-UI-${Date.now() % 1_000_000}`, title: options.title, doubleEntry: options.doubleEntry ?? false });
  survey = await api<TSurvey>(page, 'PUT', `/api/surveys/${survey.id}/targets`, { expectedVersion: survey.version, targets: [{ unitId: communeId, respondentGroup: 'citizen', quota: 500 }] });
  if (options.form) {
    survey = await api<TSurvey>(page, 'POST', `/api/surveys/${survey.id}/versions`, { form: options.form });
    survey = await api<TSurvey>(page, 'PATCH', `/api/surveys/${survey.id}`, { expectedVersion: survey.version, status: 'open' });
  }
  return survey;
}

describe('Surveys: builder, double-entry review, import (issue 13)', () => {
  let haiLang = 0;
  beforeAll(async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, 'xa.hai-lang', PASSWORD);
    haiLang = (await me(page)).unitId;
    await context.close();
  });

  it(
    'double entry: two typists key the same paper form with one differing answer; the verifier sees it, corrects it with a reason; the tabulation counts it once, corrected',
    async () => {
      const firstContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const first = await firstContext.newPage();
      first.setDefaultTimeout(PAGE_MS);
      await signIn(first, baseUrl, 'tinh.qt', PASSWORD);
      const survey = await newSurvey(first, haiLang, { form: FORM, doubleEntry: true, title: 'Khảo sát nhập hai lần' });

      // the first typist keys the paper form: attended "Có", age 45 (the paper says 54)
      await first.goto(`${baseUrl}/khao-sat/${survey.id}/nhap-phieu`);
      await first.getByLabel('Đơn vị của phiếu').selectOption({ label: 'Xã Hải Lăng' });
      await first.getByLabel('Nhóm người trả lời').selectOption({ label: 'Người dân' });
      await first.getByRole('textbox', { name: /^1\. Ông\/bà có dự họp/ }).focus();
      await first.keyboard.type('1');
      await first.keyboard.press('Enter');
      await first.keyboard.type('45');
      await first.keyboard.press('Enter');
      await first.getByText('Đã nhập 1 phiếu trong phiên này').waitFor();
      await expect.poll(async () => (await api<{ total: number }>(first, 'GET', `/api/surveys/${survey.id}/responses?status=pending`)).total, { timeout: PAGE_MS }).toBe(1);
      await firstContext.close();

      // the second typist (another person) types it again on the review page
      const verifierContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const verifier = await verifierContext.newPage();
      verifier.setDefaultTimeout(PAGE_MS);
      await signIn(verifier, baseUrl, 'xa.hai-lang', PASSWORD);
      await verifier.goto(`${baseUrl}/khao-sat/${survey.id}/doi-chieu`);
      await verifier.getByRole('heading', { level: 1, name: /^Đối chiếu và sửa phiếu/ }).waitFor();
      await verifier.getByText('Tổng số: 1 phiếu').waitFor();
      await verifier.getByRole('button', { name: /^Mở phiếu / }).click();
      const secondForm = verifier.getByRole('form', { name: 'Nhập lần hai' });
      await secondForm.getByRole('textbox', { name: /^1\. Ông\/bà có dự họp/ }).focus();
      await verifier.keyboard.type('1');
      await verifier.keyboard.press('Enter');
      await verifier.keyboard.type('54');
      await verifier.keyboard.press('Enter');

      // the difference, question by question
      const compare = verifier.getByRole('region', { name: 'So sánh hai lần nhập' });
      await compare.getByText('Hai lần nhập khác nhau ở 1 câu:').waitFor();
      expect(await compare.getByRole('row', { name: /^2\. Tuổi/ }).getByRole('cell').allInnerTexts()).toEqual(['45', '54', 'Khác nhau']);
      expect(await compare.getByRole('row', { name: /^1\. Ông\/bà có dự họp/ }).getByRole('cell').allInnerTexts()).toEqual(['1', '1', 'Khớp']);
      await shoot(verifier, 'review-differences');

      // the verifier reads the paper: 54; the correction grid holds the second typing, the differing line marked
      const fix = verifier.getByRole('form', { name: 'Sửa câu trả lời' });
      const age = fix.getByRole('textbox', { name: /^2\. Tuổi/ });
      expect(await age.inputValue()).toBe('54');
      await fix.getByText('(Khác nhau)').waitFor();
      await fix.getByRole('button', { name: 'Sửa và chấp nhận phiếu' }).click();
      await fix.getByText('Hãy ghi lý do').waitFor();
      await fix.getByLabel('Lý do sửa').fill('Đối chiếu phiếu giấy: 54 tuổi');
      await fix.getByRole('button', { name: 'Sửa và chấp nhận phiếu' }).click();
      await verifier.getByText('Đã lưu: phiếu ở trạng thái “Đã nhận”, bản sửa 2.').waitFor();

      // the history: the first typing kept, who changed it and why
      const history = verifier.getByRole('region', { name: 'Lịch sử sửa' });
      const row = history.getByRole('row', { name: /^1 / });
      await row.waitFor();
      const cells = await row.getByRole('cell').allInnerTexts();
      expect(cells[0]).toBe('1');
      expect(cells[1]).toBe('Chờ đối chiếu → Đã nhận');
      expect(cells[4]).toBe('Đối chiếu phiếu giấy: 54 tuổi');
      expect(cells[5]).toBe('Tuổi: 45 → 54');
      await history.getByText('Hiện tại (bản 2)').waitFor();
      await shoot(verifier, 'review-history');

      // counted once, with the corrected age
      const responses = await api<{ total: number }>(verifier, 'GET', `/api/surveys/${survey.id}/responses?status=accepted`);
      expect(responses.total).toBe(1);
      await verifier.goto(`${baseUrl}/khao-sat/${survey.id}/ket-qua`);
      await verifier.getByText('Tổng số phiếu: 1').waitFor();
      const ageResult = verifier.getByRole('region', { name: /^2\. Tuổi/ });
      await ageResult.locator('.sv-numbers dd').first().waitFor();
      expect(await ageResult.locator('.sv-numbers dd').allInnerTexts()).toEqual(['54', '54', '54', '54']);
      const attended = verifier.getByRole('region', { name: /^1\. Ông\/bà có dự họp/ });
      expect(await attended.getByRole('row', { name: /^Có/ }).getByRole('cell').allInnerTexts()).toEqual(['1', '100,0']);
      await verifierContext.close();
    },
    STORY_MS,
  );

  it(
    'builder: a 3-question form with a skip rule built in the UI (a bad expression named first), saved as version 1; on its public link the skip works',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const staff = await context.newPage();
      staff.setDefaultTimeout(PAGE_MS);
      await signIn(staff, baseUrl, 'tinh.qt', PASSWORD);
      const survey = await newSurvey(staff, haiLang, { title: 'Khảo sát soạn trên giao diện' });
      await staff.goto(`${baseUrl}/khao-sat/${survey.id}/bang-hoi`);
      await staff.getByRole('heading', { level: 1, name: /^Soạn bảng hỏi/ }).waitFor();
      expect(await staff.getByLabel('Tiêu đề bảng hỏi').inputValue()).toBe('Khảo sát soạn trên giao diện');

      // 1. a select_one with its own list
      await staff.getByLabel('Loại câu hỏi mới').selectOption({ label: 'Chọn một' });
      await staff.getByRole('button', { name: 'Thêm câu hỏi' }).click();
      await staff.getByLabel('Tên (name)', { exact: true }).fill('attended');
      await staff.getByLabel('Nội dung (label)').fill('Ông/bà có dự họp dân không?');
      await staff.getByLabel('Bắt buộc trả lời (required)').check();
      await staff.getByRole('button', { name: 'Tạo danh sách mới cho câu này' }).click();
      const list = staff.getByRole('group', { name: 'Danh sách attended' });
      await list.getByLabel('Mã phương án 1').fill('yes');
      await list.getByLabel('Nhãn phương án 1').fill('Có');
      await list.getByRole('button', { name: 'Thêm phương án' }).click();
      await list.getByLabel('Mã phương án 2').fill('no');
      await list.getByLabel('Nhãn phương án 2').fill('Không');

      // 2. a text asked only to those who attended: an unfinished expression is named first
      await staff.getByLabel('Loại câu hỏi mới').selectOption({ label: 'Văn bản' });
      await staff.getByRole('button', { name: 'Thêm câu hỏi' }).click();
      await staff.getByLabel('Tên (name)', { exact: true }).fill('opinion');
      await staff.getByLabel('Nội dung (label)').fill('Ý kiến của ông/bà về buổi họp');
      await staff.getByLabel('Điều kiện hiển thị (relevant)').fill("${attended} = 'yes' and");
      await staff.getByText(/^Câu opinion \(điều kiện hiển thị\): Biểu thức không hợp lệ ở vị trí 24/).waitFor();
      await staff.getByLabel('Điều kiện hiển thị (relevant)').fill("${atended} = 'yes'");
      await staff.getByText('Câu opinion (điều kiện hiển thị): không có câu hỏi tên “atended”').waitFor();
      await staff.getByLabel('Điều kiện hiển thị (relevant)').fill("${attended} = 'yes'");

      // 3. an integer, then moved up and back down
      await staff.getByLabel('Loại câu hỏi mới').selectOption({ label: 'Số nguyên' });
      await staff.getByRole('button', { name: 'Thêm câu hỏi' }).click();
      await staff.getByLabel('Tên (name)', { exact: true }).fill('age');
      await staff.getByLabel('Nội dung (label)').fill('Tuổi');
      await staff.getByRole('button', { name: 'Lên age' }).click();
      expect(await staff.locator('.sv-b-row code').allInnerTexts()).toEqual(['attended', 'age', 'opinion']);
      await staff.getByRole('button', { name: 'Xuống age' }).click();
      expect(await staff.locator('.sv-b-row code').allInnerTexts()).toEqual(['attended', 'opinion', 'age']);
      await staff.getByText('Bảng hỏi hợp lệ: 3 câu hỏi.').waitFor();
      await shoot(staff, 'builder');

      await staff.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
      await staff.getByText('Đã lưu phiên bản 1 gồm 3 câu hỏi.').waitFor();

      // open it and make the public link
      await staff.goto(`${baseUrl}/khao-sat/${survey.id}`);
      await staff.getByRole('button', { name: 'Mở thu phiếu' }).click();
      await staff.getByRole('button', { name: 'Đóng khảo sát' }).waitFor();
      await staff.getByRole('button', { name: 'Tạo đường dẫn công khai' }).click();
      const link = staff.locator('.sv-link a');
      await link.waitFor();
      const address = (await link.getAttribute('href')) ?? '';
      await context.close();

      const phoneContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const phone = await phoneContext.newPage();
      phone.setDefaultTimeout(PAGE_MS);
      await phone.goto(address);
      await phone.getByRole('heading', { level: 1, name: 'Khảo sát soạn trên giao diện' }).waitFor();
      const opinion = phone.getByRole('textbox', { name: /Ý kiến của ông\/bà/ });
      expect(await opinion.count()).toBe(0);
      const attended = phone.getByRole('group', { name: /dự họp dân/ });
      await attended.getByLabel('Có').check();
      await opinion.waitFor();
      await attended.getByLabel('Không').check();
      await expect.poll(() => opinion.count()).toBe(0);
      await attended.getByLabel('Có').check();
      await opinion.fill('Họp đúng giờ');
      await phone.getByRole('textbox', { name: /Tuổi/ }).fill('40');
      await phone.getByRole('button', { name: 'Gửi phiếu' }).click();
      await phone.getByText('Đã gửi. Cảm ơn bạn đã tham gia khảo sát!').waitFor();
      await phoneContext.close();
    },
    STORY_MS,
  );

  it(
    'import: a CSV with row errors is refused with the rows named; a CSV of 250 rows is imported, the progress reaches 100 % and the count is shown',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const staff = await context.newPage();
      staff.setDefaultTimeout(PAGE_MS);
      await signIn(staff, baseUrl, 'tinh.qt', PASSWORD);
      const survey = await newSurvey(staff, haiLang, { form: FORM, title: 'Khảo sát nhập từ tệp' });
      const dir = mkdtempSync(join(tmpdir(), 'dvs-import-'));
      const bad = join(dir, 'loi.csv');
      writeFileSync(bad, 'attended,age\nyes,30\nmaybe,40\nno,abc\n');
      const N = 250;
      const good = join(dir, 'phieu.csv');
      writeFileSync(good, `attended,age\n${Array.from({ length: N }, (_, i) => `${i % 5 === 0 ? 'no' : 'yes'},${20 + (i % 50)}`).join('\n')}\n`);

      await staff.goto(`${baseUrl}/khao-sat/${survey.id}/nhap-tep`);
      await staff.getByRole('heading', { level: 1, name: /^Nhập phiếu từ tệp/ }).waitFor();
      await staff.getByLabel('Đơn vị cho các dòng không có cột _unit').selectOption({ label: 'Xã Hải Lăng' });
      await staff.getByLabel('Nhóm cho các dòng không có cột _group').selectOption({ label: 'Người dân' });

      await staff.getByLabel('Tệp phiếu (.csv, .xlsx)').setInputFiles(bad);
      await staff.getByRole('button', { name: 'Nhập phiếu' }).click();
      await staff.getByText('Không nhập được tệp, chưa có phiếu nào được ghi.').waitFor();
      const rows = staff.getByRole('row').filter({ has: staff.getByRole('cell') });
      await expect.poll(() => rows.count()).toBe(2);
      expect((await rows.nth(0).getByRole('cell').allInnerTexts())[0]).toBe('3');
      expect((await rows.nth(1).getByRole('cell').allInnerTexts())[0]).toBe('4');
      await shoot(staff, 'import-errors');

      await staff.getByLabel('Tệp phiếu (.csv, .xlsx)').setInputFiles(good);
      await staff.getByRole('button', { name: 'Nhập phiếu' }).click();
      await staff.getByText(`Đã nhập ${N} phiếu.`).waitFor();
      await staff.getByText(`Đã xử lý ${N}/${N} dòng (100%)`).waitFor();
      expect(await staff.getByRole('progressbar', { name: 'Tiến độ nhập phiếu' }).getAttribute('value')).toBe('100');
      await shoot(staff, 'import-done');
      const listed = await api<{ total: number }>(staff, 'GET', `/api/surveys/${survey.id}/responses?channel=import`);
      expect(listed.total).toBe(N);
      await staff.goto(`${baseUrl}/khao-sat/${survey.id}/ket-qua`);
      await staff.getByText(`Tổng số phiếu: ${N}`).waitFor();
      const attended = staff.getByRole('region', { name: /^1\. Ông\/bà có dự họp/ });
      expect(await attended.getByRole('row', { name: /^Có/ }).getByRole('cell').allInnerTexts()).toEqual(['200', '80,0']);

      // the manager keeps the cross-tabulation by the first question counted as forms arrive
      await staff.getByText('Bảng chéo tính sẵn (0 câu)').click();
      await staff.getByRole('checkbox', { name: 'Ông/bà có dự họp dân không?' }).check();
      await staff.getByRole('button', { name: 'Lưu bảng chéo tính sẵn' }).click();
      await staff.getByText('Bảng chéo tính sẵn (1 câu)').waitFor();
      expect((await api<{ crossQuestions?: string[] }>(staff, 'GET', `/api/surveys/${survey.id}`)).crossQuestions).toEqual(['attended']);
      await shoot(staff, 'kept-crosses');

      // "(đang tính)": the page as it is while the job counts the kept cross. The first read of the survey is made to
      // say `building`, as the server says between the save and the job's end (the job over 250 forms ends too soon to
      // be caught); every later read is the server's own, and the page, reading again every 2 s, drops the mark.
      let held = false;
      await staff.route(`**/api/surveys/${survey.id}`, async (route) => {
        if (held || route.request().method() !== 'GET') return route.fallback();
        held = true;
        const response = await route.fetch();
        const body = (await response.json()) as TSurvey;
        await route.fulfill({ response, json: { ...body, crossTallies: (body.crossTallies ?? []).map((c) => ({ ...c, state: 'building', jobId: null })) } });
      });
      await staff.reload();
      const bySelect = staff.getByLabel('Phân tổ theo', { exact: true });
      const byAttended = bySelect.getByRole('option', { name: /^Câu: Ông\/bà có dự họp dân không\?/ });
      await expect.poll(() => byAttended.textContent()).toBe('Câu: Ông/bà có dự họp dân không? (đang tính)');
      await bySelect.selectOption({ label: 'Câu: Ông/bà có dự họp dân không? (đang tính)' });
      const note = staff.getByRole('status').filter({ hasText: 'Bảng chéo tính sẵn theo câu này đang tính.' });
      await note.waitFor();
      await shoot(staff, 'cross-building');
      await expect.poll(() => byAttended.textContent(), { timeout: 15_000 }).toBe('Câu: Ông/bà có dự họp dân không?');
      await note.waitFor({ state: 'detached' });
      expect(await bySelect.inputValue()).toBe('question:attended');
      await context.close();
    },
    STORY_MS,
  );
});
