import { sortableId } from '@rapport/kit';
import type { Kysely } from 'kysely';
import { doiConfirmation, doiPrompt, optOutConfirmation } from '../compliance/texts.js';
import type { ConsentAction, SmsSchema, SubscribersTable } from '../db/schema.js';
import { queueMessage } from '../messages/outbox.js';
import type { ConsentEventView } from '../schemas/subscribers.js';

/**
 * Consent transitions. Each writes the new status, a consent_events row (evidence: when, how, exact words)
 * and the text that acknowledges it, in the caller's transaction.
 *
 *   pending ──Y/YES/START──▶ subscribed ──STOP…──▶ unsubscribed ──START/YES──▶ subscribed
 *   unsubscribed ──API create again──▶ pending (fresh double opt-in: re-consent)
 */

type Sub = Pick<SubscribersTable, 'id' | 'shop_id' | 'phone_number' | 'status' | 'confirmed_at'>;

export async function recordConsent(
  trx: Kysely<SmsSchema>,
  now: Date,
  sub: Pick<Sub, 'id' | 'shop_id'>,
  action: ConsentAction,
  source: string,
  detail: string | null,
): Promise<void> {
  await trx
    .insertInto('consent_events')
    .values({
      id: sortableId('ce', now),
      shop_id: sub.shop_id,
      subscriber_id: sub.id,
      action,
      source,
      detail,
      created_at: now.toISOString(),
    })
    .execute();
}

/** Sends the double opt-in prompt (new subscriber, or re-consent after an opt-out). */
export async function requestOptIn(trx: Kysely<SmsSchema>, now: Date, sub: Sub, shopName: string, source: string): Promise<void> {
  if (sub.status !== 'pending') {
    await trx.updateTable('subscribers').set({ status: 'pending', updated_at: now.toISOString() }).where('id', '=', sub.id).execute();
  }
  const body = doiPrompt(shopName);
  await recordConsent(trx, now, sub, 'opt_in_requested', source, body);
  await queueMessage(trx, now, {
    shopId: sub.shop_id,
    subscriberId: sub.id,
    to: sub.phone_number,
    body,
    purpose: 'doi_prompt',
    sendAt: now,
  });
}

/** Y/YES/START/UNSTOP: confirms a pending subscriber or re-subscribes an opted-out one. False if already subscribed. */
export async function confirmOptIn(trx: Kysely<SmsSchema>, now: Date, sub: Sub, shopName: string, keyword: string): Promise<boolean> {
  if (sub.status === 'subscribed') return false;
  const at = now.toISOString();
  await trx
    .updateTable('subscribers')
    .set({ status: 'subscribed', confirmed_at: sub.confirmed_at ?? at, opted_out_at: null, updated_at: at })
    .where('id', '=', sub.id)
    .execute();
  await recordConsent(trx, now, sub, 'opted_in', 'sms', keyword);
  await queueMessage(trx, now, {
    shopId: sub.shop_id,
    subscriberId: sub.id,
    to: sub.phone_number,
    body: doiConfirmation(shopName),
    purpose: 'doi_confirmation',
    sendAt: now,
  });
  return true;
}

/** Marks a subscriber opted out; false if they already were. Sends nothing (see `confirmOptOut`). */
export async function optOut(trx: Kysely<SmsSchema>, now: Date, sub: Sub, source: string, detail: string | null): Promise<boolean> {
  if (sub.status === 'unsubscribed') return false;
  const at = now.toISOString();
  await trx.updateTable('subscribers').set({ status: 'unsubscribed', opted_out_at: at, updated_at: at }).where('id', '=', sub.id).execute();
  await recordConsent(trx, now, sub, 'opted_out', source, detail);
  return true;
}

/** The one acknowledgement text of an opt-out. */
export async function confirmOptOut(trx: Kysely<SmsSchema>, now: Date, sub: Sub, shopName: string): Promise<void> {
  await queueMessage(trx, now, {
    shopId: sub.shop_id,
    subscriberId: sub.id,
    to: sub.phone_number,
    body: optOutConfirmation(shopName),
    purpose: 'opt_out_confirmation',
    sendAt: now,
  });
}

/** A subscriber's consent evidence, oldest first (the profile page's consent history). */
export async function listConsentEvents(db: Kysely<SmsSchema>, shopId: string, subscriberId: string): Promise<ConsentEventView[]> {
  const rows = await db
    .selectFrom('consent_events')
    .select(['id', 'action', 'source', 'detail', 'created_at'])
    .where('shop_id', '=', shopId)
    .where('subscriber_id', '=', subscriberId)
    .orderBy('id')
    .execute();
  return rows;
}
