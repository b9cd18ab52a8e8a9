import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ROLES } from '#contracts/auth.ts';
import { ACTIONS, PERMISSIONS, levelsOf, type Grant } from '#contracts/permissions.ts';
import { UNIT_LEVELS } from '#contracts/units.ts';

/** Where the generated table lives; a unit test fails when it differs from what the table generates. */
export const PERMISSIONS_DOC = new URL('../docs/PERMISSIONS.md', import.meta.url);

const CELL: Record<Grant, string> = { scope: 'yes', ownOrganization: 'own organisation' };

/** docs/PERMISSIONS.md as generated from contracts/src/permissions.ts. */
export function renderPermissionsDoc(): string {
  const header = ['action', ...ROLES.map((role) => `\`${role}\``), 'from unit levels', 'what it allows'];
  const rows = ACTIONS.map((action) => {
    const roles: Partial<Record<string, Grant>> = PERMISSIONS[action].roles;
    const levels = levelsOf(action);
    return [
      `\`${action}\``,
      ...ROLES.map((role) => {
        const grant = roles[role];
        return grant ? CELL[grant] : '—';
      }),
      levels.length === UNIT_LEVELS.length ? 'any' : levels.join(', '),
      PERMISSIONS[action].summary,
    ];
  });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    '# Permissions',
    '',
    '<!-- Generated from contracts/src/permissions.ts by `npm run docs:permissions`; do not edit by hand. -->',
    '',
    'Who may do what. The server policies (`server/src/modules/*/*.policy.ts`) and the web app (`web/src/app/can.ts`)',
    'read the same table; `GET /api/auth/me` lists the actions of the signed-in user. Every action applies only',
    "within the user's scope (their unit's subtree), which the repositories enforce; \"own organisation\" limits a",
    "focal point to the records of the organisation its account belongs to. \"From unit levels\" is the level of the",
    "user's own unit; system administrators have no unit and are not limited by level.",
    '',
    line(header),
    line(header.map(() => '---')),
    ...rows.map(line),
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(PERMISSIONS_DOC, renderPermissionsDoc());
  console.log(`wrote ${PERMISSIONS_DOC.pathname}`);
}
