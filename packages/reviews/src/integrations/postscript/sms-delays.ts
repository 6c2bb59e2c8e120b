/**
 * The seed's double-wait caution from the reviews side: "be careful about using both, as the customer could
 * wait twice as long". When the connected SMS platform is Rapport's, its automations API says what delay
 * each "Okendo Review Request" automation adds after the trigger; real Postscript has no such API, and the
 * sequence editor then shows the seed's caution alone.
 */
import { OKENDO_REVIEW_REQUEST_TRIGGER } from '@rapport/contract';
import type { ReviewsContext } from '../../context.js';
import type { SmsDelaysView } from '../../schemas/sequences.js';
import { requireStore } from '../../stores/stores.js';
import { PostscriptApiError, PostscriptClient, PostscriptUnreachableError } from './client.js';
import { openPostscriptKey, PostscriptKeyUnavailableError } from './key-sealing.js';
import { findIntegration } from './settings.js';

const unreadable = (reason: NonNullable<SmsDelaysView['reason']>): SmsDelaysView => ({ readable: false, reason, automations: [] });

export async function smsSideDelays(ctx: ReviewsContext, now: Date, storeId: string): Promise<SmsDelaysView> {
  await requireStore(ctx.db, storeId);
  const integration = await findIntegration(ctx.db, storeId);
  if (!integration) return unreadable('not_connected');
  let privateKey: string;
  try {
    privateKey = await openPostscriptKey(ctx.db, now, integration, ctx.secretKey);
  } catch (err) {
    if (err instanceof PostscriptKeyUnavailableError) return unreadable('key_unavailable');
    throw err;
  }
  const client = new PostscriptClient({ apiUrl: integration.api_url, privateKey, fetch: ctx.fetch });
  let automations;
  try {
    automations = await client.listAutomationDelays();
  } catch (err) {
    // A refused key or an outage: the editor cannot know, so it shows the caution alone.
    if (err instanceof PostscriptUnreachableError || err instanceof PostscriptApiError) return unreadable('unreachable');
    throw err;
  }
  if (automations === null) return unreadable('no_automation_api');
  return {
    readable: true,
    reason: null,
    automations: automations
      .filter((a) => a.trigger === OKENDO_REVIEW_REQUEST_TRIGGER.name)
      .map((a) => ({ name: a.name, enabled: a.enabled, first_delay_minutes: a.firstDelayMinutes })),
  };
}
