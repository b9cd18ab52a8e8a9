import { parseArgs } from 'node:util';
import { configFromEnv } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { createSystemAdministrator } from './modules/auth/first-admin.service.ts';
import { AppError } from './shared/errors.ts';

/**
 * `npm run admin:create -- --username <name> [--full-name "<name>"]`: creates a system administrator on the
 * configured database (DATA_DIR or DATABASE_URL) and prints a one-time password, once. With PGlite, stop the
 * server first (the data folder is locked while it runs).
 */
const { values } = parseArgs({ options: { username: { type: 'string' }, 'full-name': { type: 'string' } } });
if (!values.username) {
  console.error('usage: npm run admin:create -- --username <name> [--full-name "<full name>"]');
  process.exit(2);
}
const handle = await openDatabase(configFromEnv().database);
try {
  await migrate(handle.db);
  const admin = await createSystemAdministrator(handle.db, { username: values.username, fullName: values['full-name'] });
  console.log(`System administrator "${admin.username}" created.`);
  console.log(`One-time password (shown only now; it must be changed at first login): ${admin.password}`);
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await handle.close();
}
