import Type from 'typebox';
import type { DevClock } from '../clock.js';
import type { HttpApp } from './app.js';

/**
 * `/dev/clock` (only registered when RAPPORT_DEV=1): read the clock, or move it forward so due
 * waits fire. In `rapport start` both services share one clock, so advancing either moves both.
 */
export function registerDevClockRoutes(app: HttpApp, clock: DevClock): void {
  const Now = Type.Object({ now: Type.String({ format: 'date-time' }) });
  app.get('/dev/clock', { schema: { tags: ['dev'], summary: 'Current time of the dev clock', response: { 200: Now } } }, async () => ({
    now: clock.now().toISOString(),
  }));
  app.post(
    '/dev/clock/advance',
    {
      schema: {
        tags: ['dev'],
        summary: 'Move the dev clock forward; due waits fire',
        body: Type.Object({ ms: Type.Integer({ minimum: 0, maximum: 10 * 365 * 86_400_000 }) }, { additionalProperties: false }),
        response: { 200: Now },
      },
    },
    async (request) => ({ now: clock.advance(request.body.ms).toISOString() }),
  );
}
