import type { RapportConfig } from '@rapport/kit';
import { connectPostscript, createSequence, createStore, profileBackfillProgress, startProfileBackfill } from '@rapport/reviews';
import cliProgress from 'cli-progress';
import { emit } from '../output.js';
import { clockFor, storageOf, withReviews } from '../runtime.js';

// `rapport reviews …`: the options arrive parsed and validated (program.ts); these only act and print.

export async function createStoreCommand(config: RapportConfig, o: { name: string; shopDomain: string; json?: boolean }): Promise<void> {
  const { clock } = clockFor(config);
  const r = await withReviews(storageOf(config), (db) => createStore(db, clock, { name: o.name, shopDomain: o.shopDomain }));
  emit(
    o.json === true,
    r,
    `Created store ${r.store_id}\n  API key (shown once): ${r.api_key}\n  Shopify webhook secret: ${r.webhook_secret}\n  Webhook URL: ${config.reviewsPublicUrl}/webhooks/shopify`,
  );
}

export async function connectPostscriptCommand(
  config: RapportConfig,
  o: { store: string; privateKey: string; apiUrl?: string; eventNames?: 'seed' | 'postscript_safe'; json?: boolean },
): Promise<void> {
  const { clock } = clockFor(config);
  const r = await withReviews(storageOf(config), (db) =>
    connectPostscript(db, clock, {
      storeId: o.store,
      privateKey: o.privateKey,
      apiUrl: o.apiUrl ?? config.smsApiUrl,
      ...(o.eventNames ? { eventNames: o.eventNames } : {}),
      ...(config.secretKey ? { secretKey: config.secretKey } : {}),
    }),
  );
  emit(o.json === true, r, `Connected to Postscript shop "${r.shop_name}"; the "Okendo Review Request" trigger is registered.`);
}

export async function createSequenceCommand(
  config: RapportConfig,
  o: { store: string; waitDays: number; after: 'fulfillment' | 'delivery'; name?: string; start?: boolean; json?: boolean },
): Promise<void> {
  const { clock } = clockFor(config);
  const r = await withReviews(storageOf(config), (db) =>
    createSequence(db, clock, {
      storeId: o.store,
      waitDays: o.waitDays,
      after: o.after,
      start: o.start === true,
      ...(o.name ? { name: o.name } : {}),
    }),
  );
  emit(
    o.json === true,
    r,
    `Created sequence ${r.sequence_id}: wait ${o.waitDays} day(s) after ${o.after}${o.start ? ', started' : ' (not started)'}`,
  );
}

/** How often `profile-backfill --wait` reads the progress, and how long without progress before it says why. */
const POLL_MS = 500;
const STALL_MS = 15_000;

/**
 * `rapport reviews profile-backfill`: starts (or resumes) the backfill of every existing customer's Okendo
 * properties; the running service's worker does the work. With `--wait` (the default on a terminal) it
 * draws a progress bar — customers settled of total — until every patch has settled, and says so if no
 * worker seems to be running.
 */
export async function profileBackfillCommand(config: RapportConfig, o: { store: string; wait?: boolean; json?: boolean }): Promise<void> {
  const { clock } = clockFor(config);
  await withReviews(storageOf(config), async (db) => {
    let view = await startProfileBackfill(db, clock, o.store);
    const wait = o.wait ?? (process.stdout.isTTY === true && o.json !== true);
    if (wait) {
      const bar = new cliProgress.SingleBar(
        { format: 'profiles [{bar}] {value}/{total} customers · {delivered} synced · {skipped} not subscribers', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      const b = () => view.backfill!;
      const counts = () => ({ delivered: b().patches.delivered, skipped: b().patches.not_subscribers });
      bar.start(b().total, b().settled, counts());
      let last = b().settled;
      // Elapsed wall time of this terminal session (monotonic), not business time.
      let lastMoved = performance.now();
      while (!b().finished) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        view = await profileBackfillProgress(db, o.store);
        bar.setTotal(b().total);
        bar.update(b().settled, counts());
        if (b().settled !== last) [last, lastMoved] = [b().settled, performance.now()];
        else if (performance.now() - lastMoved > STALL_MS) {
          bar.stop();
          process.stderr.write(
            'No progress for 15 s: is Rapport running (`rapport start`, or `rapport worker` on PostgreSQL)? The backfill resumes when it is.\n',
          );
          break;
        }
      }
      bar.stop();
    }
    const r = b(view);
    emit(
      o.json === true,
      view,
      `Profile backfill ${r.backfill_id}: ${r.scanned}/${r.total} customers looked at, ${r.patches.delivered} synced, ` +
        `${r.patches.not_subscribers} not subscribers (skipped), ${r.patches.pending} pending, ${r.patches.failed} failed, ${r.up_to_date} already up to date` +
        (r.finished ? '' : ' — still running'),
    );
  });
}

function b(view: Awaited<ReturnType<typeof profileBackfillProgress>>) {
  if (!view.backfill) throw new Error('no backfill was started');
  return view.backfill;
}
