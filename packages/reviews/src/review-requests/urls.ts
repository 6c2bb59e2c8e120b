/** Shopper-facing URLs. The token is opaque and random; it alone identifies the request (and verifies the buyer). */
const base = (publicUrl: string): string => publicUrl.replace(/\/+$/, '');

/** The request's review page: a form for every product of the order. `productId` narrows it to one product. */
export function reviewUrl(publicUrl: string, token: string, productId?: string): string {
  const url = `${base(publicUrl)}/r/${encodeURIComponent(token)}`;
  return productId ? `${url}?product=${encodeURIComponent(productId)}` : url;
}

/** Served by the storefront: the merchant's product image when known, else a generated picture of the name. */
export function productImageUrl(publicUrl: string, storeId: string, shopifyProductId: string): string {
  return `${base(publicUrl)}/storefront/${encodeURIComponent(storeId)}/products/${encodeURIComponent(shopifyProductId)}/image`;
}
