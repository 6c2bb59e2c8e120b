import { insertRows, sortableId, type Clock } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { DevCarrierMessagesTable, SmsDatabase, SmsSchema } from '../db/schema.js';
import type { SmsProvider } from './provider.js';

/**
 * The dev carrier: "delivers" a text by storing it, keyed by outbox id, so sending the same outbox row twice
 * stores one text and `lookup` can always tell whether a send arrived. The phone simulator (/dev/phone)
 * reads these rows.
 */
export function createDevCarrier(database: SmsDatabase, clock: Clock, defaultFrom: string): SmsProvider {
  const { db, dialect } = database;
  return {
    name: 'dev',
    // One multi-row insert for a batch of texts: the carrier keeps one row per outbox id however often it is asked.
    async sendMany(msgs) {
      const now = clock.now();
      const rows: DevCarrierMessagesTable[] = msgs.map((msg) => ({
        id: sortableId('SMdev', now),
        outbox_id: msg.outboxId,
        direction: 'outbound',
        to_phone: msg.to,
        from_phone: msg.from ?? defaultFrom,
        body: msg.body,
        media_url: msg.mediaUrl ?? null,
        created_at: now.toISOString(),
      }));
      await insertRows(db, dialect, 'dev_carrier_messages', DEV_CARRIER_COLUMNS, rows, { onConflictDoNothing: ['outbox_id'] });
      const stored = await db
        .selectFrom('dev_carrier_messages')
        .select(['id', 'outbox_id'])
        .where(
          'outbox_id',
          'in',
          msgs.map((m) => m.outboxId),
        )
        .execute();
      const byOutbox = new Map(stored.map((r) => [r.outbox_id, r.id]));
      return msgs.map((m) => {
        const id = byOutbox.get(m.outboxId);
        return id ? { ok: true as const, providerMessageId: id } : { ok: false as const, error: new Error('dev carrier lost the text') };
      });
    },
    async send(msg) {
      const id = sortableId('SMdev', clock.now());
      await db
        .insertInto('dev_carrier_messages')
        .values({
          id,
          outbox_id: msg.outboxId,
          direction: 'outbound',
          to_phone: msg.to,
          from_phone: msg.from ?? defaultFrom,
          body: msg.body,
          media_url: msg.mediaUrl ?? null,
          created_at: clock.now().toISOString(),
        })
        .onConflict((oc) => oc.column('outbox_id').doNothing())
        .execute();
      const row = await db.selectFrom('dev_carrier_messages').select('id').where('outbox_id', '=', msg.outboxId).executeTakeFirstOrThrow();
      return { providerMessageId: row.id };
    },
    async lookup(outboxId, providerMessageId) {
      let q = db.selectFrom('dev_carrier_messages').select('id');
      q = providerMessageId ? q.where('id', '=', providerMessageId) : q.where('outbox_id', '=', outboxId);
      const row = await q.executeTakeFirst();
      return row ? { providerMessageId: row.id, status: 'delivered' } : null;
    },
  };
}

const DEV_CARRIER_COLUMNS = ['id', 'outbox_id', 'direction', 'to_phone', 'from_phone', 'body', 'media_url', 'created_at'] as const;

/** Records a text the simulated phone sent to us, so the simulator can show both sides of the conversation. */
export async function recordDevInbound(db: Kysely<SmsSchema>, now: Date, msg: { from: string; to: string; body: string }): Promise<string> {
  const id = sortableId('SMdev', now);
  await db
    .insertInto('dev_carrier_messages')
    .values({
      id,
      outbox_id: null,
      direction: 'inbound',
      to_phone: msg.to,
      from_phone: msg.from,
      body: msg.body,
      media_url: null,
      created_at: now.toISOString(),
    })
    .execute();
  return id;
}

export async function devMessagesTo(db: Kysely<SmsSchema>, phone: string): Promise<DevCarrierMessagesTable[]> {
  return db
    .selectFrom('dev_carrier_messages')
    .selectAll()
    .where('direction', '=', 'outbound')
    .where('to_phone', '=', phone)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Both directions for one phone, oldest first. */
export async function devConversation(db: Kysely<SmsSchema>, phone: string): Promise<DevCarrierMessagesTable[]> {
  return db
    .selectFrom('dev_carrier_messages')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('direction', '=', 'outbound'), eb('to_phone', '=', phone)]),
        eb.and([eb('direction', '=', 'inbound'), eb('from_phone', '=', phone)]),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
