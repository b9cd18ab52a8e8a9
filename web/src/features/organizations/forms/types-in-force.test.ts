import { describe, expect, it } from 'vitest';
import { typesInForce } from './AddOrganizationForm.tsx';

/** Issue 9 item 7: the "Thêm tổ chức" form offers only the types in force at the unit's level on the founding day. */
describe('types offered when registering a body', () => {
  it('offers the Ban Tuyên giáo và Dân vận at a province today and the Ban Dân vận only before 1/7/2025', () => {
    const today = typesInForce('province', '2026-12-04');
    expect(today).toContain('propaganda_mobilization_commission');
    expect(today).not.toContain('mobilization_commission');
    const before = typesInForce('province', '2024-05-01');
    expect(before).toContain('mobilization_commission');
    expect(typesInForce('province', '2025-06-30')).toContain('mobilization_commission');
    expect(typesInForce('province', '2025-07-01')).not.toContain('mobilization_commission');
  });

  it('offers the Ban Xây dựng Đảng at a commune from 1/7/2025, and no district body after 30/6/2025', () => {
    expect(typesInForce('commune', '2025-07-01')).toContain('party_building_board');
    expect(typesInForce('commune', '2025-06-30')).not.toContain('party_building_board');
    expect(typesInForce('district', '2025-07-01')).not.toContain('mobilization_commission');
    expect(typesInForce('district', '2025-06-30')).toContain('mobilization_commission');
  });
});
