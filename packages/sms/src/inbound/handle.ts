import { Invalid, sortableId } from '@rapport/kit';
import type { Kysely } from 'kysely';
import { classifyInbound, type InboundKind } from '../compliance/reserved-words.js';
import { helpReply } from '../compliance/texts.js';
import type { SmsContext } from '../context.js';
import type { SmsSchema, SubscribersTable } from '../db/schema.js';
import { queueMessage } from '../messages/outbox.js';
import { normalizePhone } from '../phone/normalize.js';
import { confirmOptIn, confirmOptOut, optOut } from '../subscribers/consent.js';

/**
 * A text from a consumer's phone (dev carrier or Twilio webhook). Every shop sends from the platform's one
 * number, so a reply belongs to the conversation the phone last received a text in (else the newest
 * subscription). The asymmetry is deliberate and errs towards the consumer:
 *   - STOP opts the number out of every shop on this sender (a STOP to a number stops that number), with one
 *     confirmation text;
 *   - Y/YES/START/UNSTOP and HELP act on the one conversation the reply answers.
 */

export interface InboundInput {
  from: string;
  to?: string | null | undefined;
  body: string;
  provider: string;
  providerMessageId?: string | undefined;
}

export interface InboundResult {
  id: string;
  classification: InboundKind;
  shop_id: string | null;
  subscriber_id: string | null;
  actions: string[];
  duplicate: boolean;
}

type SubWithShop = SubscribersTable & { shop_name: string };

export async function handleInbound(ctx: SmsContext, input: InboundInput): Promise<InboundResult> {
  const from = normalizePhone(input.from);
  if (!from) throw new Invalid(`from "${input.from}" is not a phone number`, ['body', 'from']);
  const to = input.to ? (normalizePhone(input.to) ?? input.to) : null;
  const { kind, matched } = classifyInbound(input.body);

  const result = await ctx.db.transaction().execute(async (trx): Promise<InboundResult> => {
    const now = ctx.clock.now();
    if (input.providerMessageId) {
      const seen = await trx
        .selectFrom('inbound_messages')
        .selectAll()
        .where('provider_message_id', '=', input.providerMessageId)
        .executeTakeFirst();
      if (seen) {
        return {
          id: seen.id,
          classification: seen.classification as InboundKind,
          shop_id: seen.shop_id,
          subscriber_id: seen.subscriber_id,
          actions: [],
          duplicate: true,
        };
      }
    }
    const subs = await trx
      .selectFrom('subscribers')
      .innerJoin('shops', 'shops.id', 'subscribers.shop_id')
      .selectAll('subscribers')
      .select('shops.name as shop_name')
      .where('subscribers.phone_number', '=', from)
      .orderBy('subscribers.created_at', 'desc')
      .execute();
    const primary = await conversationOf(trx, from, subs);
    const actions: string[] = [];

    switch (kind) {
      case 'opt_out': {
        const changed: SubWithShop[] = [];
        for (const sub of subs) if (await optOut(trx, now, sub, 'sms', input.body)) changed.push(sub);
        const ack = changed.find((s) => s.id === primary?.id) ?? changed[0];
        if (ack) await confirmOptOut(trx, now, ack, ack.shop_name);
        actions.push(...changed.map((s) => `opted_out:${s.id}`));
        break;
      }
      case 'opt_in':
        if (primary && (await confirmOptIn(trx, now, primary, primary.shop_name, matched ?? input.body)))
          actions.push(`opted_in:${primary.id}`);
        break;
      case 'help':
        if (primary) {
          await queueMessage(trx, now, {
            shopId: primary.shop_id,
            subscriberId: primary.id,
            to: from,
            body: helpReply(primary.shop_name),
            purpose: 'help',
            sendAt: now,
          });
          actions.push(`help:${primary.id}`);
        }
        break;
      case 'other':
        break;
      default: {
        const never: never = kind;
        throw new Error(`unknown inbound kind ${String(never)}`);
      }
    }

    const id = sortableId('im', now);
    await trx
      .insertInto('inbound_messages')
      .values({
        id,
        shop_id: primary?.shop_id ?? null,
        subscriber_id: primary?.id ?? null,
        from_phone: from,
        to_phone: to,
        body: input.body,
        classification: kind,
        provider: input.provider,
        provider_message_id: input.providerMessageId ?? null,
        created_at: now.toISOString(),
      })
      .execute();
    return { id, classification: kind, shop_id: primary?.shop_id ?? null, subscriber_id: primary?.id ?? null, actions, duplicate: false };
  });
  if (result.actions.length > 0) ctx.wake();
  return result;
}

/** The subscription a reply answers: the shop that texted this phone last, else the newest subscription. */
async function conversationOf(trx: Kysely<SmsSchema>, phone: string, subs: SubWithShop[]): Promise<SubWithShop | undefined> {
  if (subs.length <= 1) return subs[0];
  const last = await trx
    .selectFrom('outbox_messages')
    .select('shop_id')
    .where('to_phone', '=', phone)
    .where(
      'shop_id',
      'in',
      subs.map((s) => s.shop_id),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return subs.find((s) => s.shop_id === last?.shop_id) ?? subs[0];
}
