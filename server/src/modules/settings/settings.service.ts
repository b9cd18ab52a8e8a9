import type { z } from 'zod';
import { PROVINCE_SETTING_KEYS, PROVINCE_SETTINGS, type TProvinceSettingKey, type TProvinceSettings } from '#contracts/settings.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { recordAudit } from '../audit/index.ts';
import { listUnitsOfLevel } from '../units/index.ts';
import * as repo from './settings.repository.ts';
import { settingsPolicy } from './settings.policy.ts';

type Db = ModuleContext['db'];
/** The value of a setting, as its schema reads it. */
type SettingValue<K extends TProvinceSettingKey> = z.infer<(typeof PROVINCE_SETTINGS)[K]['schema']>;

/**
 * Every setting in force for a unit, those of its province: the value, the default, and who set it when it is
 * not the default.
 */
export async function listProvinceSettings(db: Db, actor: Actor, unitId: number): Promise<TProvinceSettings> {
  authorize(settingsPolicy.read(actor));
  const province = await repo.findProvinceOfReadableUnit(db, actor.scope, unitId);
  if (!province) throw notFound('entity.unit');
  const provinceId = province.id;
  const writable = settingsPolicy.manage(actor) && (await repo.findWritableProvince(db, actor.scope, provinceId)) !== undefined;
  const set = new Map((await repo.currentSettings(db, provinceId)).map((row) => [row.key, row]));
  return {
    provinceId: province.id,
    provinceName: province.full_name,
    canManage: writable && province.valid_to === null,
    items: PROVINCE_SETTING_KEYS.map((key) => {
      const row = set.get(key);
      const defaultValue = PROVINCE_SETTINGS[key].default;
      return {
        key,
        value: (row?.value as boolean | string | undefined) ?? defaultValue,
        defaultValue,
        isDefault: row === undefined,
        reason: row?.reason ?? null,
        setAt: row ? new Date(row.set_at).toISOString() : null,
        setByName: row?.set_by_name ?? null,
      };
    }),
  };
}

/** The value of one setting in force for a province (its default when never set): what other modules read. */
export async function provinceSetting<K extends TProvinceSettingKey>(db: Db, provinceId: number, key: K) {
  const row = (await repo.currentSettings(db, provinceId)).find((r) => r.key === key);
  return (row?.value ?? PROVINCE_SETTINGS[key].default) as SettingValue<K>;
}

/** The value in force for the province of a unit (the default for a unit under no province). */
export async function unitSetting<K extends TProvinceSettingKey>(db: Db, unitId: number, key: K) {
  const provinceId = await repo.findProvinceOfUnit(db, unitId);
  return provinceId === undefined ? (PROVINCE_SETTINGS[key].default as SettingValue<K>) : provinceSetting(db, provinceId, key);
}

/**
 * The derived values a setting moves, with the level they are kept at (the codes, not the module: organizations
 * reads the settings, so it builds on this one). A province without blocs has no commune meeting "9–11 members".
 */
const MOVES: Partial<Record<TProvinceSettingKey, { code: string; level: 'commune' | 'village' }>> = {
  'communeBloc.enabled': { code: 'organizations.commune_blocs_9_11', level: 'commune' },
  'villageTeam.enabled': { code: 'organizations.villages_with_team', level: 'village' },
};

/** Changes one setting of a province with a reason, in one transaction with its audit row. */
export async function setProvinceSetting(
  { db, derived }: Pick<ModuleContext, 'db' | 'derived'>,
  actor: Actor,
  provinceId: number,
  key: TProvinceSettingKey,
  body: { value: unknown; reason: string },
): Promise<TProvinceSettings> {
  await db.transaction().execute(async (trx) => {
    authorize(settingsPolicy.manage(actor));
    const province = await repo.findWritableProvince(trx, actor.scope, provinceId);
    if (!province) throw notFound('entity.unit');
    if (province.valid_to !== null) throw invalidField('id', msg('settings.provinceEnded'));
    const parsed = PROVINCE_SETTINGS[key].schema.safeParse(body.value);
    if (!parsed.success) throw invalidField('value', msg('settings.badValue'));
    await repo.lockProvince(trx, provinceId);
    const before = (await repo.currentSettings(trx, provinceId)).find((row) => row.key === key);
    await repo.insertSetting(trx, { provinceId, key, value: parsed.data, reason: body.reason, by: actor.userId, at: clock.now() });
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'province_setting',
      entityId: provinceId,
      unitId: provinceId,
      before: { key, value: before?.value ?? PROVINCE_SETTINGS[key].default, isDefault: before === undefined },
      after: { key, value: parsed.data, reason: body.reason },
    });
    const moves = MOVES[key];
    if (moves) {
      const unitIds = await listUnitsOfLevel(trx, { provinceId, level: moves.level, asOf: clock.today() });
      await derived.touch(trx, actor, moves.code, unitIds);
    }
  });
  return listProvinceSettings(db, actor, provinceId);
}
