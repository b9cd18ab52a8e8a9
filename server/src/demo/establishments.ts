import type { DemoPlan } from './demo-plan.ts';
import type { Commune2019 } from './territory.ts';

/**
 * Enterprises and religious establishments of the demo, by the 2019 commune they stand in. Illustrative, not a
 * register: the names are typical of the province, the figures invented. Some enterprises have 25 or more
 * workers and no trade union, the case target 003 (5) is about.
 */
const ENTERPRISES = [
  { commune: '19351', name: 'Công ty TNHH May xuất khẩu Nam Đông Hà', workers: 860, union: true, founded: '2012-05-14' },
  { commune: '19612', name: 'Công ty Cổ phần Cao su Cam Lộ', workers: 412, union: true, founded: '2004-09-01' },
  { commune: '19459', name: 'Công ty TNHH Chế biến tinh bột sắn Hướng Hóa', workers: 118, union: true, founded: '2009-03-20' },
  { commune: '19669', name: 'Công ty Cổ phần Gỗ Triệu Ái', workers: 64, union: false, founded: '2016-07-11' },
  { commune: '19429', name: 'Công ty TNHH Cà phê Khe Sanh', workers: 38, union: false, founded: '2018-02-26' },
  { commune: '19496', name: 'Công ty Cổ phần Thủy sản Cửa Việt', workers: 45, union: false, founded: '2011-10-03' },
  { commune: '19552', name: 'Công ty TNHH Vật liệu xây dựng Gio Quang', workers: 27, union: false, founded: '2019-04-15' },
  { commune: '19432', name: 'Công ty TNHH Thương mại Dịch vụ Lao Bảo', workers: 16, union: false, founded: '2020-08-05' },
  { commune: '19363', name: 'Công ty Cổ phần Hồ tiêu Vĩnh Linh', workers: 31, union: true, founded: '2015-01-12' },
] as const;

const RELIGIOUS = [
  { commune: '19702', name: 'Trung tâm hành hương Đức Mẹ La Vang', religion: 'Công giáo' },
  { commune: '19333', name: 'Nhà thờ Giáo xứ Đông Hà', religion: 'Công giáo' },
  { commune: '19360', name: 'Nhà thờ Giáo xứ Trí Bưu', religion: 'Công giáo' },
  { commune: '19345', name: 'Chùa Tỉnh hội Phật giáo Quảng Trị', religion: 'Phật giáo' },
  { commune: '19495', name: 'Niệm Phật đường Gio Linh', religion: 'Phật giáo' },
  { commune: '19678', name: 'Chùa Sắc tứ Tịnh Quang', religion: 'Phật giáo' },
  { commune: '19429', name: 'Chi hội Tin Lành Khe Sanh', religion: 'Tin Lành' },
] as const;

/**
 * Registers each establishment twice, as every organisation of the demo is: under its 2019 commune and under
 * the 2025 commune that took that territory in. Unlike the political organisations they did not end with the
 * reform, so neither row has a dissolution date; which one is current follows from the unit's validity.
 */
export function planEstablishments(plan: DemoPlan, communes: Commune2019[]): number {
  const byCode = new Map(communes.map((commune) => [commune.code, commune]));
  const where = (code: string) => {
    const commune = byCode.get(code);
    const successor = commune?.successors[0]?.unit;
    if (!commune || !successor) throw new Error(`demo establishment in unknown commune ${code}`);
    return [commune.id, successor.id];
  };
  let count = 0;
  for (const item of ENTERPRISES) {
    for (const unitId of where(item.commune)) {
      plan.addOrg({ unitId, type: 'enterprise', name: item.name, workerCount: item.workers, hasTradeUnion: item.union, foundedOn: item.founded });
      count++;
    }
  }
  for (const item of RELIGIOUS) {
    for (const unitId of where(item.commune)) {
      plan.addOrg({ unitId, type: 'religious_establishment', name: item.name, religionName: item.religion });
      count++;
    }
  }
  return count;
}
