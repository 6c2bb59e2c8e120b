import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { SmsContext } from '../context.js';
import type { EventIngest } from '../events/ingest.js';
import { followLink } from '../links/follow.js';

const NOT_FOUND_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Link not found</title><body style="font-family:system-ui;margin:3rem auto;max-width:30rem;padding:0 1rem">
<h1>This link does not work</h1><p>It may have been mistyped. Open the text you received and tap the link again.</p></body></html>`;

/**
 * The short links of marketing texts (`/l/{code}`), unauthenticated as a recipient's phone opens them: the
 * click is recorded, then a 302 to where the link leads. An unknown code is a small 404 page, not JSON.
 */
export function registerLinkRoutes(app: HttpApp, ctx: SmsContext, events: EventIngest): void {
  app.get(
    '/l/:code',
    {
      schema: {
        tags: ['links'],
        summary: 'Extension: a short link of a marketing text — records the click (a Clicked Link event) and redirects',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        response: { 302: Type.Null({ description: 'Location: where the link leads' }), 404: Type.String() },
      },
    },
    async (request, reply) => {
      const code = request.params.code;
      const url = /^[A-Za-z0-9_-]{1,16}$/.test(code) ? await followLink(ctx, events, code) : null;
      if (!url) return reply.code(404).type('text/html; charset=utf-8').send(NOT_FOUND_PAGE);
      return reply.code(302).header('location', url).header('cache-control', 'no-store').send(null);
    },
  );
}
