/**
 * Reads a review form submission (form-encoded or JSON) into a checked value, or a list of problems each
 * naming its field. Pure, so the storefront can re-render the form with the messages next to the fields.
 */
export const MAX_TITLE = 150;
export const MAX_BODY = 5000;
export const MAX_NAME = 100;

export interface ReviewSubmission {
  productId: string;
  rating: number;
  title: string | null;
  body: string;
  recommend: boolean;
  name: string | null;
}

export interface FieldError {
  field: 'product_id' | 'rating' | 'title' | 'body' | 'recommend' | 'name' | 'body_format';
  message: string;
}

export type ParsedSubmission = { ok: true; value: ReviewSubmission } | { ok: false; errors: FieldError[] };

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length > 0) return str(value[value.length - 1]);
  return undefined;
}

/** `productIds`: the request's products; with exactly one, `product_id` may be left out. */
export function parseReviewSubmission(input: unknown, productIds: string[]): ParsedSubmission {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: 'body_format', message: 'the submission must be a form or a JSON object' }] };
  }
  const body = input as Record<string, unknown>;
  const errors: FieldError[] = [];

  let productId = str(body['product_id'])?.trim() ?? '';
  if (productId === '' && productIds.length === 1) productId = productIds[0] as string;
  if (productId === '') errors.push({ field: 'product_id', message: 'product_id is required: which product is this review for?' });
  else if (!productIds.includes(productId))
    errors.push({ field: 'product_id', message: `product_id ${productId} is not a product of this order` });

  const ratingText = str(body['rating'])?.trim() ?? '';
  const rating = Number(ratingText);
  if (ratingText === '') errors.push({ field: 'rating', message: 'rating is required: choose 1 to 5 stars' });
  else if (!Number.isInteger(rating) || rating < 1 || rating > 5)
    errors.push({ field: 'rating', message: `rating must be a whole number from 1 to 5, got "${ratingText}"` });

  const title = str(body['title'])?.trim() ?? '';
  if (title.length > MAX_TITLE) errors.push({ field: 'title', message: `title must be at most ${MAX_TITLE} characters` });

  const text = str(body['body'])?.trim() ?? '';
  if (text === '') errors.push({ field: 'body', message: 'body is required: tell other shoppers about the product' });
  else if (text.length > MAX_BODY) errors.push({ field: 'body', message: `body must be at most ${MAX_BODY} characters` });

  const recommendText = str(body['recommend'])?.trim().toLowerCase() ?? '';
  let recommend = false;
  if (recommendText === 'yes' || recommendText === 'true') recommend = true;
  else if (recommendText === 'no' || recommendText === 'false') recommend = false;
  else if (recommendText === '')
    errors.push({ field: 'recommend', message: 'recommend is required: would you recommend this product (yes or no)?' });
  else errors.push({ field: 'recommend', message: `recommend must be "yes" or "no", got "${recommendText}"` });

  const name = str(body['name'])?.trim() ?? '';
  if (name.length > MAX_NAME) errors.push({ field: 'name', message: `name must be at most ${MAX_NAME} characters` });

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { productId, rating, title: title || null, body: text, recommend, name: name || null } };
}
