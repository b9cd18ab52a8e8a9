import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkPack, packCounts } from './pack-check.ts';
import { PACKS_DIR } from './pack-store.ts';

/**
 * `npm run packs:validate [FILE...]`: checks programme packs (the shipped ones when no file is named) against the
 * pack schema and their internal references; prints the problems by field and exits 1 on any.
 */
const files = process.argv.slice(2);
const paths = files.length > 0 ? files : readdirSync(PACKS_DIR).filter((name) => name.endsWith('.json')).sort().map((name) => fileURLToPath(new URL(name, PACKS_DIR)));
let failed = 0;
for (const path of paths) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.log(`✗ ${path}: not readable JSON (${(error as Error).message})`);
    failed++;
    continue;
  }
  const { pack, problems } = checkPack(raw);
  if (pack) {
    const counts = packCounts(pack);
    console.log(`✓ ${path}: ${pack.code} v${pack.version}, ${counts.targets} targets, ${counts.groups} groups, ${counts.tasks} tasks, ${counts.assignments} assignments, ${counts.reviews} reviews, ${counts.budgetLines} budget lines`);
  } else {
    failed++;
    console.log(`✗ ${path}`);
    for (const problem of problems) console.log(`  ${problem.field || '(pack)'}: ${problem.message}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
