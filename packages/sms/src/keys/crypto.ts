import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { randomToken } from '@rapport/kit';

/**
 * Key material (pure apart from randomness). Private keys are 256-bit random tokens, so a plain SHA-256 is
 * the right lookup hash (a slow hash adds latency and no security for high-entropy secrets). The copy kept
 * for "Show" is sealed with AES-256-GCM: a random 96-bit IV per key, the auth tag checked on open.
 */

export function generateKeyPair(): { publicKey: string; privateKey: string } {
  return { publicKey: `pk_${randomToken(24)}`, privateKey: `sk_${randomToken(32)}` };
}

export function hashPrivateKey(privateKey: string): string {
  return createHash('sha256').update(privateKey, 'utf8').digest('hex');
}

/** A 32-byte AES key from any configured secret string. */
export function deriveKey(secret: string): Buffer {
  return createHash('sha256').update(`rapport-sms-api-keys:${secret}`, 'utf8').digest();
}

/** Identifies an encryption key without revealing it (stored beside each sealed copy). */
export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function seal(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
}

export function open(key: Buffer, sealed: string): string {
  if (!sealed.startsWith('v1.')) throw new Error('unknown sealed-key format');
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
