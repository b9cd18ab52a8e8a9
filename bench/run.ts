/**
 * `npm run bench`: runs every bench/*.bench.ts against the seeded database (see seed.ts), prints the tables and
 * rewrites this engine's section of bench/RESULTS.md (the other engine's section is kept).
 *   BENCH_ONLY=subtree  run only the benchmarks whose file name contains this; their results go to a block of
 *                       their own after the engine's section ("## PostgreSQL: subtree"), which a full run removes
 *   BENCH_RESULTS=path  write elsewhere (default bench/RESULTS.md)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { migrate } from '#server/db/migrate.ts';
import { importOfficialUnits } from '#server/modules/units/official-import.ts';
import { benchTarget, openBenchDatabase } from './db.ts';
import { describeMachine, machineLine, stackLine } from './machine.ts';
import { count, renderReport, renderSummary, type BenchModule, type BenchReport } from './report.ts';
import { seedCounts } from './seed.repository.ts';

const RESULTS = process.env.BENCH_RESULTS ?? join(import.meta.dirname, 'RESULTS.md');

const HEADER = `# Benchmark results

Written by \`npm run bench\` (bench/run.ts) on the data set of \`npm run bench:seed\`; each engine's section is
replaced when the benchmarks run on that engine. How to run: [README.md](README.md).

How to read the ratios: every figure is compared with a baseline measured in the same run on the same machine.
"median vs raw" is repository time ÷ time of the same SQL sent to the driver directly (1.00× = the repository
layer adds nothing; above 1 is its overhead). "req/s vs bare" is the app's requests per second ÷ a bare
\`node:http\` server's (1.00× = as fast as a server doing nothing but writing the payload).
`;

async function loadBenchmarks(only: string | undefined): Promise<BenchModule[]> {
  const files = readdirSync(import.meta.dirname).filter((file) => file.endsWith('.bench.ts') && (!only || file.includes(only)));
  const modules = await Promise.all(
    files.map(async (file) => (await import(pathToFileURL(join(import.meta.dirname, file)).href)) as { default: BenchModule }),
  );
  return modules.map((module) => module.default).sort((a, b) => a.order - b.order);
}

const markers = (kind: string) => ({ start: `<!-- results:${kind} -->`, end: `<!-- /results:${kind} -->` });

/**
 * Replaces the block between `<!-- results:kind -->` markers, or adds it: a partial block (`engine:only`) after
 * its engine's block, anything else at the end. A full run of an engine removes that engine's partial blocks.
 */
function updateResults(kind: string, section: string): void {
  const { start, end } = markers(kind);
  const block = `${start}\n${section.trim()}\n${end}`;
  let text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : HEADER;
  const header = text.indexOf('<!-- results:');
  text = HEADER + (header >= 0 ? `\n${text.slice(header)}` : '');
  if (!kind.includes(':')) {
    const partial = new RegExp(`\\n*<!-- results:${kind}:([\\w-]+) -->[\\s\\S]*?<!-- /results:${kind}:\\1 -->`, 'g');
    text = text.replace(partial, '');
  }
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const engineEnd = markers(kind.split(':')[0] as string).end;
  if (from >= 0 && to > from) text = text.slice(0, from) + block + text.slice(to + end.length);
  else if (kind.includes(':') && text.includes(engineEnd)) {
    const at = text.indexOf(engineEnd) + engineEnd.length;
    text = `${text.slice(0, at)}\n\n${block}${text.slice(at)}`;
  } else text = `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS, `${text.trimEnd()}\n`);
}

async function main(): Promise<void> {
  const target = benchTarget();
  const bench = await openBenchDatabase(target);
  try {
    // benchmark the current schema: apply migrations added since the data set was seeded
    const applied = await migrate(bench.handle.db);
    if (applied.length > 0) console.log(`migrations applied: ${applied.join(', ')}`);
    // and the unit data added since (common names, dated changes): idempotent
    await bench.handle.db.transaction().execute((trx) => importOfficialUnits(trx));
    const data = await seedCounts(bench.handle.db);
    if (data.villages === 0) throw new Error('no villages in the benchmark database: run `npm run bench:seed` first');
    const machine = describeMachine(bench.engine);
    const today = new Date().toLocaleDateString('sv-SE');
    const lines = [
      `Date: ${today}`,
      `Machine: ${machineLine(machine)}`,
      `Stack: ${stackLine()}`,
      `Data: ${count(data.units)} official units, ${count(data.villages)} villages, ${count(data.teams)} village teams, ` +
        `${count(data.people)} people, ${count(data.roles)} roles`,
    ];
    console.log(lines.join('\n'));
    const reports: BenchReport[] = [];
    for (const module of await loadBenchmarks(process.env.BENCH_ONLY)) {
      const report = await module.run({ bench, machine, today });
      console.log(`\n${renderReport(report)}`);
      reports.push(report);
    }
    const only = process.env.BENCH_ONLY;
    const title = `${target.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}${only ? `: ${only}` : ''}`;
    const section = [`## ${title}`, '', ...lines.map((line) => `${line}  `), '', renderSummary(reports), '', ...reports.map((r) => `${renderReport(r)}\n`)];
    updateResults(only ? `${target.kind}:${only.replace(/[^\w-]/g, '')}` : target.kind, section.join('\n'));
    console.log(`\n${renderSummary(reports)}\n\nwritten: ${RESULTS}`);
  } finally {
    await bench.close();
  }
}

await main();
