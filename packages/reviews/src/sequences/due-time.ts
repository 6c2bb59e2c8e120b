/**
 * When a review request goes out: the sequence's Wait block, "N days after item fulfilment or delivery".
 *
 * Delivery anchor fallback: many carriers never report delivery to Shopify, so a request anchored on
 * delivery would otherwise wait forever. Until delivery is known the request is due
 * `DELIVERY_FALLBACK_DAYS` after the fulfilment-based time (fulfilled + N + 14 days); when delivery is
 * reported later, the request moves to delivered + N (which may be sooner or later than the fallback).
 * 14 days is Loox's default fulfilment-to-request delay and covers typical domestic transit.
 */
import { DAY_MS } from '@rapport/kit';
import type { DueBasis, SequenceAnchor } from '../db/schema.js';

export const DELIVERY_FALLBACK_DAYS = 14;

export interface DueTime {
  dueAt: Date;
  basis: DueBasis;
}

export function computeDueAt(
  sequence: { anchor: SequenceAnchor; waitDays: number },
  timeline: { fulfilledAt: Date; deliveredAt: Date | null },
): DueTime {
  const wait = sequence.waitDays * DAY_MS;
  if (sequence.anchor === 'fulfillment') return { dueAt: new Date(timeline.fulfilledAt.getTime() + wait), basis: 'fulfillment' };
  if (timeline.deliveredAt) return { dueAt: new Date(timeline.deliveredAt.getTime() + wait), basis: 'delivery' };
  return {
    dueAt: new Date(timeline.fulfilledAt.getTime() + wait + DELIVERY_FALLBACK_DAYS * DAY_MS),
    basis: 'delivery_fallback',
  };
}
