/**
 * The read path of seed 000 i7 for the nation by province (grassroots.bench.ts): what a national user's request costs.
 * The figures are derived values kept per unit and month by the writes (touchVisitFigures) and the backfill job; the
 * indicator GR_TL_CB_DI_CO_SO_3_NGAY reads them from data_total (SCALE.md rule 5). Prepared once: the indicator, a
 * backfill job of the month per province run by the app's own job queue, a national account.
 */
import type { AddressInfo } from 'node:net';
import { dashboardEndpoints } from '#contracts/indicators/dashboard.api.ts';
import { buildApp } from '#server/app.ts';
import type { Database } from '#server/db/database.ts';
import { FIELD_DAY_INDICATORS } from '#server/modules/grassroots/demo/grassroots-demo-step.ts';
import { GRASSROOTS_DERIVED_CODES } from '#server/modules/grassroots/index.ts';
import { ensureNationalIndicator, indicatorFigures } from '#server/modules/indicators/index.ts';
import { insertJob } from '#server/platform/jobs/job.repository.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { TestClient } from '#test/http-client.ts';
import { BENCH_PASSWORD, ensureBenchUser } from './bench-users.ts';
import type { RawClient } from './db.ts';

const I7 = FIELD_DAY_INDICATORS[0];
const USER = 'bench.grassroots.national';

export interface I7Reads {
  /** Meeting and cadres per province from the stored figures (indicatorFigures, as programme targets read them). */
  figures(): Promise<Array<{ provinceId: number; cadres: number; meeting: number }>>;
  /** GET /api/indicators/dashboard/children for the nation (34 provinces) as a national account: rows. */
  dashboard(): Promise<number>;
  /** Seconds the backfill of the month took (0 when the figures were already stored). */
  backfillSeconds: number;
  close(): Promise<void>;
}

/** Backfills the month's figures of every province (unless stored), then serves the two reads. */
export async function prepareI7Reads(db: Database, raw: RawClient, kind: 'pglite' | 'postgres', provinceIds: readonly number[], month: string): Promise<I7Reads> {
  const period = month.replace('-', '');
  const app = await buildApp({ db, databaseKind: kind, loginRateLimit: 1000, jobPollMs: 50 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  await ensureNationalIndicator(db, I7);
  const userId = await ensureBenchUser(db, USER, null, 'system_admin');
  const [{ n: stored } = { n: '0' }] = await raw.query<{ n: string }>(
    `select count(*) as n from data_value v join data_element e on e.id = v.data_element_id where e.code = 'GRASSROOTS_CADRES_COMMUNE' and v.period = $1`,
    [period],
  );
  const started = performance.now();
  if (Number(stored) === 0) {
    const actor = { userId, username: USER, roles: ['system_admin'], unitId: null, unitLevel: null, organizationId: null, scope: { all: true }, ip: null };
    for (const provinceId of provinceIds) {
      await insertJob(db, {
        id: uuidv7(), kind: 'indicators.derived-backfill', payload: { provinceId, from: `${month}-01`, periodTypes: ['monthly'], codes: GRASSROOTS_DERIVED_CODES, actor },
        target: `admin_unit:${provinceId}`, ownerUserId: userId, unitId: provinceId, maxAttempts: 1, now: new Date(Date.now() - 1000),
      });
    }
    for (;;) {
      const [state] = await raw.query<{ pending: string; failed: string }>(
        `select count(*) filter (where status not in ('succeeded', 'failed')) as pending, count(*) filter (where status = 'failed') as failed from job where kind = 'indicators.derived-backfill'`,
      );
      if (Number(state?.failed) > 0) throw new Error('a backfill of the grassroots figures failed');
      if (Number(state?.pending) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  const backfillSeconds = Number(stored) === 0 ? (performance.now() - started) / 1000 : 0;
  const [indicator] = await raw.query<{ id: string }>('select id from indicator where code = $1', [I7.code]);
  const client = new TestClient(base);
  const login = await client.login(USER, BENCH_PASSWORD);
  if (login.status !== 200) throw new Error(`login: ${login.status}`);
  return {
    backfillSeconds,
    async figures() {
      const read = await indicatorFigures(db, { all: true }, { indicatorCodes: [I7.code], unitIds: provinceIds, view: 'current', groups: { [period]: [period] } });
      return provinceIds.flatMap((provinceId) => {
        const figure = read.figure(I7.code, provinceId, period);
        return figure.denominator ? [{ provinceId, cadres: figure.denominator, meeting: figure.numerator ?? 0 }] : [];
      });
    },
    async dashboard() {
      const response = await client.call(dashboardEndpoints.dashboardChildren, { query: { indicatorId: Number(indicator?.id), from: period, to: period } });
      if (response.status !== 200) throw new Error(`dashboard: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
      return response.body.rows.length;
    },
    close: () => app.close(),
  };
}
