import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Sealing secrets at rest (pure apart from randomness): AES-256-GCM with a random 96-bit IV per value, the
 * auth tag checked on open, so a tampered value or the wrong key throws instead of yielding garbage.
 * Format: `v1.` + base64url(iv ‖ tag ‖ ciphertext).
 */

/**
 * A 32-byte AES key from any configured secret string, separated by purpose so one secret yields a
 * different key per use: SHA-256 of `${purpose}:${secret}`. Never change this derivation — values sealed
 * under it (e.g. the SMS platform's 'rapport-sms-api-keys') must keep opening.
 */
export function deriveKey(secret: string, purpose: string): Buffer {
  return createHash('sha256').update(`${purpose}:${secret}`, 'utf8').digest();
}

/** Identifies a key without revealing it (stored beside each sealed value). */
export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function seal(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
}

/** The plaintext of a sealed value; throws if the value was altered or sealed with another key. */
export function open(key: Buffer, sealed: string): string {
  if (!sealed.startsWith('v1.')) throw new Error('unknown sealed-value format');
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  if (raw.length < 28) throw new Error('sealed value is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
