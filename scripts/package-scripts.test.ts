import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../vitest.config.ts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
const projects = (config.test?.projects ?? []).map((project) => (project as { test: { name: string } }).test.name);

describe('npm scripts', () => {
  it('B11 test scripts: every `--project` an npm script names is a vitest project', () => {
    expect(projects).toEqual(['unit', 'db', 'e2e']);
    const named = Object.entries(pkg.scripts).flatMap(([script, command]) =>
      [...command.matchAll(/--project[ =](\S+)/g)].map((match) => ({ script, project: match[1] })),
    );
    expect(named).toContainEqual({ script: 'test:api', project: 'db' });
    for (const { script, project } of named) expect(projects, script).toContain(project);
  });
});
