import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import Type, { type Static, type TSchema } from 'typebox';
import type { Clock } from '../clock.js';
import type { HttpApp } from '../http/app.js';
import { createSession, deleteSession, inspectToken, logIn, redeemToken, userView, type ActiveSession } from './accounts.js';
import { LoginBody, RedeemTokenBody, sessionViewSchema, TokenParams, TokenView } from './schemas.js';
import type { SessionAuth } from './session-auth.js';
import type { AccountsSchema, UsersTable } from './tables.js';

export const ErrorBody = Type.Object(
  {
    errors: Type.Array(
      Type.Object({ loc: Type.Array(Type.Union([Type.String(), Type.Number()])), msg: Type.String(), type: Type.String() }),
    ),
  },
  { description: 'Every 4xx names the field at fault in `loc`.' },
);
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, ErrorBody]));

export const SESSION_SECURITY: { [scheme: string]: string[] }[] = [{ sessionCookie: [] }];
export const sessionSecurityScheme = (cookieName: string) => ({
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: cookieName,
    description: `The dashboard session (POST /api/dashboard/login). State-changing requests also send X-CSRF-Token.`,
  },
});

/**
 * The dashboard's account routes, the same on both services: who am I, log in, log out, and one-time links
 * (the owner's setup link, invitations, password resets). `tenants` names the service's unit of ownership
 * and lists the ones a user may open.
 */
export function registerAccountRoutes<K extends string, T extends TSchema>(
  app: HttpApp,
  opts: {
    db: Kysely<AccountsSchema>;
    clock: Clock;
    auth: SessionAuth;
    tenants: { key: K; schema: T; list(user: UsersTable): Promise<Static<T>[]> };
  },
): void {
  const { db, clock, auth } = opts;
  // Erased to TSchema: the tenant list's key and shape are the service's; the handlers build it generically.
  const SessionView: TSchema = sessionViewSchema(opts.tenants.key, opts.tenants.schema);
  const tags = ['dashboard: account'];
  const view = async (user: UsersTable, csrfToken: string) =>
    ({ user: userView(user), csrf_token: csrfToken, [opts.tenants.key]: await opts.tenants.list(user) }) as Record<string, unknown>;
  const begin = async (request: FastifyRequest, reply: Parameters<SessionAuth['setCookie']>[1], user: UsersTable) => {
    const session = await createSession(db, clock.now(), user.id);
    auth.setCookie(request, reply, session);
    return view(user, session.csrfToken);
  };

  app.get(
    '/api/dashboard/session',
    {
      onRequest: auth.onRequest,
      schema: {
        tags,
        summary: 'Who is logged in, and the tenants they may open',
        security: SESSION_SECURITY,
        response: { 200: SessionView, ...errors(401) },
      },
    },
    async (request) => {
      const s: ActiveSession = auth.principal(request);
      return view(s.user, s.csrfToken);
    },
  );

  app.post(
    '/api/dashboard/login',
    {
      schema: {
        tags,
        summary: 'Log in (sets the session cookie)',
        description: 'Five wrong passwords in a row lock the account for 15 minutes (429 with Retry-After).',
        body: LoginBody,
        response: { 200: SessionView, ...errors(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      auth.sameOrigin(request);
      const user = await logIn(db, clock.now(), request.body.email, request.body.password);
      return begin(request, reply, user);
    },
  );

  app.post(
    '/api/dashboard/logout',
    {
      onRequest: auth.onRequest,
      schema: {
        tags,
        summary: 'Log out (ends the session)',
        security: SESSION_SECURITY,
        response: { 204: Type.Null(), ...errors(401, 403) },
      },
    },
    async (request, reply) => {
      await deleteSession(db, auth.principal(request).id);
      auth.clearCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/dashboard/tokens/:token',
    {
      schema: {
        tags,
        summary: 'What a one-time link is for (setup, invitation, password reset)',
        params: TokenParams,
        response: { 200: TokenView, ...errors(404, 410) },
      },
    },
    async (request) => inspectToken(db, clock.now(), request.params.token),
  );

  app.post(
    '/api/dashboard/tokens/:token',
    {
      schema: {
        tags,
        summary: 'Use a one-time link: set the password (and, for the setup link, the email); logs in',
        params: TokenParams,
        body: RedeemTokenBody,
        response: { 200: SessionView, ...errors(400, 401, 403, 404, 409, 410) },
      },
    },
    async (request, reply) => {
      auth.sameOrigin(request);
      const user = await redeemToken(db, clock.now(), request.params.token, request.body);
      return begin(request, reply, user);
    },
  );
}
