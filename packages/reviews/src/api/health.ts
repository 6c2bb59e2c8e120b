import { sql } from 'kysely';
import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { ReviewsContext } from '../context.js';

export function registerHealthRoutes(app: HttpApp, ctx: ReviewsContext): void {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['ops'],
        summary: 'Liveness and database reachability',
        response: { 200: Type.Object({ status: Type.Literal('ok'), service: Type.Literal('reviews'), now: Type.String() }) },
      },
    },
    async () => {
      await sql`select 1`.execute(ctx.db);
      return { status: 'ok' as const, service: 'reviews' as const, now: ctx.clock.now().toISOString() };
    },
  );
}
