import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (m=19 MiB, t=2), as OWASP recommends. */
export const hashPassword = (password: string) => hash(password);

/** Never throws on a malformed hash: a broken row must not become a 500 or a way in. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Letters and digits that cannot be misread when copied from a terminal (no 0/O, 1/l/I). */
const ONE_TIME_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random 16-character password with letters and digits (~92 bits), for an account's first login. */
export function generateOneTimePassword(): string {
  for (;;) {
    const password = Array.from({ length: 16 }, () => ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)]).join('');
    if (/[A-Za-z]/.test(password) && /\d/.test(password)) return password;
  }
}
