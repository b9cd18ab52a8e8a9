import type { TPetitionField } from '#contracts/petitions/case.schemas.ts';

export const presentField = (row: { id: number; code: string; name: string; province_id: number | null; position: number; active: boolean }): TPetitionField => ({
  id: row.id,
  code: row.code,
  name: row.name,
  provinceId: row.province_id,
  position: row.position,
  active: row.active,
});
