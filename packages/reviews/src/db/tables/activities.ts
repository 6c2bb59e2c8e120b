/**
 * What happened on the reviews platform, as the domains record it (see activity/): a review request went
 * out, a review was created, points were awarded… Integrations turn activities into their own calls; the
 * row's id is the "ActivityID" Okendo events carry, and the rows are a customer's timeline.
 */
export interface ActivitiesTable {
  id: string;
  store_id: string;
  customer_id: string;
  /** `review_request.sent`, `review_request.cancelled`, `review.created`, … (activity/types.ts). */
  type: string;
  /** JSON of the activity's facts. */
  data: string;
  occurred_at: string;
  created_at: string;
}
