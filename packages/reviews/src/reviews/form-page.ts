/**
 * The review form at the review URL (`/r/{token}`): one form per product of the order, each with a 1–5
 * star rating, an optional title, the review, "would you recommend", and an optional name. Accessible
 * without script: every control has a label, radio groups have a legend, and errors are announced
 * (role="alert") and tied to their fields (aria-describedby, aria-invalid).
 */
import type { ReviewRequestProductsTable } from '../db/schema.js';
import { escapeHtml, page } from './html.js';
import { MAX_BODY, MAX_NAME, MAX_TITLE, type FieldError } from './submission.js';

export interface FormPageInput {
  storeName: string;
  orderName: string;
  token: string;
  products: ReviewRequestProductsTable[];
  /** Errors and the values typed, for the product whose submission failed. */
  failed?: { productId: string; errors: FieldError[]; values: Record<string, string> };
}

const anchor = (productId: string): string => `product-${productId.replace(/[^A-Za-z0-9_-]/g, '')}`;

function fieldError(id: string, errors: FieldError[], field: FieldError['field']): { attrs: string; html: string } {
  const error = errors.find((e) => e.field === field);
  if (!error) return { attrs: '', html: '' };
  return {
    attrs: ` aria-invalid="true" aria-describedby="${id}-error"`,
    html: `<p class="error" id="${id}-error">${escapeHtml(error.message)}</p>`,
  };
}

function productForm(token: string, product: ReviewRequestProductsTable, failed: FormPageInput['failed']): string {
  const id = anchor(product.shopify_product_id);
  const heading = `<h2 id="${id}-title">${escapeHtml(product.product_title)}${product.variant_title ? ` <small>${escapeHtml(product.variant_title)}</small>` : ''}</h2>`;
  if (product.review_id) {
    return `<section id="${id}" aria-labelledby="${id}-title">${heading}<p class="done">✓ You reviewed this product. Thank you!</p></section>`;
  }
  const mine = failed && failed.productId === product.shopify_product_id ? failed : undefined;
  const errors = mine?.errors ?? [];
  const values = mine?.values ?? {};
  const rating = fieldError(`${id}-rating`, errors, 'rating');
  const title = fieldError(`${id}-title-input`, errors, 'title');
  const body = fieldError(`${id}-body`, errors, 'body');
  const recommend = fieldError(`${id}-recommend`, errors, 'recommend');
  const name = fieldError(`${id}-name`, errors, 'name');
  const stars = [5, 4, 3, 2, 1]
    .map((n) => {
      const checked = values['rating'] === String(n) ? ' checked' : '';
      return `<span><input type="radio" id="${id}-rating-${n}" name="rating" value="${n}" required${checked}><label for="${id}-rating-${n}">${n} star${n === 1 ? '' : 's'}</label></span>`;
    })
    .join('\n      ');
  const choice = (value: 'yes' | 'no', label: string) =>
    `<span><input type="radio" id="${id}-recommend-${value}" name="recommend" value="${value}" required${values['recommend'] === value ? ' checked' : ''}><label for="${id}-recommend-${value}">${label}</label></span>`;
  return `<section id="${id}" aria-labelledby="${id}-title">
  ${heading}
  <form method="post" action="/r/${encodeURIComponent(token)}#${id}">
    <input type="hidden" name="product_id" value="${escapeHtml(product.shopify_product_id)}">
    <fieldset${rating.attrs}>
      <legend>Your rating <span class="optional">(required)</span></legend>
      <div class="stars">
      ${stars}
      </div>
      ${rating.html}
    </fieldset>
    <label class="field" for="${id}-title-input">Review title <span class="optional">(optional)</span></label>
    <input type="text" id="${id}-title-input" name="title" maxlength="${MAX_TITLE}" value="${escapeHtml(values['title'])}"${title.attrs}>
    ${title.html}
    <label class="field" for="${id}-body">Your review <span class="optional">(required)</span></label>
    <textarea id="${id}-body" name="body" required maxlength="${MAX_BODY}"${body.attrs}>${escapeHtml(values['body'])}</textarea>
    ${body.html}
    <fieldset${recommend.attrs}>
      <legend>Would you recommend this product? <span class="optional">(required)</span></legend>
      <div class="choice">${choice('yes', 'Yes')} ${choice('no', 'No')}</div>
      ${recommend.html}
    </fieldset>
    <label class="field" for="${id}-name">Your name <span class="optional">(optional; shown as first name and initial)</span></label>
    <input type="text" id="${id}-name" name="name" maxlength="${MAX_NAME}" autocomplete="name" value="${escapeHtml(values['name'])}"${name.attrs}>
    ${name.html}
    <button type="submit">Submit review</button>
  </form>
</section>`;
}

export function renderReviewForm(input: FormPageInput): string {
  const summary =
    input.failed && input.failed.errors.length > 0
      ? `<div class="alert" role="alert"><p>Please fix the following and submit again:</p><ul>${input.failed.errors
          .map((e) => `<li>${escapeHtml(e.message)}</li>`)
          .join('')}</ul></div>`
      : '';
  const forms = input.products.map((p) => productForm(input.token, p, input.failed)).join('\n');
  return page(
    `Review your order ${input.orderName} — ${input.storeName}`,
    `<h1>How was your order ${escapeHtml(input.orderName)}?</h1>
<p>Thanks for shopping with ${escapeHtml(input.storeName)}. Your review helps other shoppers — it takes a minute.</p>
${summary}
${forms}`,
  );
}

export function renderThankYou(input: {
  storeName: string;
  productTitle: string;
  token: string;
  remaining: ReviewRequestProductsTable[];
}): string {
  const more =
    input.remaining.length > 0
      ? `<p>You can also review:</p><ul>${input.remaining
          .map(
            (p) =>
              `<li><a href="/r/${encodeURIComponent(input.token)}?product=${encodeURIComponent(p.shopify_product_id)}">${escapeHtml(p.product_title)}</a></li>`,
          )
          .join('')}</ul>`
      : '';
  return page(
    `Thank you — ${input.storeName}`,
    `<h1>Thank you for your review!</h1>
<p role="status">Your review of ${escapeHtml(input.productTitle)} has been received.</p>
${more}`,
  );
}

export function renderAlreadyReviewed(input: { storeName: string; productTitle: string }): string {
  return page(
    `Already reviewed — ${input.storeName}`,
    `<h1>You have already reviewed this product</h1>
<p role="status">We already have your review of ${escapeHtml(input.productTitle)} — thank you! Each product can be reviewed once per order.</p>`,
  );
}

export function renderNotFound(): string {
  return page(
    'Review link not found',
    `<h1>We couldn’t find this review link</h1>
<p>The link may be mistyped or incomplete. Please open it again from the message you received.</p>`,
  );
}

export function renderInactive(storeName: string): string {
  return page(
    `Review request closed — ${storeName}`,
    `<h1>This review request is no longer active</h1>
<p>The order was cancelled or refunded, so there is nothing to review. Thank you for shopping with ${escapeHtml(storeName)}.</p>`,
  );
}

export function renderBadRequest(errors: FieldError[]): string {
  return page(
    'Review not submitted',
    `<h1>Your review could not be submitted</h1>
<div class="alert" role="alert"><ul>${errors.map((e) => `<li>${escapeHtml(e.message)}</li>`).join('')}</ul></div>`,
  );
}
