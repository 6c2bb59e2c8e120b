import { defineJob } from '@rapport/kit';
import Type from 'typebox';
import type { ReviewsContext } from './context.js';
import { deliverToPostscript } from './integrations/postscript/deliver-job.js';
import { runReviewRequestDue } from './review-requests/due-job.js';

/**
 * Every durable job kind of the reviews platform, with its payload schema and handler. Enqueue through
 * these definitions, never by name. Handlers are wrapped in arrows so this module can be imported from
 * the modules it lists.
 */

/** The end of a sequence's Wait for one review request (review-requests/due-job.ts). */
export const REVIEW_REQUEST_DUE = defineJob(
  'review_request.due',
  Type.Object({ review_request_id: Type.String(), due_version: Type.Integer({ minimum: 1 }) }),
  (ctx: ReviewsContext, p) => runReviewRequestDue(ctx, p),
);

/** Sends one Postscript outbox row (integrations/postscript/deliver-job.ts). */
export const POSTSCRIPT_DELIVER = defineJob(
  'postscript.deliver',
  Type.Object({ outbox_id: Type.String() }),
  (ctx: ReviewsContext, p, job) => deliverToPostscript(ctx, p, job),
);

export const REVIEWS_JOBS = [REVIEW_REQUEST_DUE, POSTSCRIPT_DELIVER];
