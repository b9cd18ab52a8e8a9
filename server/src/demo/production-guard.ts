import type { Database } from '#server/db/database.ts';
import { verifyPassword } from '#server/modules/auth/password.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { findAccountHashes } from './demo.repository.ts';

/** Demo accounts present in the database that still open with the password published in the README. */
export async function demoAccountsWithPublishedPassword(db: Database): Promise<string[]> {
  const rows = await findAccountHashes(db, DEMO_ACCOUNTS.map((account) => account.username));
  const open: string[] = [];
  for (const row of rows) if (await verifyPassword(row.password_hash, DEMO_PASSWORD)) open.push(row.username);
  return open.sort();
}

/**
 * Why a production start (NODE_ENV=production) must not go on, with how to fix it; null when it may. Anyone who
 * read the README could sign in as a demo account, the system administrator among them.
 */
export async function productionStartProblem(db: Database, config: { production: boolean; loadDemo: boolean }): Promise<string | null> {
  if (!config.production) return null;
  if (config.loadDemo) {
    return 'Refusing to start: DEMO=true with NODE_ENV=production. Unset DEMO (or set DEMO=false) for a real deployment.';
  }
  const open = await demoAccountsWithPublishedPassword(db);
  if (open.length === 0) return null;
  return (
    `Refusing to start: NODE_ENV=production but this database holds demo accounts with the published password ` +
    `(${open.join(', ')}). Start a real deployment on a new database (another DATA_DIR, or DATABASE_URL) with ` +
    'DEMO=false, then create its administrator with `npm run admin:create -- --username <name>`.'
  );
}
