import type { Tenant } from './tenant-choice.js';

export interface SessionUser {
  id: string;
  email: string;
}

/**
 * Who is logged in, as the dashboard keeps it. The wire shape is the services' `GET /api/dashboard/session`
 * (and the answer of login and of a setup link): `{ user, csrf_token, shops | stores }` — the list's key is
 * the product's, given by its dashboard.
 */
export interface Session<T extends Tenant> {
  user: SessionUser;
  csrfToken: string;
  tenants: T[];
}

/** The session in an answer, or an Error saying what is missing (a server that answers another shape). */
export function sessionOf<T extends Tenant>(body: unknown, tenantsKey: string): Session<T> {
  const o = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const user = o['user'] as Partial<SessionUser> | undefined;
  const csrf = o['csrf_token'];
  const tenants = o[tenantsKey];
  if (typeof user?.id !== 'string' || typeof user.email !== 'string') throw new Error('the session answer has no user');
  if (typeof csrf !== 'string' || csrf === '') throw new Error('the session answer has no csrf_token');
  if (!Array.isArray(tenants)) throw new Error(`the session answer has no ${tenantsKey} list`);
  return { user: { id: user.id, email: user.email }, csrfToken: csrf, tenants: tenants as T[] };
}
