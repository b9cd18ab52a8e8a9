import { buildApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { loadDemo } from './demo/load-demo.ts';
import { productionStartProblem } from './demo/production-guard.ts';
import { importOfficialUnits } from './modules/units/official-import.ts';
import { localBlobStore } from './platform/files/blob-store.ts';
import { s3BlobStore } from './platform/files/s3-blob-store.ts';
import { msg } from './shared/messages.ts';

/** Starts the product: migrate, load official units, start the modules (and load the demo province), serve HTTP. */
async function main() {
  const config = configFromEnv();
  const handle = await openDatabase(config.database);
  const applied = await migrate(handle.db);
  if (applied.length > 0) console.log(`migrations applied: ${applied.join(', ')}`);
  const problem = await productionStartProblem(handle.db, config);
  if (problem) {
    console.error(problem);
    await handle.close();
    process.exit(1);
  }
  const units = await handle.db.transaction().execute((trx) => importOfficialUnits(trx));
  if (units.units2019 + units.units2025 > 0) console.log('official units loaded', units);
  const app = await buildApp({
    db: handle.db,
    databaseKind: config.database.kind,
    secureCookies: config.secureCookies,
    loginRateLimit: config.loginRateLimit,
    demo: config.loadDemo,
    trustProxy: config.trustProxy,
    webDist: config.webDist,
    files: config.files.kind === 's3' ? s3BlobStore(config.files.s3) : localBlobStore(config.files.dir),
    logger: process.env.LOG === 'true',
  });
  // after the modules' start (reference data such as the legal calendar and rule sets the demo's cases count on)
  if (config.loadDemo) {
    const demo = await loadDemo(handle.db);
    if (demo.loaded) console.log(`demo province loaded: ${demo.summary}`);
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing`);
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // e.g. the port is taken: close the database cleanly before giving up
    await app.close();
    await handle.close();
    throw error;
  }
  console.log(`${msg('app.name')}: http://localhost:${config.port} (database: ${config.database.kind})`);
}

await main();
