import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { petitionIdentityKeyFromEnv } from '#server/config.ts';
import { foldVi } from '#server/shared/vn-text.ts';

/**
 * Application-level encryption of denouncers' identities (Luật Tố cáo 2018: the denouncer's identity is kept
 * secret): AES-256-GCM with a key from configuration, so a database dump alone does not reveal who denounced.
 * Matching (duplicates) uses HMAC-SHA256 keys derived from the same key, never the plaintext.
 */

/** What is encrypted: the identity fields of one person. */
export interface ProtectedIdentity {
  fullName: string;
  birthYear: number | null;
  gender: 'male' | 'female' | 'other' | null;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

interface Keys {
  id: string;
  encryption: Buffer;
  matching: Buffer;
  derived: boolean;
  production: boolean;
}

let keys: Keys | undefined;

function loadKeys(): Keys {
  if (keys) return keys;
  const { key, derived, production } = petitionIdentityKeyFromEnv();
  keys = {
    // names the key a row was written with (rotation: rows of an older key are re-encrypted by id)
    id: createHash('sha256').update(key).digest('hex').slice(0, 8),
    encryption: Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'petition identity encryption', 32)),
    matching: Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'petition identity matching', 32)),
    derived,
    production,
  };
  return keys;
}

/** Refuses to run a production server with the development key (called from the module's start). */
export function checkIdentityKey(): void {
  const k = loadKeys();
  if (k.derived && k.production) throw new Error('PETITION_IDENTITY_KEY is required in production (32 bytes, hex or base64)');
}

/** `{ cipher, keyId }`: base64 of iv (12 bytes) | tag (16) | ciphertext of the identity's JSON. */
export function encryptIdentity(identity: ProtectedIdentity, context: string): { cipher: string; keyId: string } {
  const k = loadKeys();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', k.encryption, iv);
  // the row's id as associated data: a cipher copied onto another row does not decrypt
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(identity), 'utf8'), cipher.final()]);
  return { cipher: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'), keyId: k.id };
}

export function decryptIdentity(text: string, context: string): ProtectedIdentity {
  const k = loadKeys();
  const raw = Buffer.from(text, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', k.encryption, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(raw.subarray(12, 28));
  const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  return JSON.parse(plain) as ProtectedIdentity;
}

/** HMAC of a folded value (name, phone, id number): equal inputs match without the value being stored. */
export function matchingKey(value: string): string {
  return createHmac('sha256', loadKeys().matching).update(foldVi(value).replace(/\s+/g, '')).digest('hex');
}
