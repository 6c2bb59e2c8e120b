import { randomBytes } from 'node:crypto';

/** A short link's code: 48 random bits, 8 URL-safe characters (not guessable, so clicks are the recipient's). */
export const newLinkCode = (): string => randomBytes(6).toString('base64url');
