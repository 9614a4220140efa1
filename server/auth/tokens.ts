import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or a one-time link: 32 bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Only a hash of each secret is stored, so a copy of the database signs nobody in. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
