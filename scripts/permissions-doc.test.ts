import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS_DOC, renderPermissionsDoc } from './permissions-doc.ts';

describe('docs/PERMISSIONS.md', () => {
  it('A9 policies: docs/PERMISSIONS.md is what the table generates (run `npm run docs:permissions` after a change)', () => {
    const generated = renderPermissionsDoc();
    expect(generated).toContain(
      '| `units.manageVillages` | yes | yes | yes | yes | — | — | province, district, commune | Add, import and close villages',
    );
    expect(readFileSync(PERMISSIONS_DOC, 'utf8')).toBe(generated);
  });
});
