import type { Kysely } from 'kysely';
import { addDays } from '#contracts/indicators/period.ts';
import { SENTIMENT_TRENDS, type TSentimentSeverity } from '#contracts/sentiment/schemas.ts';
import type { DB } from '#server/db/schema.ts';
import { demoPoints, OLD_QUANG_TRI_LATITUDES } from '#server/demo/demo-points.ts';
import { Random } from '#server/demo/random.ts';
import { PROVINCE_2025_CODE } from '#server/demo/territory.ts';
import { insertJob } from '#server/platform/jobs/job.repository.ts';
import { clock } from '#server/shared/clock.ts';
import type { DemoStep } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { DERIVED_TOPICS, SENTIMENT_DERIVED, reportsCode } from '../sentiment-derived.ts';
import type { NewReport } from '../sentiment.repository.ts';
import { evaluateRules, storeReport } from '../sentiment.service.ts';
import { accountId, demoCommunes, insertReports } from './sentiment-demo.repository.ts';

/** The commune whose land reports build into an alert (xã Hải Lăng, the demo's commune account xa.hai-lang). */
export const ALERT_COMMUNE_CODE = '19702';
/** Reports per commune and month, on average. */
const PER_MONTH = 2;

const TEXTS: Record<string, readonly string[]> = {
  land: ['Một số hộ chưa đồng tình với phương án bồi thường, hỗ trợ khi thu hồi đất làm đường.', 'Nhân dân phản ánh việc cấp giấy chứng nhận quyền sử dụng đất còn chậm.', 'Tranh chấp ranh giới đất giữa hai hộ gia đình, thôn đã hòa giải một lần.'],
  policy: ['Người dân quan tâm việc chi trả trợ cấp cho người có công sau sáp nhập xã.', 'Hộ cận nghèo hỏi về thủ tục thẻ bảo hiểm y tế năm mới.'],
  prices: ['Giá phân bón tăng, bà con lo ngại chi phí sản xuất vụ Đông Xuân.', 'Giá lợn hơi giảm, nhiều hộ chăn nuôi thua lỗ.'],
  religion: ['Một nhóm người tụ tập sinh hoạt tôn giáo tại nhà riêng chưa đăng ký.', 'Cơ sở tôn giáo đề nghị mở rộng khuôn viên, nhân dân trong thôn có ý kiến khác nhau.'],
  security: ['Xảy ra trộm cắp vặt tài sản ở khu dân cư, nhân dân đề nghị tăng tuần tra.', 'Thanh thiếu niên tụ tập đua xe vào buổi tối gây mất trật tự.'],
  environment: ['Nhân dân phản ánh mùi hôi từ trại chăn nuôi gần khu dân cư.', 'Rác thải ven sông chưa được thu gom kịp thời sau lũ.'],
  other: ['Nhân dân phấn khởi với kết quả xây dựng nông thôn mới của thôn.', 'Bà con đề nghị sửa chữa nhà văn hóa thôn xuống cấp.'],
};
const ALERT_TEXTS = [
  'Nhiều hộ dân tập trung tại nhà văn hóa thôn phản đối phương án giá bồi thường đất của dự án khu dân cư.',
  'Hơn 30 hộ ký đơn kiến nghị về giá bồi thường đất, có người đe dọa không bàn giao mặt bằng.',
  'Tình hình khiếu kiện về bồi thường đất tiếp tục căng thẳng, một số người kéo lên trụ sở xã.',
];

/**
 * Step "sentiment.demo": two years of sentiment reports in Quảng Trị, about two per commune and month across the
 * topics (mostly thấp and trung bình, a "cao" now and then), through the one write path (storeReport: rules
 * evaluated, audited); in xã Hải Lăng three land reports of the last ten days at "cao" and "rất cao" build into an
 * alert addressed to the province. The monthly figures are filled by a derived-value backfill job.
 */
async function runSentimentDemo(trx: Kysely<DB>, today: string): Promise<string> {
  const place = await demoCommunes(trx, PROVINCE_2025_CODE);
  if (!place || place.villages.length === 0) return 'no communes with villages in the demo province';
  const writerId = (await accountId(trx, 'xa.hai-lang')) ?? (await accountId(trx, 'admin'));
  const adminId = await accountId(trx, 'admin');
  if (writerId === null || adminId === null) throw new Error('the demo accounts are missing: the foundation demo step must run first');
  const writer = { userId: writerId, ip: null, scope: { all: true as const } };
  const points = await demoPoints(PROVINCE_2025_CODE, OLD_QUANG_TRI_LATITUDES);
  const byCommune = new Map<number, { code: string | null; villages: { id: number; team: number | null }[] }>();
  for (const v of place.villages) {
    const entry = byCommune.get(Number(v.commune_id)) ?? { code: v.commune_code, villages: [] };
    entry.villages.push({ id: Number(v.village_id), team: v.team_id === null ? null : Number(v.team_id) });
    byCommune.set(Number(v.commune_id), entry);
  }
  const rng = new Random(20261231);
  const from = addDays(today, -730);
  const topics = Object.keys(TEXTS);
  const now = clock.now();
  let count = 0;
  let alerts = 0;
  // the history is written in batches (the rules are evaluated after it, for its "cao" reports); the alert's reports go through storeReport
  const history: NewReport[] = [];
  const alertCommunes: Array<[number, { villages: { id: number; team: number | null }[] }]> = [];
  for (const [communeId, commune] of byCommune) {
    const isAlertCommune = commune.code === ALERT_COMMUNE_CODE;
    // communes differ: some report often, some seldom
    const rate = PER_MONTH * (0.4 + rng.next() * 1.2);
    const n = Math.round(rate * 24);
    for (let i = 0; i < n; i++) {
      const reportedOn = addDays(from, Math.floor(rng.next() * 700));
      const topic = topics[Math.floor(rng.next() * topics.length)]!;
      // "cao" is rare and never on land in the alert commune (its alert comes from the three reports below)
      const roll = rng.next();
      const severity: TSentimentSeverity = roll < 0.5 ? 'low' : roll < 0.94 || (isAlertCommune && topic === 'land') ? 'medium' : 'high';
      const texts = TEXTS[topic]!;
      const village = commune.villages[Math.floor(rng.next() * commune.villages.length)]!;
      const atCommune = rng.next() < 0.25;
      const point = rng.next() < 0.7 ? points.near(communeId, `s${i}`) : null;
      history.push({
        id: uuidv7(now), province_id: place.provinceId, unit_id: atCommune ? communeId : village.id, commune_id: communeId,
        organization_id: atCommune ? (place.blocs.get(communeId) ?? null) : village.team, topic, severity,
        people_count: 1 + Math.floor(rng.next() * (severity === 'high' ? 40 : 12)), trend: SENTIMENT_TRENDS[Math.floor(rng.next() * 3)]!,
        text: texts[Math.floor(rng.next() * texts.length)]!, reported_on: reportedOn, lat: point?.lat ?? null, lng: point?.lng ?? null, created_by: writerId, created_at: now,
      });
    }
    if (isAlertCommune) alertCommunes.push([communeId, commune]);
  }
  await insertReports(trx, history);
  count += history.length;
  for (const r of history.filter((h) => h.severity === 'high').sort((a, b) => a.reported_on.localeCompare(b.reported_on))) {
    alerts += (await evaluateRules(trx, writer, { provinceId: r.province_id, communeId: r.commune_id, topic: r.topic, severity: r.severity, reportedOn: r.reported_on }, now)).length;
  }
  for (const [communeId, commune] of alertCommunes) {
    const village = commune.villages[0]!;
    for (const [k, days] of [10, 6, 2].entries()) {
      const point = points.near(communeId, `alert${k}`);
      const receipt = await storeReport(trx, null, writer, {
        id: uuidv7(now), unitId: village.id, organizationId: village.team, topic: 'land', severity: k === 2 ? 'very_high' : 'high',
        peopleCount: [18, 32, 45][k]!, trend: 'rising', text: ALERT_TEXTS[k]!, reportedOn: addDays(today, -days), lat: point.lat, lng: point.lng,
      }, today, now);
      count++;
      alerts += receipt.raisedAlertIds.length;
    }
  }
  const actor = { userId: adminId, username: 'admin', roles: ['system_admin'], unitId: null, unitLevel: null, organizationId: null, scope: { all: true }, ip: null };
  await insertJob(trx, {
    id: uuidv7(),
    kind: 'indicators.derived-backfill',
    payload: { provinceId: place.provinceId, from: `${from.slice(0, 7)}-01`, codes: [...DERIVED_TOPICS.map(reportsCode), SENTIMENT_DERIVED.openAlerts], actor },
    target: `admin_unit:${place.provinceId}`,
    ownerUserId: adminId,
    unitId: place.provinceId,
    maxAttempts: 3,
    now: clock.now(),
  });
  return `${count} sentiment reports in ${byCommune.size} communes, ${alerts} alert(s)`;
}

export const sentimentDemoStep: DemoStep = { name: 'sentiment.demo', version: 1, run: (trx, context) => runSentimentDemo(trx, context.today) };
