import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { DemoSettings } from './demo-plan.ts';

/** The province's settings in force (its defaults on a fresh database) that shape the demo's 2025 structure. */
export async function demoSettings(db: Kysely<DB>, provinceId: number): Promise<DemoSettings> {
  // imported when the step runs: the settings module reaches the units module, whose index lists this demo's steps
  const { provinceSetting } = await import('#server/modules/settings/index.ts');
  return {
    blocLead: await provinceSetting(db, provinceId, 'communeBloc.lead'),
    communeTradeUnion: await provinceSetting(db, provinceId, 'communeTradeUnion.enabled'),
  };
}
