/**
 * Keeping Postscript's copy of a customer's Okendo profile true: whenever a fact that feeds the profile is
 * recorded (profiles/changes.ts), a coalesced `postscript.profile_sync` job is scheduled for the customer,
 * PROFILE_DEBOUNCE_MS ahead; facts recorded meanwhile ride on it. When it runs it recomputes all 22
 * properties (profiles/properties.ts), compares them with what Postscript was last told — the customer's
 * profile rows that were delivered or are still on their way — and writes one patch of what changed,
 * followed by *Update Customer Profile*, to the customer's outbox queue (so the event reaches Postscript
 * after the properties it announces). Nothing changed → nothing written. Not connected → nothing written:
 * connecting runs the backfill (backfill.ts), which sends everyone's properties.
 *
 * Idempotent by construction: the job writes in one transaction, and a rerun finds nothing left to change.
 */
import { fromJson, newId, type DbOf } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { ReviewsContext } from '../../context.js';
import type { ReviewsSchema } from '../../db/schema.js';
import { loadProfileInputs } from '../../profiles/inputs.js';
import { okendoProfile, profileChanges, type ProfileValues } from '../../profiles/properties.js';
import { POSTSCRIPT_PROFILE_SYNC } from '../../jobs.js';
import { UPDATE_CUSTOMER_PROFILE } from './events.js';
import { writeOutbox, type OutboxMessage, type ProfilePayload } from './outbox.js';
import { findIntegration } from './settings.js';

/**
 * A review and the survey answered right after it, or a burst of loyalty activity, make one patch rather
 * than several; 5 s keeps the properties fresh enough for an automation that fires on the event.
 */
export const PROFILE_DEBOUNCE_MS = 5_000;

export const profileSyncKey = (customerId: string): string => `postscript.profile:${customerId}`;

export async function scheduleProfileSync(db: DbOf<ReviewsSchema>, now: Date, storeId: string, customerId: string): Promise<void> {
  await POSTSCRIPT_PROFILE_SYNC.enqueue(
    db,
    now,
    { store_id: storeId, customer_id: customerId },
    { dedupeKey: profileSyncKey(customerId), coalesce: true, runAt: new Date(now.getTime() + PROFILE_DEBOUNCE_MS) },
  );
}

/** What Postscript holds or will hold: delivered and pending profile patches merged oldest first. */
export async function knownProfile(db: Kysely<ReviewsSchema>, customerId: string): Promise<ProfileValues> {
  const rows = await db
    .selectFrom('postscript_outbox')
    .select(['payload'])
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'profile')
    .where('state', 'in', ['pending', 'delivered'])
    .orderBy('created_at')
    .orderBy('seq')
    .execute();
  const known: ProfileValues = {};
  for (const r of rows) Object.assign(known, fromJson<ProfilePayload>(r.payload, { properties: {} }).properties);
  return known;
}

/** The patch a customer needs now (empty when Postscript is up to date). */
export async function pendingProfileChanges(db: Kysely<ReviewsSchema>, customerId: string): Promise<ProfileValues> {
  const wanted = okendoProfile(await loadProfileInputs(db, customerId));
  return profileChanges(await knownProfile(db, customerId), wanted);
}

/** `postscript.profile_sync`. */
export async function syncProfile(ctx: ReviewsContext, payload: { store_id: string; customer_id: string }, now: Date): Promise<void> {
  const written = await ctx.db.transaction().execute(async (trx) => {
    if (!(await findIntegration(trx, payload.store_id))) return false;
    const changes = await pendingProfileChanges(trx, payload.customer_id);
    if (Object.keys(changes).length === 0) return false;
    const id = newId('prof');
    const messages: OutboxMessage[] = [
      { kind: 'profile', externalId: `${id}:patch`, properties: changes },
      { kind: 'event', type: UPDATE_CUSTOMER_PROFILE, properties: {}, occurredAt: now, externalId: `${id}:updated` },
    ];
    await writeOutbox(trx, now, { storeId: payload.store_id, customerId: payload.customer_id }, messages);
    return true;
  });
  if (written) ctx.wake();
}
