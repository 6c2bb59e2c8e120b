import type { Kysely } from 'kysely';
import type { EventsTable, SmsSchema, SubscribersTable } from '../db/schema.js';
import type { TagValue } from '../messages/render.js';
import { startLegacyRuns } from './legacy/plan.js';

/**
 * The one entry point that starts automations, inside the caller's transaction: a partner trigger fire
 * (POST /v1/triggers/{id}/subscribers/{id}) and a custom event of a known subscriber (in its ingest
 * transaction, events/ingest.ts) both come through here, so every kind of automation — legacy today, flows next — is started the same way, once per
 * cause (the runs' unique keys make a replay start nothing).
 */
export type AutomationCause =
  | { kind: 'trigger'; fire: { id: string; shopId: string; triggerId: string; tags: Record<string, TagValue> } }
  | { kind: 'event'; event: EventsTable };

export interface Started {
  runs: number;
  /** A text of a started run is due now: wake the worker after the commit. */
  dueNow: boolean;
}

export async function startAutomations(
  trx: Kysely<SmsSchema>,
  now: Date,
  cause: AutomationCause,
  subscriber: SubscribersTable,
): Promise<Started> {
  switch (cause.kind) {
    case 'trigger':
      return startLegacyRuns(trx, now, cause.fire, subscriber);
    case 'event':
      // Legacy automations are built on partner triggers only; automations on event types (legacy and
      // flows) arrive with the automation-flows work and start from here.
      return { runs: 0, dueNow: false };
    default: {
      const never: never = cause;
      throw new Error(`unknown automation cause ${JSON.stringify(never)}`);
    }
  }
}
