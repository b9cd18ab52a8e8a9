import { describe, expect, it } from 'vitest';
import { Random } from './random.ts';
import type { Commune2019, EndedCommune, TerritoryUnit } from './territory.ts';
import { DIVIDED_VILLAGES, planVillages2018 } from './villages-2018.ts';

const unit = (code: string, name: string, type = 'xã'): TerritoryUnit => ({ id: Number(code), code, name, fullName: `Xã ${name}`, type, parentId: 466 });
const district = unit('466', 'Gio Linh', 'huyện');
const reached = (code: string, name: string, type = 'xã'): Commune2019 => ({ ...unit(code, name, type), district, successors: [] });
const ended = (code: string, name: string, validTo: string, successors: TerritoryUnit[]): EndedCommune => ({ ...unit(code, name), district, validTo, successors });

// Gio Linh as of 2018, trimmed: Gio Thành divided in 2020, Gio Châu in 2025, Gio Bình merged into Gio Phong in 2020
const gioLinh = reached('19495', 'Gio Linh', 'thị trấn');
const gioPhong = reached('19507', 'Phong Bình');
const gioHai = reached('19519', 'Gio Hải');
const gioMai = reached('19543', 'Gio Mai');
const gioQuang = reached('19552', 'Gio Quang');
const communes = [gioLinh, gioPhong, gioHai, gioMai, gioQuang];
const gone = [
  ended('19516', 'Gio Bình', '2019-12-31', [gioPhong]),
  ended('19525', 'Gio Châu', '2024-12-31', [gioLinh, gioQuang]),
  ended('19528', 'Gio Thành', '2019-12-31', [gioHai, gioMai]),
];

describe('the demo villages of 2018 (seed 001: 1,113 in 141 communes)', () => {
  const placed = planVillages2018(new Random(1).fork('villages'), communes, gone, 60);
  const all = placed.flat();

  it('add up to the total over the communes of 2018, each commune with villages', () => {
    expect(all).toHaveLength(60);
    const per2018 = new Map<string, number>();
    placed.forEach((list, i) => list.forEach((v) => per2018.set(v.origin?.code ?? (communes[i] as Commune2019).code, (per2018.get(v.origin?.code ?? (communes[i] as Commune2019).code) ?? 0) + 1)));
    expect(per2018.size).toBe(8);
    expect(Math.min(...per2018.values())).toBeGreaterThanOrEqual(3);
  });

  it('send the villages named in the evidence of a divided commune where the evidence says', () => {
    const from = (code: string) => placed.map((list, i) => [(communes[i] as Commune2019).code, list.filter((v) => v.origin?.code === code).map((v) => v.name)] as const).filter(([, names]) => names.length);
    expect(from('19528')).toEqual([['19519', ['Nhĩ Trung', 'Nhĩ Hạ']], ['19543', ['Tân Minh']]]);
    expect(from('19525')).toEqual([['19495', ['Hà Thượng', 'Hà Trung']], ['19552', ['Hà Thanh']]]);
    expect(Object.keys(DIVIDED_VILLAGES).sort()).toEqual(['19525', '19528']);
  });

  it('name the villages a merged commune brought distinctly from those of the commune it joined', () => {
    const phong = placed[1] ?? [];
    expect(phong.some((v) => v.origin?.code === '19516')).toBe(true);
    expect(phong.some((v) => v.origin === null)).toBe(true);
    for (const list of placed) expect(new Set(list.map((v) => v.name.toLowerCase())).size).toBe(list.length);
  });

  it('refuse a divided commune whose villages the evidence does not name', () => {
    const unnamed = ended('19999', 'Gio Khác', '2019-12-31', [gioHai, gioMai]);
    expect(() => planVillages2018(new Random(1), communes, [...gone, unnamed], 60)).toThrow(/divided/);
  });
});
