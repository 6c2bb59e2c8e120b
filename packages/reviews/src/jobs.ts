import type { JobHandler } from '@rapport/kit';
import type { ReviewsContext } from './context.js';
import { DELIVER_JOB } from './integrations/postscript/outbox.js';
import { postscriptDeliverHandler } from './integrations/postscript/deliver-job.js';
import { reviewRequestDueHandler } from './review-requests/due-job.js';
import { DUE_JOB } from './review-requests/requests.js';

/** Every durable job kind of the reviews platform and its handler. */
export function reviewsJobHandlers(ctx: ReviewsContext): Record<string, JobHandler> {
  return {
    [DUE_JOB]: reviewRequestDueHandler(ctx),
    [DELIVER_JOB]: postscriptDeliverHandler(ctx),
  };
}
