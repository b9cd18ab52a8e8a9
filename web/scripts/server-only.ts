/**
 * Vite plugin: keeps zod's JSON-Schema generator out of the browser bundle. zod 4's classic schemas import it
 * (for `.toJSONSchema()` and Standard Schema's `jsonSchema`), so tree-shaking cannot drop it, yet only the server
 * uses it (@fastify/swagger builds /api/openapi.json). In the browser build its modules become one function per
 * export that throws, named for the place to look; the shapes stay (a `create…Method` factory returns the
 * throwing method, as the classes call the factories only when a method is used).
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

const SERVER_ONLY = /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors|json-schema-generator)\.js$/;

/** Names a module exports: `export function|const|class name`, `export { a as b, c }`. */
export function exportNames(source: string): string[] {
  const declared = [...source.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([\w$]+)/gm)].map((m) => m[1] ?? '');
  const listed = [...source.matchAll(/^export\s*\{([^}]*)\}\s*;?\s*$/gm)].flatMap((m) =>
    (m[1] ?? '')
      .split(',')
      .map((part) => part.trim().split(/\s+as\s+/).pop() ?? '')
      .filter(Boolean),
  );
  if (/^export\s+(\*|default)/m.test(source)) throw new Error('server-only: re-exports and default exports are not handled');
  return [...new Set([...declared, ...listed])];
}

/** The module the browser gets instead: the same export names, each failing loudly if ever called. */
export function serverOnlyModule(names: readonly string[], file: string): string {
  const message = JSON.stringify(`${file} is server-only: left out of the web bundle (web/scripts/server-only.ts)`);
  return [
    `function serverOnly() { throw new Error(${message}); }`,
    ...names.map((name) => `export const ${name} = ${/^create.*Method$/.test(name) ? '() => serverOnly' : 'serverOnly'};`),
  ].join('\n');
}

export function zodJsonSchemaServerOnly(): Plugin {
  return {
    name: 'dvs-zod-json-schema-server-only',
    apply: 'build',
    enforce: 'pre',
    async load(id) {
      const match = SERVER_ONLY.exec(id);
      if (!match) return null;
      return serverOnlyModule(exportNames(await readFile(id, 'utf8')), `zod/v4/core/${match[1]}.js`);
    },
  };
}
