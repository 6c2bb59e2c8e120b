/**
 * Shopify identifies a shop in every webhook by its permanent `*.myshopify.com` domain
 * (`X-Shopify-Shop-Domain`), never by a custom storefront domain, so that is the only form a store may
 * be registered under: anything else could never receive a webhook. Pasted URLs are accepted and reduced
 * to the host ("https://Acme.myshopify.com/admin" → "acme.myshopify.com").
 */
const MYSHOPIFY = /^[a-z0-9][a-z0-9-]{0,62}\.myshopify\.com$/;

export type ShopDomainResult = { ok: true; domain: string } | { ok: false; message: string };

export function normalizeShopDomain(input: string): ShopDomainResult {
  let host = input.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  host = host.split(/[/?#]/, 1)[0] ?? '';
  host = host.replace(/\.$/, '');
  if (host === '') return { ok: false, message: 'shop_domain is empty' };
  if (!MYSHOPIFY.test(host)) {
    return {
      ok: false,
      message: `shop_domain must be the shop's permanent myshopify.com domain (e.g. "acme.myshopify.com"), got "${input.trim()}"`,
    };
  }
  return { ok: true, domain: host };
}
