/**
 * The merchant's Postscript private key at rest: only a sealed copy (kit `seal`, AES-256-GCM) with the id of
 * the key that sealed it, plus a masked hint for display. The sealing key is derived from RAPPORT_SECRET_KEY
 * when configured, else generated once into the `settings` table (kit keyring). The connector opens the copy
 * only when it calls the API.
 */
import { currentSealingKey, open, seal, sealingKeyById } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { PostscriptIntegrationsTable, ReviewsSchema } from '../../db/schema.js';

// Functions take `Kysely<ReviewsSchema>`: a `Db` (connection or transaction) widens to it without a cast.

/** Part of the key derivation: changing it would make every sealed key unreadable. */
export const POSTSCRIPT_KEY_PURPOSE = 'rapport-reviews-postscript-key';

export type SealedPostscriptKey = Pick<PostscriptIntegrationsTable, 'private_key_sealed' | 'sealing_key_id' | 'private_key_hint'>;

/** "sk_…wxyz": enough to recognise which key is saved, never enough to use it. */
export function maskKey(key: string): string {
  const prefix = key.startsWith('sk_') ? 'sk_' : '';
  const tail = key.length > prefix.length + 8 ? key.slice(-4) : '';
  return `${prefix}…${tail}`;
}

export async function sealPostscriptKey(
  db: Kysely<ReviewsSchema>,
  now: Date,
  privateKey: string,
  secretKey: string | undefined,
): Promise<SealedPostscriptKey> {
  const key = await currentSealingKey(db, now, secretKey, POSTSCRIPT_KEY_PURPOSE);
  return { private_key_sealed: seal(key.key, privateKey), sealing_key_id: key.id, private_key_hint: maskKey(privateKey) };
}

/** The saved key cannot be opened by this process: another RAPPORT_SECRET_KEY, or a damaged copy. */
export class PostscriptKeyUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostscriptKeyUnavailableError';
  }
}

export async function openPostscriptKey(
  db: Kysely<ReviewsSchema>,
  now: Date,
  row: Pick<PostscriptIntegrationsTable, 'private_key_sealed' | 'sealing_key_id'>,
  secretKey: string | undefined,
): Promise<string> {
  const key = await sealingKeyById(db, now, row.sealing_key_id, secretKey, POSTSCRIPT_KEY_PURPOSE);
  if (!key) {
    throw new PostscriptKeyUnavailableError(
      `the saved private key was sealed with a different RAPPORT_SECRET_KEY (${row.sealing_key_id}); configure that secret or save the key again`,
    );
  }
  try {
    return open(key.key, row.private_key_sealed);
  } catch (err) {
    throw new PostscriptKeyUnavailableError(
      `the saved private key could not be decrypted (${err instanceof Error ? err.message : String(err)}); save the key again`,
    );
  }
}
