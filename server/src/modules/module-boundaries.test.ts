import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The boundary rules live in eslint.config.js; this proves they catch what they are for. Type-aware rules are
// switched off because the probed files do not exist (the import rules need no types).
const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname, overrideConfig: tseslint.configs.disableTypeChecked });

async function restrictedImports(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('module boundaries', () => {
  it("B3 boundaries: a module may not import another module's repository, only its index.ts", async () => {
    const service = 'server/src/modules/people/probe.service.ts';
    expect(await restrictedImports(service, "import { findOrganization } from '../organizations/organization.repository.ts';\nfindOrganization;\n")).toEqual([
      "'../organizations/organization.repository.ts' import is restricted from being used by a pattern. Use the other module's index.ts: a module's repository and internals are private to it.",
    ]);
    expect(await restrictedImports(service, "import { findUnit } from '#server/modules/units/unit.repository.ts';\nfindUnit;\n")).toHaveLength(1);
    expect(await restrictedImports(service, "import { findOrganization } from '../organizations/index.ts';\nfindOrganization;\n")).toEqual([]);
    expect(await restrictedImports(service, "import { findPerson } from './person.repository.ts';\nfindPerson;\n")).toEqual([]);
  });

  it('B3 boundaries: routes may not import a repository, even their own', async () => {
    const routes = 'server/src/modules/units/probe.routes.ts';
    expect(await restrictedImports(routes, "import { listChildren } from './unit.repository.ts';\nlistChildren;\n")).toEqual([
      "'./unit.repository.ts' import is restricted from being used by a pattern. Routes call services; only services call repositories.",
    ]);
    expect(await restrictedImports(routes, "import { listUnitChildren } from './unit.service.ts';\nlistUnitChildren;\n")).toEqual([]);
  });
});
