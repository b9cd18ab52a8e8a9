import type { TRole } from '#contracts/auth.ts';

/** The one password of every demo account (printed in docs/DEMO.md; the demo is not for production data). */
export const DEMO_PASSWORD = 'DanVanSo2025';

/** Where a demo account is attached: its unit (by official code, 2019 structure) and organisation. */
export type DemoHome =
  | { level: 'country' }
  | { level: 'province'; org: 'commission' }
  | { level: 'district'; code: string; org: 'commission' }
  | { level: 'commune'; code: string; org: 'bloc' }
  | { level: 'village'; communeCode: string; village: string; org: 'village_team' };

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
  home: DemoHome;
}

/** The demo accounts, one per level of the 2019 structure of Quảng Trị (see docs/DEMO.md). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    password: DEMO_PASSWORD,
    roles: ['system_admin'],
    roleLabel: 'Quản trị hệ thống',
    unitName: null,
    unitPath: null,
    home: { level: 'country' },
  },
  {
    username: 'tinh.qt',
    password: DEMO_PASSWORD,
    roles: ['unit_admin', 'commission_officer'],
    roleLabel: 'Quản trị đơn vị, Trưởng phòng Ban Dân vận Tỉnh ủy',
    unitName: 'Tỉnh Quảng Trị',
    unitPath: 'Tỉnh Quảng Trị (trước 01/7/2025)',
    home: { level: 'province', org: 'commission' },
  },
  {
    username: 'lanhdao.qt',
    password: DEMO_PASSWORD,
    roles: ['leader'],
    roleLabel: 'Lãnh đạo: Trưởng Ban Dân vận Tỉnh ủy',
    unitName: 'Tỉnh Quảng Trị',
    unitPath: 'Tỉnh Quảng Trị (trước 01/7/2025)',
    home: { level: 'province', org: 'commission' },
  },
  {
    username: 'huyen.dakrong',
    password: DEMO_PASSWORD,
    roles: ['commission_officer'],
    roleLabel: 'Phó Trưởng Ban Dân vận Huyện ủy Đa Krông',
    unitName: 'Huyện Đa Krông',
    unitPath: 'Huyện Đa Krông, Tỉnh Quảng Trị',
    home: { level: 'district', code: '467', org: 'commission' },
  },
  {
    username: 'xa.ta-rut',
    password: DEMO_PASSWORD,
    roles: ['data_entry', 'commission_officer'],
    roleLabel: 'Trưởng Khối dân vận xã Tà Rụt (nhập liệu)',
    unitName: 'Xã Tà Rụt',
    unitPath: 'Xã Tà Rụt, Huyện Đa Krông, Tỉnh Quảng Trị',
    home: { level: 'commune', code: '19588', org: 'bloc' },
  },
  {
    username: 'xa.hai-phu',
    password: DEMO_PASSWORD,
    roles: ['data_entry', 'commission_officer'],
    roleLabel: 'Trưởng Khối dân vận xã Hải Phú (nhập liệu)',
    unitName: 'Xã Hải Phú',
    unitPath: 'Xã Hải Phú, Huyện Hải Lăng, Tỉnh Quảng Trị',
    home: { level: 'commune', code: '19702', org: 'bloc' },
  },
  {
    username: 'thon.phu-hung.hai-phu',
    password: DEMO_PASSWORD,
    roles: ['focal_point', 'data_entry'],
    roleLabel: 'Tổ trưởng Tổ dân vận thôn Phú Hưng (đầu mối, nhập liệu)',
    unitName: 'Thôn Phú Hưng',
    unitPath: 'Thôn Phú Hưng, Xã Hải Phú, Huyện Hải Lăng, Tỉnh Quảng Trị',
    home: { level: 'village', communeCode: '19702', village: 'Phú Hưng', org: 'village_team' },
  },
];

/** The accounts as the Markdown table of README.md (between its demo-accounts markers) and docs/DEMO.md. */
export function demoAccountsMarkdown(): string {
  const rows = DEMO_ACCOUNTS.map((account) => `| \`${account.username}\` | ${account.roleLabel} | ${account.unitPath ?? 'cả nước'} |`);
  return ['| username | who | unit |', '|---|---|---|', ...rows].join('\n');
}
