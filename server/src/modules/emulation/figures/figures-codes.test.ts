import { describe, expect, it } from 'vitest';
import { laterYear } from '../demo/emulation-demo-step.ts';
import { codesMoved, EMULATION_DERIVED_CODES, emulationDerivedValues } from './figures-derived.ts';

describe('figures of models: what a write touches', () => {
  it('registers 16 recognised counts (level × field), 2 agency counts and 2 village counts, with Vietnamese names', () => {
    expect(emulationDerivedValues).toHaveLength(20);
    expect(EMULATION_DERIVED_CODES).toEqual([...EMULATION_DERIVED_CODES].sort());
    const province = emulationDerivedValues.find((v) => v.code === 'emulation.recognised_province_culture_society');
    expect(province).toMatchObject({ elementCode: 'EMU_RECOGNISED_PROVINCE_CULTURE_SOCIETY', level: 'commune', valueType: 'integer' });
    expect(province?.name).toBe('Số mô hình “Dân vận khéo” được công nhận cấp tỉnh, lĩnh vực văn hóa - xã hội');
    expect(emulationDerivedValues.find((v) => v.code === 'emulation.villages_self_management_4')).toMatchObject({ level: 'village', valueType: 'yes_no' });
  });

  it('touches the levels of the fields written, the agencies when an agency owns one, the villages when a group does', () => {
    expect(codesMoved({ fields: ['economy'], ownerTypes: ['farmers_union'] })).toEqual([
      'emulation.agencies_built_replicated_commune',
      'emulation.agencies_built_replicated_province',
      'emulation.recognised_central_economy',
      'emulation.recognised_commune_economy',
      'emulation.recognised_district_economy',
      'emulation.recognised_province_economy',
    ]);
    expect(codesMoved({ fields: ['culture_society'], ownerTypes: ['self_management_model'] })).toContain('emulation.villages_self_management_2');
    expect(codesMoved({ fields: ['culture_society'], ownerTypes: ['self_management_model'] })).not.toContain('emulation.agencies_built_replicated_province');
    // a person's model, its field edited: both fields' levels
    expect(codesMoved({ fields: ['economy', 'party_building'], ownerTypes: [] })).toHaveLength(8);
    expect(codesMoved(null)).toEqual(EMULATION_DERIVED_CODES);
  });

  it("the demo's later campaign: the latest year whose 15/10 has passed, from 2025", () => {
    expect(laterYear('2026-12-02')).toBe(2026);
    expect(laterYear('2026-10-14')).toBe(2025);
    expect(laterYear('2026-10-15')).toBe(2026);
    expect(laterYear('2025-03-01')).toBe(2025);
  });
});
