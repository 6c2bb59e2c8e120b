import { sortableId } from '@rapport/kit';
import type { SmsContext } from '../context.js';
import type { EventIngest } from '../events/ingest.js';
import { CLICKED_LINK } from './clicked-link.js';

/**
 * A recipient opened a short link: the click becomes a `Clicked Link` event of the subscriber (through the
 * same ingest as the API's events, so it starts automations and flows and is heard by runs waiting for it)
 * and is counted on the link; the caller then redirects. Every click counts, a repeated one too (a
 * merchant's "clicks"; unique clickers are the links with `first_clicked_at`). Link previews that carriers
 * or phones fetch count as clicks as well: nothing tells them apart.
 */
export async function followLink(ctx: SmsContext, events: EventIngest, code: string): Promise<string | null> {
  const link = await ctx.db.selectFrom('short_links').selectAll().where('code', '=', code).executeTakeFirst();
  if (!link) return null;
  const now = ctx.clock.now();
  const clickId = sortableId('clk', now);
  let eventId: string | null = null;
  if (link.subscriber_id) {
    const r = await events.ingest(
      link.shop_id,
      {
        type: CLICKED_LINK,
        subscriber_id: link.subscriber_id,
        external_id: `click:${clickId}`,
        properties: {
          URL: link.url,
          'Message Id': link.outbox_id,
          'Short Link': `${ctx.config.smsPublicUrl.replace(/\/+$/, '')}/l/${code}`,
        },
      },
      undefined,
    );
    eventId = r.body.event_ids[0] ?? null;
  }
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('link_clicks').values({ id: clickId, code, shop_id: link.shop_id, event_id: eventId, at }).execute();
    await trx
      .updateTable('short_links')
      .set((eb) => ({ clicks: eb('clicks', '+', 1), first_clicked_at: link.first_clicked_at ?? at, last_clicked_at: at }))
      .where('code', '=', code)
      .execute();
  });
  return link.url;
}
