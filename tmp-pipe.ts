import { readFileSync } from 'node:fs';
import { readXlsForm } from './server/src/modules/surveys/xlsform/read.ts';
import { checkAgainst } from './server/src/modules/surveys/responses/response-store.ts';
import { TallyBatch, storedCells } from './server/src/modules/surveys/responses/tally.ts';
import { copyField } from './server/src/db/copy.ts';
import { uuidv7 } from './server/src/shared/uuidv7.ts';
const rd = await readXlsForm(readFileSync('resources/surveys/seed-001/phieu-khao-sat-2018.xlsx'));
if (!rd.ok) throw 1;
const form = rd.form;
const seed = JSON.parse(readFileSync('resources/surveys/seed-001/responses.json', 'utf8')) as { answers: Record<string, unknown> }[];
const N = 40000;
const middle = '\t1\t2\t1\t';
const tail = '\t\\N\t\\N\t\\N\t2026-01-01T00:00:00.000Z\t2026-01-01T00:00:00.000Z\n';
function run(part: string) {
  const tally = new TallyBatch();
  let chunk = Buffer.allocUnsafe(256 * 1024);
  let at = 0;
  const t0 = performance.now();
  let tc = 0, tt = 0, tl = 0;
  for (let i = 0; i < N; i++) {
    const a = performance.now();
    const item = { id: uuidv7(), versionNumber: 1, unitId: i % 30, respondentGroup: i % 3 ? 'cadre' : 'citizen', answers: seed[i % seed.length]!.answers };
    const r = checkAgainst(form, item.answers, '2026-03-02');
    if ('field' in r) throw new Error(r.message);
    const b = performance.now();
    if (part !== 'check') tally.add(form, { unitId: item.unitId, group: item.respondentGroup, answers: r.answers, cells: r.cells }, 1, []);
    const c = performance.now();
    if (part === 'all') {
      const text = `${item.id}${middle}${item.unitId}\t${copyField(item.respondentGroup)}\timport\taccepted\t${copyField(JSON.stringify(r.answers))}\t${copyField(JSON.stringify(storedCells(r.cells)))}\t2026-01-01T00:00:00.000Z${tail}`;
      if (at + text.length * 3 > chunk.length) { chunk = Buffer.allocUnsafe(256 * 1024); at = 0; }
      at += chunk.write(text, at);
    }
    const d = performance.now();
    tc += b - a; tt += c - b; tl += d - c;
  }
  const total = performance.now() - t0;
  return { total: (total * 1000) / N, check: (tc * 1000) / N, tally: (tt * 1000) / N, line: (tl * 1000) / N };
}
for (let k = 0; k < 6; k++) {
  const r = run('all');
  console.log(Object.entries(r).map(([k, v]) => `${k} ${v.toFixed(1)}`).join('  '), 'µs/resp');
}
