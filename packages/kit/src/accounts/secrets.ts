import { createHash, randomBytes } from 'node:crypto';

/** A secret for a cookie or a link: 32 random bytes, URL-safe. Only its digest is stored. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What the database keeps of a secret (sessions.id, account_tokens.id). */
export const digestOf = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');
