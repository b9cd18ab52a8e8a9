import { PROVINCE_SETTING_KEYS, PROVINCE_SETTINGS, type TProvinceSettingKey, type TProvinceSettings } from '#contracts/settings.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './settings.repository.ts';
import { settingsPolicy } from './settings.policy.ts';

type Db = ModuleContext['db'];

/** Every setting of a province: its value in force, the default, and who set it when it is not the default. */
export async function listProvinceSettings(db: Db, actor: Actor, provinceId: number): Promise<TProvinceSettings> {
  authorize(settingsPolicy.read(actor));
  const province = await repo.findProvince(db, actor.scope, provinceId, 'read');
  if (!province) throw notFound('entity.unit');
  const writable = settingsPolicy.manage(actor) && (await repo.findProvince(db, actor.scope, provinceId, 'write')) !== undefined;
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
  return (row?.value ?? PROVINCE_SETTINGS[key].default) as (typeof PROVINCE_SETTINGS)[K]['default'];
}

/** Changes one setting of a province with a reason, in one transaction with its audit row. */
export async function setProvinceSetting(
  db: Db,
  actor: Actor,
  provinceId: number,
  key: TProvinceSettingKey,
  body: { value: unknown; reason: string },
): Promise<TProvinceSettings> {
  await db.transaction().execute(async (trx) => {
    authorize(settingsPolicy.manage(actor));
    const province = await repo.findProvince(trx, actor.scope, provinceId, 'write');
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
  });
  return listProvinceSettings(db, actor, provinceId);
}
