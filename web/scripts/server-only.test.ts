import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { exportNames, serverOnlyModule } from './server-only.ts';

const zodRoot = dirname(createRequire(import.meta.url).resolve('zod/package.json'));
const zodFile = (name: string) => readFileSync(join(zodRoot, 'v4', 'core', name), 'utf8');

describe('zod JSON Schema left out of the web bundle', () => {
  it('reads every export of the generator modules, aliases included', () => {
    const toJsonSchema = exportNames(zodFile('to-json-schema.js'));
    expect(toJsonSchema).toEqual(expect.arrayContaining(['createToJSONSchemaMethod', 'createStandardJSONSchemaMethod', 'processSchema', 'process', 'finalize']));
    expect(exportNames(zodFile('json-schema-processors.js'))).toEqual(expect.arrayContaining(['toJSONSchema', 'stringProcessor', 'objectProcessor', 'allProcessors']));
    expect(exportNames('export { a as b, c };\nexport function d() {}\nexport const e = 1;\nexport class F {}')).toEqual(['d', 'e', 'F', 'b', 'c']);
    expect(() => exportNames("export * from './x.js';")).toThrow('re-exports');
  });

  it('the replacement keeps the names; using one fails loudly, the method factories only when the method is called', async () => {
    const source = serverOnlyModule(['toJSONSchema', 'createToJSONSchemaMethod'], 'zod/v4/core/to-json-schema.js');
    const module = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as Record<string, (...args: unknown[]) => unknown>;
    expect(() => module.toJSONSchema?.({})).toThrow('zod/v4/core/to-json-schema.js is server-only');
    const method = module.createToJSONSchemaMethod?.({}) as () => unknown;
    expect(() => method()).toThrow('server-only');
  });
});
