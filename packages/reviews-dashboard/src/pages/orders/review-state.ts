/** An order's review-request state in words (pure, tested in test/review-state.test.ts). */
import type { NotRecruitedReason, OrderReviewStatus } from '@rapport/reviews/schemas';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';

export function notRecruitedText(reason: NotRecruitedReason): string {
  switch (reason) {
    case 'cancelled':
      return 'the order was cancelled';
    case 'refunded':
      return 'the order was refunded';
    case 'not_paid':
      return 'not paid';
    case 'not_fulfilled':
      return 'not fully fulfilled';
    case 'no_contact':
      return 'no email or phone to reach the customer';
    case 'no_products':
      return 'no product that can be reviewed';
    case 'fulfilled_before_sequence_start':
      return 'fulfilled before the sequence started';
    case 'no_sequence_running':
      return 'no sequence running';
    case 'not_evaluated':
      return 'eligible; recruited at the order’s next update';
    default: {
      const never: never = reason;
      throw new Error(`unknown reason ${String(never)}`);
    }
  }
}

const CANCEL_REASONS: Record<string, string> = {
  cancelled: 'the order was cancelled',
  refunded: 'the order was refunded',
  sequence_stopped: 'the sequence was stopped',
};

/** The badge and the line beside it: "Scheduled" · "for 5 Mar 2026, 10:00", "Not recruited" · "not paid". */
export function reviewRequestSummary(status: OrderReviewStatus, timeZone: string): { label: string; color: string; detail: string } {
  switch (status.state) {
    case 'not_recruited':
      return { label: 'Not recruited', color: 'gray', detail: notRecruitedText(status.reason) };
    case 'scheduled':
      return { label: 'Scheduled', color: 'blue', detail: `for ${zonedTime(status.due_at, timeZone)}` };
    case 'sent':
      return { label: 'Sent', color: 'teal', detail: zonedTime(status.sent_at, timeZone) };
    case 'completed':
      return { label: 'Reviewed', color: 'green', detail: zonedTime(status.completed_at, timeZone) };
    case 'cancelled':
      return {
        label: 'Cancelled',
        color: 'red',
        detail: status.cancel_reason ? (CANCEL_REASONS[status.cancel_reason] ?? status.cancel_reason) : 'cancelled',
      };
    default: {
      const never: never = status;
      throw new Error(`unknown state ${JSON.stringify(never)}`);
    }
  }
}

/** The Orders screen's filter: every state, and "not recruited" split by nothing (the reason is on each row). */
export const REVIEW_STATE_FILTER = [
  { value: '', label: 'All' },
  { value: 'not_recruited', label: 'Not recruited' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'sent', label: 'Sent' },
  { value: 'completed', label: 'Reviewed' },
  { value: 'cancelled', label: 'Cancelled' },
] as const;

/** Shopify's fulfilment status, as a merchant reads it. */
export function fulfillmentText(
  order: { fulfillment_status: string | null; fulfilled_at: string | null; delivered_at: string | null },
  timeZone: string,
): string {
  if (order.delivered_at) return `Delivered ${zonedTime(order.delivered_at, timeZone)}`;
  if (order.fulfilled_at) return `Fulfilled ${zonedTime(order.fulfilled_at, timeZone)}`;
  if (order.fulfillment_status === 'partial') return 'Partially fulfilled';
  return 'Unfulfilled';
}

/** Shopify's financial status in words: "partially_refunded" → "Partially refunded". */
export function paymentText(financialStatus: string | null): string {
  if (!financialStatus) return '—';
  const words = financialStatus.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
