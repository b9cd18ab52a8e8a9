import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Installed version of an npm package (found by walking up from its entry point: not every package exports package.json). */
export function packageVersion(name: string): string {
  let dir = dirname(require.resolve(name));
  for (let i = 0; i < 6; i++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === name && parsed.version) return parsed.version;
    }
    dir = dirname(dir);
  }
  return '?';
}

/** What the figures were measured on. */
export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  engine: string;
}

/** Describes this machine; `engine` is the database line from the benchmark database. */
export function describeMachine(engine: string): Machine {
  const list = cpus();
  return {
    cpu: (list[0]?.model ?? 'unknown CPU').trim(),
    cores: list.length,
    ramGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    engine,
  };
}

/** One line: "AMD EPYC, 2 cores, 23 GiB RAM, Node v20.20.2, PGlite 0.5.16 (…)". */
export function machineLine(machine: Machine): string {
  return `${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}, ${machine.engine}`;
}

/** Library versions that matter to the figures. */
export function stackLine(): string {
  return ['fastify', 'kysely', '@electric-sql/pglite', 'pg'].map((name) => `${name} ${packageVersion(name)}`).join(', ');
}
