import { createHash } from 'node:crypto';
import { randomToken, type KeyringOptions } from '@rapport/kit';

/**
 * Key material (pure apart from randomness). Private keys are 256-bit random tokens, so a plain SHA-256 is
 * the right lookup hash (a slow hash adds latency and no security for high-entropy secrets). The copy kept
 * for "Show" is sealed with kit's AES-256-GCM (`seal`/`open`) under the keyring's current key.
 */

/** Purpose the sealing key is derived for; part of the derivation, so it must never change. */
export const API_KEY_SEALING_PURPOSE = 'rapport-sms-api-keys';
/** The generated key lives under this settings row (named before the keyring moved to kit). */
export const API_KEY_KEYRING: KeyringOptions = { settingsKey: 'api_key_encryption_key' };

export function generateKeyPair(): { publicKey: string; privateKey: string } {
  return { publicKey: `pk_${randomToken(24)}`, privateKey: `sk_${randomToken(32)}` };
}

export function hashPrivateKey(privateKey: string): string {
  return createHash('sha256').update(privateKey, 'utf8').digest('hex');
}
