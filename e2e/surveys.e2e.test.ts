import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TSurveyForm } from '#contracts/surveys/form.ts';
import type { TSurvey } from '#contracts/surveys/survey.schemas.ts';
import { writeXlsForm } from '../server/src/modules/surveys/xlsform/write.ts';
import { baseUrl, PASSWORD, signIn, useBrowser } from './browser.ts';

const browser = useBrowser();

const STORY_MS = 300_000;
const PAGE_MS = 60_000;
/** Screenshots of every page at both widths go here (looked at by hand). */
const SHOTS = process.env.SURVEY_SHOTS ?? '/tmp';

async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${baseUrl}${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

const L = (text: string) => ({ '': text });

/** A small questionnaire with a group shown only to those who attended, a constraint and an optional text. */
const FORM: TSurveyForm = {
  title: 'Khảo sát công tác dân vận ở cơ sở',
  formId: 'e2e_dan_van',
  defaultLanguage: '',
  languages: [''],
  choiceLists: {
    yn: [
      { name: 'yes', label: L('Có') },
      { name: 'no', label: L('Không') },
    ],
    channels: [
      { name: 'meeting', label: L('Họp dân') },
      { name: 'radio', label: L('Loa truyền thanh') },
      { name: 'zalo', label: L('Nhóm Zalo') },
    ],
  },
  items: [
    { kind: 'question', name: 'attended', label: L('Ông/bà có dự họp dân trong năm qua không?'), type: 'select_one', listName: 'yn', required: true },
    {
      kind: 'group',
      name: 'kenh',
      label: L('Kênh tiếp nhận thông tin'),
      relevant: "${attended} = 'yes'",
      items: [{ kind: 'question', name: 'channels', label: L('Ông/bà nhận thông tin qua kênh nào?'), type: 'select_multiple', listName: 'channels', required: true }],
    },
    { kind: 'question', name: 'age', label: L('Tuổi'), type: 'integer', required: true, constraint: '. >= 18', constraintMessage: L('Tuổi phải từ 18 trở lên') },
    { kind: 'question', name: 'comment', label: L('Ý kiến khác'), type: 'text', required: false },
  ],
};

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await page.screenshot({ path: join(SHOTS, `survey-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Picks a unit through UnitPicker: types, then chooses the result named `name`. */
async function pickUnit(page: Page, label: string, search: string, name: string): Promise<void> {
  await page.getByLabel(label).fill(search);
  await page.getByRole('list', { name: 'Kết quả tìm đơn vị' }).getByRole('button', { name, exact: true }).first().click();
}

describe('Sociological surveys (issue 13)', () => {
  it(
    'staff imports an XLSForm and makes a public link; a respondent at 360 px answers offline and it arrives once; staff keys two paper forms; the tabulation counts them',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dvs-survey-'));
      const xlsx = join(dir, 'khao-sat.xlsx');
      writeFileSync(xlsx, await writeXlsForm(FORM));

      const staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const staff = await staffContext.newPage();
      staff.setDefaultTimeout(PAGE_MS);
      await signIn(staff, baseUrl, 'tinh.qt', PASSWORD);

      // a new survey of the province
      await staff.goto(`${baseUrl}/khao-sat`);
      await staff.getByRole('heading', { level: 1, name: 'Điều tra xã hội học' }).waitFor();
      await staff.getByRole('button', { name: 'Tạo cuộc khảo sát' }).click();
      await pickUnit(staff, 'Đơn vị thực hiện', 'Quảng Trị', 'Tỉnh Quảng Trị');
      const code = `KS-E2E-${Date.now() % 100000}`;
      await staff.getByLabel('Mã', { exact: true }).fill(code);
      await staff.getByLabel('Tên cuộc khảo sát').fill('Khảo sát công tác dân vận ở cơ sở');
      await shoot(staff, 'new');
      await staff.getByRole('button', { name: 'Tạo cuộc khảo sát' }).click();
      await staff.waitForURL(/\/khao-sat\/\d+$/);
      const id = Number(new URL(staff.url()).pathname.split('/').pop());

      // the XLSForm: checked first (dry run), then imported as version 1
      await staff.getByLabel('Tệp XLSForm (.xlsx)').setInputFiles(xlsx);
      await staff.getByRole('button', { name: 'Kiểm tra' }).click();
      await staff.getByText('Đọc được 4 câu hỏi.').waitFor();
      await staff.getByRole('button', { name: 'Nhập thành phiên bản mới' }).click();
      await staff.getByText('Đã nhập phiên bản 1 gồm 4 câu hỏi.').waitFor();
      await staff.getByRole('link', { name: 'Tải XLSForm phiên bản 1' }).waitFor();

      // the sample: one commune, citizens, 10 forms
      await staff.getByRole('button', { name: 'Thêm dòng' }).click();
      await pickUnit(staff, 'Đơn vị của dòng 1', 'Hải Lăng', 'Xã Hải Lăng');
      await staff.getByLabel('Chỉ tiêu').fill('10');
      await staff.getByRole('button', { name: 'Lưu mẫu khảo sát' }).click();
      await staff.getByText('Đã lưu mẫu khảo sát.').waitFor();

      // open it and make the public link
      await staff.getByRole('button', { name: 'Mở thu phiếu' }).click();
      await staff.getByRole('button', { name: 'Đóng khảo sát' }).waitFor();
      await staff.getByRole('button', { name: 'Tạo đường dẫn công khai' }).click();
      const link = staff.locator('.sv-link a');
      await link.waitFor();
      const address = (await link.getAttribute('href')) ?? '';
      expect(address).toMatch(/\/khao-sat\/tra-loi\/[A-Za-z0-9_-]{16,64}$/);
      await staff.getByRole('button', { name: 'Hiện bảng hỏi' }).click();
      await shoot(staff, 'detail');

      // the respondent, on a phone, loses the network after opening the form
      const phoneContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const phone = await phoneContext.newPage();
      phone.setDefaultTimeout(PAGE_MS);
      await phone.goto(address);
      await phone.getByRole('heading', { level: 1, name: 'Khảo sát công tác dân vận ở cơ sở' }).waitFor();
      expect(await phone.locator('#static-login').count()).toBe(0);
      await phone.getByText(/Phiếu không ghi tên/).waitFor();
      // the group is asked only after "Có"
      expect(await phone.getByRole('group', { name: /kênh nào/ }).count()).toBe(0);
      await phoneContext.setOffline(true);
      await phone.getByRole('group', { name: /dự họp dân/ }).getByLabel('Có').check();
      const channels = phone.getByRole('group', { name: /kênh nào/ });
      await channels.getByLabel('Họp dân').check();
      await channels.getByLabel('Nhóm Zalo').check();
      await phone.getByRole('textbox', { name: /Tuổi/ }).fill('16');
      await phone.getByRole('button', { name: 'Gửi phiếu' }).click();
      await phone.getByText('Tuổi phải từ 18 trở lên').first().waitFor();
      await phone.getByRole('textbox', { name: /Tuổi/ }).fill('45');
      await phone.screenshot({ path: join(SHOTS, 'survey-respond-360.png'), fullPage: true });
      await phone.getByRole('button', { name: 'Gửi phiếu' }).click();
      await phone.getByText('Đã lưu trên máy, sẽ gửi khi có mạng.').waitFor();
      await phone.screenshot({ path: join(SHOTS, 'survey-respond-offline-360.png'), fullPage: true });
      await phoneContext.setOffline(false);
      await phone.getByText('Đã gửi. Cảm ơn bạn đã tham gia khảo sát!').waitFor();
      await expect.poll(async () => (await api<{ total: number }>(staff, `/api/surveys/${id}/responses?channel=web`)).total, { timeout: PAGE_MS }).toBe(1);
      await phoneContext.close();

      // two paper forms keyed with the keyboard only
      await staff.goto(`${baseUrl}/khao-sat/${id}/nhap-phieu`);
      await staff.getByLabel('Đơn vị của phiếu').selectOption({ label: 'Xã Hải Lăng' });
      await staff.getByLabel('Nhóm người trả lời').selectOption({ label: 'Người dân' });
      const attended = staff.getByRole('textbox', { name: /1\. Ông\/bà có dự họp/ });
      await attended.focus();
      await staff.keyboard.type('5');
      await staff.keyboard.press('Enter');
      await staff.getByText('“5” không phải phương án của câu này').first().waitFor();
      await attended.fill('');
      await staff.keyboard.type('1');
      await staff.keyboard.press('Enter');
      await staff.keyboard.type('1 2');
      await staff.keyboard.press('Enter');
      await staff.keyboard.type('30');
      await staff.keyboard.press('Enter');
      await staff.keyboard.press('Enter'); // the last question: saves
      await staff.getByText('Đã nhập 1 phiếu trong phiên này').waitFor();
      await expect.poll(() => attended.evaluate((element) => element === document.activeElement)).toBe(true);
      await staff.keyboard.type('2');
      await staff.keyboard.press('Enter'); // the group is skipped: on to the age
      await staff.keyboard.type('50');
      await staff.keyboard.press('Control+Enter');
      await staff.getByText('Đã nhập 2 phiếu trong phiên này').waitFor();
      await expect.poll(async () => (await api<{ total: number }>(staff, `/api/surveys/${id}/responses?channel=paper&status=accepted`)).total, { timeout: PAGE_MS }).toBe(2);
      await shoot(staff, 'keying');

      const survey = await api<TSurvey>(staff, `/api/surveys/${id}`);
      expect(survey.responses).toBe(3);

      // the tabulation: 3 forms; 2 of 3 attended; channels of the 2 who attended (may exceed 100 %)
      await staff.goto(`${baseUrl}/khao-sat/${id}/ket-qua`);
      await staff.getByText('Tổng số phiếu: 3').waitFor();
      const first = staff.getByRole('region', { name: /^1\. Ông\/bà có dự họp/ });
      await first.getByText('Cơ sở: 3 người trả lời').waitFor();
      expect(await first.getByRole('row', { name: /^Có/ }).getByRole('cell').allInnerTexts()).toEqual(['2', '66,7']);
      expect(await first.getByRole('row', { name: /^Không/ }).getByRole('cell').allInnerTexts()).toEqual(['1', '33,3']);
      const second = staff.getByRole('region', { name: /^2\. Ông\/bà nhận thông tin/ });
      await second.getByText('Cơ sở: 2 người trả lời').waitFor();
      await second.getByText('Mỗi người có thể chọn nhiều phương án, tổng có thể vượt 100%').waitFor();
      await second.getByText('Không hỏi (bỏ qua theo điều kiện): 1').waitFor();
      expect(await second.getByRole('row', { name: /^Họp dân/ }).getByRole('cell').allInnerTexts()).toEqual(['2', '100,0']);
      expect(await second.getByRole('row', { name: /^Loa truyền thanh/ }).getByRole('cell').allInnerTexts()).toEqual(['1', '50,0']);
      expect(await second.getByRole('row', { name: /^Nhóm Zalo/ }).getByRole('cell').allInnerTexts()).toEqual(['1', '50,0']);
      const age = staff.getByRole('region', { name: /^3\. Tuổi/ });
      // mean 41.67 rounded to the survey's one decimal, median 45, min 30, max 50
      expect(await age.locator('.sv-numbers dd').allInnerTexts()).toEqual(['41,7', '45', '30', '50']);
      await shoot(staff, 'results');
      await staff.getByLabel('Phân tổ theo', { exact: true }).selectOption({ label: 'Câu: Ông/bà có dự họp dân trong năm qua không?' });
      await staff.getByRole('columnheader', { name: /^Có/ }).first().waitFor();
      await shoot(staff, 'results-cross');
      await staffContext.close();
    },
    STORY_MS,
  );
});
