import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoAccountsMarkdown } from './demo-accounts.ts';

describe('README', () => {
  it('lists exactly the demo accounts the loader creates, with their password', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
    const block = /<!-- demo-accounts:start -->\n([\s\S]*)\n<!-- demo-accounts:end -->/.exec(readme)?.[1];
    expect(block?.trim()).toBe(demoAccountsMarkdown().trim());
    expect(readme).toContain(`\`${DEMO_PASSWORD}\``);
  });
});
