import { targetFromEnv, openDatabase } from './database.ts';
import { migrate } from './migrate.ts';
import { importOfficialUnits } from '../modules/units/official-import.ts';

/** `npm run db:migrate`: apply pending migrations and load the official units, then exit. */
const handle = await openDatabase(targetFromEnv());
try {
  const applied = await migrate(handle.db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema up to date');
  console.log('official units', await handle.db.transaction().execute((trx) => importOfficialUnits(trx)));
} finally {
  await handle.close();
}
