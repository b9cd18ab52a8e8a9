import type { TRole } from '#contracts/auth.ts';

/** The one password of every demo account (printed in docs/DEMO.md; the demo is not for production data). */
export const DEMO_PASSWORD = 'DanVanSo2025';

/** Where a demo account is attached: its unit (by official code and structure) and organisation. */
export type DemoHome =
  | { level: 'country' }
  | { level: 'province'; structure: '2025'; org: 'commission' }
  | { level: 'commune'; structure: '2019' | '2025'; code: string; org: 'bloc' }
  /** A 2025 village, named by the pinned 2019 village it continues (commune code of 2019, village name). */
  | { level: 'village'; structure: '2025'; communeCode2019: string; village: string; org: 'village_team' };

/** A demo account as the README, the tests and the loader all read it. */
export interface DemoAccount {
  username: string;
  password: string;
  roles: readonly TRole[];
  /** What the account does, in Vietnamese. */
  roleLabel: string;
  /** full_name of the home unit as stored; null for the system administrator. */
  unitName: string | null;
  /** The home unit with its ancestors, for people reading the README. */
  unitPath: string | null;
  /** On a unit that ended in the 2025 reform: sees only that unit's past records until it is moved. */
  legacy: boolean;
  home: DemoHome;
}

/**
 * The demo accounts: on units of today's structure (the merged Quảng Trị, code 44, from 1 July 2025), plus one
 * legacy account of the 2019 structure that an administrator moves to its successor (docs/DEMO.md).
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    password: DEMO_PASSWORD,
    roles: ['system_admin'],
    roleLabel: 'Quản trị hệ thống',
    unitName: null,
    unitPath: null,
    legacy: false,
    home: { level: 'country' },
  },
  {
    username: 'tinh.qt',
    password: DEMO_PASSWORD,
    roles: ['unit_admin', 'commission_officer'],
    roleLabel: 'Quản trị đơn vị, chuyên viên Ban Tuyên giáo và Dân vận Tỉnh ủy',
    unitName: 'Tỉnh Quảng Trị',
    unitPath: 'Tỉnh Quảng Trị (từ 01/07/2025, gồm cả Quảng Bình cũ)',
    legacy: false,
    home: { level: 'province', structure: '2025', org: 'commission' },
  },
  {
    username: 'lanhdao.qt',
    password: DEMO_PASSWORD,
    roles: ['leader'],
    roleLabel: 'Lãnh đạo: Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy',
    unitName: 'Tỉnh Quảng Trị',
    unitPath: 'Tỉnh Quảng Trị (từ 01/07/2025, gồm cả Quảng Bình cũ)',
    legacy: false,
    home: { level: 'province', structure: '2025', org: 'commission' },
  },
  {
    username: 'xa.ta-rut',
    password: DEMO_PASSWORD,
    roles: ['data_entry', 'commission_officer'],
    roleLabel: 'Trưởng Khối dân vận xã Tà Rụt (nhập liệu)',
    unitName: 'Xã Tà Rụt',
    unitPath: 'Xã Tà Rụt, Tỉnh Quảng Trị',
    legacy: false,
    home: { level: 'commune', structure: '2025', code: '19588', org: 'bloc' },
  },
  {
    username: 'xa.hai-lang',
    password: DEMO_PASSWORD,
    roles: ['data_entry', 'commission_officer'],
    roleLabel: 'Trưởng Khối dân vận xã Hải Lăng (nhập liệu)',
    unitName: 'Xã Hải Lăng',
    unitPath: 'Xã Hải Lăng, Tỉnh Quảng Trị (gồm Hải Phú, Hải Thượng, Hải Lâm cũ)',
    legacy: false,
    home: { level: 'commune', structure: '2025', code: '19702', org: 'bloc' },
  },
  {
    username: 'thon.phu-hung.hai-lang',
    password: DEMO_PASSWORD,
    roles: ['focal_point', 'data_entry'],
    roleLabel: 'Tổ trưởng Tổ dân vận thôn Phú Hưng (đầu mối, nhập liệu)',
    unitName: 'Thôn Phú Hưng',
    unitPath: 'Thôn Phú Hưng, Xã Hải Lăng, Tỉnh Quảng Trị',
    legacy: false,
    home: { level: 'village', structure: '2025', communeCode2019: '19702', village: 'Phú Hưng', org: 'village_team' },
  },
  {
    username: 'xa.hai-phu',
    password: DEMO_PASSWORD,
    roles: ['data_entry', 'commission_officer'],
    roleLabel: 'Tài khoản cũ: Trưởng Khối dân vận xã Hải Phú đến 30/06/2025 (chờ chuyển sang xã Hải Lăng)',
    unitName: 'Xã Hải Phú',
    unitPath: 'Xã Hải Phú, Huyện Hải Lăng, Tỉnh Quảng Trị (đến 30/06/2025)',
    legacy: true,
    home: { level: 'commune', structure: '2019', code: '19702', org: 'bloc' },
  },
];

/** The accounts as the Markdown table of README.md (between its demo-accounts markers) and docs/DEMO.md. */
export function demoAccountsMarkdown(): string {
  const rows = DEMO_ACCOUNTS.map((account) => `| \`${account.username}\` | ${account.roleLabel} | ${account.unitPath ?? 'cả nước'} |`);
  return ['| username | who | unit |', '|---|---|---|', ...rows].join('\n');
}
