/**
 * The picture behind "Image Url" when the merchant has not given a product image (Shopify's order
 * payloads carry none): an SVG card with the product's name, so the URL always resolves to an image.
 */
import { escapeHtml } from '../reviews/html.js';

export function productPlaceholderSvg(title: string): string {
  const words = title.trim().split(/\s+/).filter(Boolean);
  const initials =
    words
      .slice(0, 2)
      .map((w) => w.charAt(0).toUpperCase())
      .join('') || '?';
  const label = title.length > 28 ? `${title.slice(0, 27)}…` : title;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" aria-label="${escapeHtml(title)}">
<rect width="400" height="400" fill="#ecebe6"/>
<text x="200" y="215" font-family="system-ui, sans-serif" font-size="120" font-weight="700" fill="#8a877c" text-anchor="middle">${escapeHtml(initials)}</text>
<text x="200" y="320" font-family="system-ui, sans-serif" font-size="24" fill="#5c5a52" text-anchor="middle">${escapeHtml(label)}</text>
</svg>`;
}
