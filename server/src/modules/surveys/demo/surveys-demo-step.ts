import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { TRespondentGroup } from '#contracts/surveys/survey.schemas.ts';
import type { DB } from '#server/db/schema.ts';
import { PROVINCE_2019_CODE } from '#server/demo/territory.ts';
import type { DemoStep } from '#server/shared/module.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { storeResponses, type StoreSurvey } from '../responses/response-store.ts';
import * as surveys from '../survey.repository.ts';
import { readXlsForm } from '../xlsform/read.ts';
import * as repo from './surveys-demo.repository.ts';

/**
 * Seed 001's survey in the demo province: report 235-BC/BDVTU of Ban Dân vận Tỉnh ủy Quảng Trị (14/12/2018). The
 * questionnaire is read from resources/surveys/seed-001/phieu-khao-sat-2018.xlsx through readXlsForm, the 131
 * responses (responses.json) are stored through the response store (the tallies the tabulation reads are kept by
 * it), the sample is the report's three localities, the 2019 districts huyện Hải Lăng, huyện Đa Krông and thành
 * phố Đông Hà (the report gives nothing finer: its responses are by locality), and the notes state the five
 * figures of the report that no count out of 131 gives (docs/design/survey-seed-001.md).
 */

export const SEED_DIR = join(import.meta.dirname, '../../../../../resources/surveys/seed-001');
export const DEMO_SURVEY_CODE = 'BC-235-2018';
/** The report's localities → the 2019 districts (statistics-office codes). */
export const LOCALITIES: Record<string, string> = { hai_lang: '470', dakrong: '467', dong_ha: '461' };

const NOTES = [
  'Dữ liệu mẫu gồm 131 phiếu dựng lại từ Báo cáo số 235-BC/BDVTU ngày 14/12/2018 của Ban Dân vận Tỉnh ủy Quảng Trị.',
  'Báo cáo chỉ nêu tỉ lệ phần trăm, không nêu số phiếu; số phiếu của từng phương án được chọn sao cho tỉ lệ trên 131',
  'phiếu (làm tròn một chữ số thập phân) trùng với báo cáo. Năm tỉ lệ trong báo cáo không ứng với số phiếu nguyên nào',
  'trên 131 phiếu, nên bảng tổng hợp lệch 0,1 điểm phần trăm so với báo cáo: thông qua HĐND, UBND hoặc cán bộ chủ chốt',
  '34,4% (báo cáo 34,3%); nên duy trì Tổ dân vận 78,6% (báo cáo 78,7%); hiệu quả của các chương trình, dự án 26,0%',
  '(báo cáo 25,9%); người dân tham gia ở mức trung bình 40,5% (báo cáo 40,4%); chủ yếu là cán bộ thôn tham gia 32,1%',
  '(báo cáo 32,0%). Bốn trong năm tỉ lệ này trùng với báo cáo nếu cắt bỏ (không làm tròn) chữ số thập phân thứ hai.',
  'Các câu hỏi nhiều lựa chọn có tổng tỉ lệ vượt 100% vì mỗi người được chọn nhiều phương án. Phân bổ theo địa bàn,',
  'đối tượng và các câu hỏi báo cáo không nêu số liệu là giả định.',
].join(' ');

const PURPOSE =
  'Khảo sát, đánh giá việc quán triệt, triển khai các nghị quyết, chỉ thị về công tác dân vận, công tác dân vận chính quyền, hoạt động của Tổ dân vận thôn, bản, khu phố, những vấn đề gây bức xúc trong nhân dân và việc người dân tham gia họp dân, tiếp xúc cử tri; làm cơ sở xây dựng mô hình dân vận ở cơ sở.';

interface SeedResponse {
  id: string;
  locality: string;
  group: string;
  answers: Record<string, unknown>;
}

/** The respondents were all cadres: commune civil servants, part-time commune staff and village cadres. */
const GROUP: TRespondentGroup = 'cadre';

/** The moment a UUIDv7 was made (its first 48 bits, milliseconds). */
const uuidTime = (id: string) => new Date(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16));

async function runSurveysDemo(trx: Kysely<DB>, today: string): Promise<string> {
  const [province] = await repo.officialUnits(trx, '2019', [PROVINCE_2019_CODE]);
  if (!province) throw new Error(`official unit 2019:${PROVINCE_2019_CODE} is missing: import the official units before the demo`);
  if (await repo.hasSurvey(trx, province.id, DEMO_SURVEY_CODE)) return `survey ${DEMO_SURVEY_CODE} already there`;
  const districts = new Map((await repo.officialUnits(trx, '2019', Object.values(LOCALITIES))).map((u) => [u.code, u]));
  const unitOf = (locality: string) => {
    const unit = districts.get(LOCALITIES[locality] ?? '');
    if (!unit) throw new Error(`seed 001: no 2019 district for locality ${locality}`);
    return unit;
  };
  const reading = await readXlsForm(readFileSync(join(SEED_DIR, 'phieu-khao-sat-2018.xlsx')));
  if (!reading.ok) throw new Error(`seed 001's XLSForm is refused: ${reading.issues.map((i) => i.message).join('; ')}`);
  const responses = JSON.parse(readFileSync(join(SEED_DIR, 'responses.json'), 'utf8')) as SeedResponse[];
  const officer = await repo.accountId(trx, 'tinh.qt');
  const created = new Date('2018-10-15T01:00:00Z');
  const title = 'Khảo sát xã hội học về công tác dân vận ở cơ sở (huyện Hải Lăng, huyện Đakrông, thành phố Đông Hà)';
  const survey = await surveys.insertSurvey(trx, {
    unit_id: province.id,
    code: DEMO_SURVEY_CODE,
    title,
    purpose: PURPOSE,
    opens_on: '2018-10-23',
    closes_on: '2018-11-07',
    collects_identity: false,
    double_entry: false,
    decimals: 1,
    notes: NOTES,
    search_text: foldVi(`${DEMO_SURVEY_CODE} ${title}`),
    created_by: officer,
    created_at: created,
  });
  await surveys.insertVersion(trx, { province_id: survey.province_id, survey_id: survey.id, number: 1, form: JSON.stringify(reading.form), source_attachment_id: null, created_by: officer, created_at: created });
  const counts = new Map<number, number>();
  for (const r of responses) counts.set(unitOf(r.locality).id, (counts.get(unitOf(r.locality).id) ?? 0) + 1);
  const targets = [...counts].map(([unitId, quota]) => ({ unit_id: unitId, respondent_group: GROUP, quota }));
  await surveys.replaceTargets(trx, survey, targets);
  await surveys.updateSurvey(trx, survey, null, { current_version: 1, status: 'closed' }, created);
  const store: StoreSurvey = { id: survey.id, province_id: survey.province_id, unit_id: province.id, unit_path: province.path, double_entry: false };
  let stored = 0;
  for (const r of responses) {
    const at = uuidTime(r.id);
    const [outcome] = await storeResponses(trx, store, [{ id: r.id, versionNumber: 1, unitId: unitOf(r.locality).id, respondentGroup: GROUP, answers: r.answers }], {
      channel: 'paper',
      enteredBy: officer,
      audit: { userId: officer, ip: null },
      today,
      now: at,
      targets,
    });
    if (!outcome?.ok) throw new Error(`seed 001 response ${r.id} refused: ${outcome && !outcome.ok ? outcome.message : 'no outcome'}`);
    stored++;
  }
  return `survey ${DEMO_SURVEY_CODE}: ${stored} responses in ${counts.size} localities`;
}

export const surveysDemoStep: DemoStep = { name: 'surveys.demo', version: 1, run: (trx, context) => runSurveysDemo(trx, context.today) };
