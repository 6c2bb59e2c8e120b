/**
 * The one "refunded" rule (pure). Okendo keeps "the order being cancelled or refunded" out of review
 * requests; any refund counts, partial ones too — Shopify's `financial_status` says so
 * (`refunded`, `partially_refunded`) or a `refunds/create` webhook recorded one (`refundedAt`).
 */
const REFUND_STATUSES = new Set(['refunded', 'partially_refunded']);

export const isRefundStatus = (financialStatus: string | null | undefined): boolean => REFUND_STATUSES.has(financialStatus ?? '');

export function isRefunded(o: { financialStatus: string | null; refundedAt: string | null }): boolean {
  return o.refundedAt !== null || isRefundStatus(o.financialStatus);
}
