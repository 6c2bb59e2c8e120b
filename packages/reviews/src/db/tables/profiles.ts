/** Profile backfills: sending every existing customer's Okendo properties once Postscript is connected. */

export type BackfillState = 'running' | 'done';

export interface ProfileBackfillsTable {
  id: string;
  store_id: string;
  state: BackfillState;
  /** Customers with an email or a phone when the backfill started (the ones Postscript could know). */
  total: number;
  /** Customers looked at so far, in id order; `cursor` is the last one (resume point). */
  scanned: number;
  cursor: string | null;
  /** Customers whose properties needed sending (a profile patch was written for each). */
  written: number;
  started_at: string;
  finished_at: string | null;
  updated_at: string;
}
