import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Shopify's webhook signature: `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the raw request body,
 * keyed with the shared secret. Checked on the bytes as received (before any JSON parsing, which could
 * reorder or re-encode them) and compared in constant time so the comparison leaks nothing about the secret.
 */
export function verifyShopifyHmac(secret: string, rawBody: Buffer, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signature.trim(), 'base64');
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}

export function signShopifyWebhook(secret: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}
