import { insertRows, runRaw, updateRows } from '@rapport/kit';
import type { SmsContext } from '../context.js';
import type { OutboxMessagesTable } from '../db/schema.js';
import type { OutgoingText } from '../providers/provider.js';
import { DEFAULT_SHOP_TIMEZONE } from '../shops/shops.js';
import { decideDispatch } from './dispatch-decision.js';
import { countSmsParts } from './sms-parts.js';
import { newLinkCode } from '../links/codes.js';
import { shortenUrls } from '../links/shorten.js';
import type { ShortLinksTable } from '../db/schema.js';

/**
 * The steps of sending outbox messages, each its own short transaction (for a whole batch of texts) so that
 * the provider calls sit between two commits:
 *
 *   queued ──beginDispatches (re-check consent, quiet hours; commit)──▶ dispatching ──provider.send──▶ markSentMany ──▶ sent
 *
 * A worker that dies after `provider.send` leaves the row in `dispatching`; the retry calls `reconcile`, which
 * asks the provider whether the text went out before anything is sent again.
 */

export type Prepared =
  { kind: 'dispatch'; message: OutgoingText } | { kind: 'suppressed'; reason: string } | { kind: 'held'; until: Date } | { kind: 'skip' };

export async function loadOutbox(ctx: SmsContext, id: string): Promise<OutboxMessagesTable | undefined> {
  return ctx.db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export const isTerminal = (status: string): boolean => status === 'sent' || status === 'failed' || status === 'suppressed';

/** Re-checks, immediately before dispatch, that this text may go now; if so moves it to `dispatching` (committed). */
export async function beginDispatch(ctx: SmsContext, outboxId: string): Promise<Prepared> {
  return (await beginDispatches(ctx, [outboxId])).get(outboxId) ?? { kind: 'skip' };
}

/**
 * `beginDispatch` for many rows in one transaction: one read of the rows, their subscribers and shops,
 * then each row's decision (`decideDispatch`, pure) written with one prepared statement — so a batch of
 * texts coming due costs a few statements per text, not a few transactions. Rows no longer queued are
 * skipped (another worker took them, or they were settled).
 */
export async function beginDispatches(ctx: SmsContext, outboxIds: readonly string[]): Promise<Map<string, Prepared>> {
  const dialect = ctx.database.dialect;
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const at = now.toISOString();
    const out = new Map<string, Prepared>();
    const rows = await trx.selectFrom('outbox_messages').selectAll().where('id', 'in', outboxIds).where('status', '=', 'queued').execute();
    const subscriberIds = [...new Set(rows.flatMap((r) => (r.subscriber_id ? [r.subscriber_id] : [])))];
    const subscribers = new Map(
      (subscriberIds.length > 0 ? await trx.selectFrom('subscribers').selectAll().where('id', 'in', subscriberIds).execute() : []).map(
        (s) => [s.id, s],
      ),
    );
    const shopIds = [...new Set(rows.map((r) => r.shop_id))];
    const shops = new Map(
      (await trx.selectFrom('shops').select(['id', 'timezone']).where('id', 'in', shopIds).execute()).map((s) => [s.id, s]),
    );
    const noticed = new Set<string>();
    const dispatching: Record<string, unknown>[] = [];
    const links: ShortLinksTable[] = [];
    for (const row of rows) {
      const subscriber = row.subscriber_id ? subscribers.get(row.subscriber_id) : undefined;
      const decision = decideDispatch({
        row,
        // A subscriber told how to stop in an earlier row of this batch has had the notice.
        subscriber: subscriber && noticed.has(subscriber.id) ? { ...subscriber, opt_out_notice_at: at } : subscriber,
        shopTimezone: shops.get(row.shop_id)?.timezone ?? DEFAULT_SHOP_TIMEZONE,
        now,
      });
      switch (decision.kind) {
        case 'suppressed':
          await runRaw(trx, dialect, SUPPRESS, [decision.reason, at, row.id]);
          out.set(row.id, { kind: 'suppressed', reason: decision.reason });
          break;
        case 'held':
          await runRaw(trx, dialect, HOLD, [decision.until.toISOString(), at, row.id]);
          out.set(row.id, { kind: 'held', until: decision.until });
          break;
        case 'dispatch': {
          if (decision.firstMarketing && subscriber) noticed.add(subscriber.id);
          // Every URL of a marketing text goes out as a short link of ours, one per recipient and link: a
          // click is recorded (and becomes a Clicked Link event) before the redirect.
          let body = decision.body;
          if (row.purpose === 'automation') {
            const short = shortenUrls(body, ctx.config.smsPublicUrl, newLinkCode);
            body = short.body;
            for (const l of short.links)
              links.push({
                code: l.code,
                shop_id: row.shop_id,
                outbox_id: row.id,
                subscriber_id: row.subscriber_id,
                url: l.url,
                clicks: 0,
                first_clicked_at: null,
                last_clicked_at: null,
                created_at: at,
              });
          }
          const { parts, encoding } = countSmsParts(body);
          dispatching.push({ id: row.id, body, segments: parts, encoding });
          out.set(row.id, {
            kind: 'dispatch',
            message: {
              outboxId: row.id,
              to: row.to_phone,
              body,
              ...(ctx.senderNumber ? { from: ctx.senderNumber } : {}),
              ...(row.media_url ? { mediaUrl: row.media_url } : {}),
            },
          });
          break;
        }
        default: {
          const never: never = decision;
          throw new Error(`unexpected decision ${JSON.stringify(never)}`);
        }
      }
    }
    if (links.length > 0) await insertRows(trx, dialect, 'short_links', LINK_COLUMNS, links);
    const constants = `"from_phone" = ${sqlText(ctx.senderNumber)}, "provider" = ${sqlText(ctx.provider.name)}, "held_until" = null,
      "dispatch_attempts" = "dispatch_attempts" + 1, "dispatched_at" = '${at}', "updated_at" = '${at}', "status" = 'dispatching'`;
    await updateRows(
      trx,
      dialect,
      {
        table: 'outbox_messages',
        key: 'id',
        columns: { body: 'text', segments: 'integer', encoding: 'text' },
        alsoSet: constants,
        alsoWhere: `"outbox_messages"."status" = 'queued'`,
      },
      dispatching,
    );
    if (noticed.size > 0)
      await trx
        .updateTable('subscribers')
        .set({ opt_out_notice_at: at })
        .where('id', 'in', [...noticed])
        .execute();
    return out;
  });
}

const SUPPRESS = `update "outbox_messages" set "status" = 'suppressed', "status_reason" = ?, "held_until" = null, "updated_at" = ? where "id" = ?`;
const HOLD = `update "outbox_messages" set "held_until" = ?, "updated_at" = ? where "id" = ?`;
/** A fixed value written into SQL text (names from config, ISO times): quoted, quotes doubled. */
const sqlText = (v: string | null): string => (v === null ? 'null' : `'${v.replace(/'/g, "''")}'`);

/** Records texts the provider accepted, in one statement. */
export async function markSentMany(
  ctx: SmsContext,
  sent: readonly { outboxId: string; providerMessageId: string; deliveryStatus?: string | null }[],
): Promise<void> {
  if (sent.length === 0) return;
  const at = ctx.clock.now().toISOString();
  await updateRows(
    ctx.db,
    ctx.database.dialect,
    {
      table: 'outbox_messages',
      key: 'id',
      columns: { provider_message_id: 'text', delivery_status: 'text' },
      alsoSet: `"status" = 'sent', "sent_at" = '${at}', "error" = null, "updated_at" = '${at}'`,
      alsoWhere: `"outbox_messages"."status" = 'dispatching'`,
    },
    sent.map((s) => ({ id: s.outboxId, provider_message_id: s.providerMessageId, delivery_status: s.deliveryStatus ?? null })),
  );
}

export async function markSent(
  ctx: SmsContext,
  outboxId: string,
  providerMessageId: string,
  deliveryStatus: string | null = null,
): Promise<void> {
  await markSentMany(ctx, [{ outboxId, providerMessageId, deliveryStatus }]);
}

export async function markFailed(
  ctx: SmsContext,
  outboxId: string,
  error: string,
  reason: string,
  providerMessageId: string | null = null,
): Promise<void> {
  await ctx.db
    .updateTable('outbox_messages')
    .set({
      status: 'failed',
      status_reason: reason,
      error: error.slice(0, 2000),
      updated_at: ctx.clock.now().toISOString(),
      ...(providerMessageId ? { provider_message_id: providerMessageId } : {}),
    })
    .where('id', '=', outboxId)
    .where('status', 'in', ['queued', 'dispatching'])
    .execute();
}

/** Records a transient send error on the row (it stays `dispatching`: the outcome is unknown until reconciled). */
export async function noteSendError(ctx: SmsContext, outboxId: string, error: string): Promise<void> {
  await ctx.db
    .updateTable('outbox_messages')
    .set({ error: error.slice(0, 2000), updated_at: ctx.clock.now().toISOString() })
    .where('id', '=', outboxId)
    .execute();
}

const LINK_COLUMNS = [
  'code',
  'shop_id',
  'outbox_id',
  'subscriber_id',
  'url',
  'clicks',
  'first_clicked_at',
  'last_clicked_at',
  'created_at',
] as const satisfies readonly (keyof ShortLinksTable)[];
