import { createHash } from 'node:crypto';
import { targetFromEnv, type DatabaseTarget } from './db/database.ts';
import { s3OptionsFromEnv, type S3Options } from './platform/files/s3-blob-store.ts';

/** Everything the process reads from its environment, read once at start. */
export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  /** Load the demo province when the database has no users; also shows the demo banner. Off by default in production. */
  loadDemo: boolean;
  /** NODE_ENV=production: the server refuses to start while demo accounts with the published password exist. */
  production: boolean;
  secureCookies: boolean;
  loginRateLimit: number;
  /** Behind a reverse proxy: trust X-Forwarded-For for the client address (rate limits, audit). */
  trustProxy: boolean;
  /** Built web app to serve at /, if present. */
  webDist: string;
  /** Attachments and uploaded imports: an S3-compatible bucket when FILES_S3_ENDPOINT is set, else this directory. */
  files: { kind: 's3'; s3: S3Options } | { kind: 'local'; dir: string };
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    database: targetFromEnv(env),
    loadDemo: env.DEMO === undefined ? env.NODE_ENV !== 'production' : env.DEMO !== 'false',
    production: env.NODE_ENV === 'production',
    secureCookies: env.SECURE_COOKIES === 'true',
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 20),
    trustProxy: env.TRUST_PROXY === 'true',
    webDist: env.WEB_DIST ?? 'dist/web',
    files: filesFromEnv(env),
  };
}

function filesFromEnv(env: NodeJS.ProcessEnv): Config['files'] {
  const s3 = s3OptionsFromEnv(env);
  return s3 ? { kind: 's3', s3 } : { kind: 'local', dir: `${env.DATA_DIR ?? './data'}/files` };
}

// --- pet-core ---
/**
 * The key that encrypts denouncers' identities (AES-256-GCM, modules/petitions/identity-crypto.ts):
 * PETITION_IDENTITY_KEY, 32 bytes as 64 hex digits or base64. Unset outside production: a development key derived
 * from a fixed label (not a secret: data encrypted with it is readable by anyone with the source), reported as
 * `derived` so production refuses to start without a real key.
 */
export function petitionIdentityKeyFromEnv(env: NodeJS.ProcessEnv = process.env): { key: Buffer; derived: boolean; production: boolean } {
  const production = env.NODE_ENV === 'production';
  const text = env.PETITION_IDENTITY_KEY?.trim();
  if (!text) return { key: createHash('sha256').update('dan-van-so development petition identity key').digest(), derived: true, production };
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('PETITION_IDENTITY_KEY must be 32 bytes (64 hex digits or base64)');
  return { key, derived: false, production };
}
