import type { Kysely } from 'kysely';
import { Conflict, Gone, Invalid, NotFound } from '../errors.js';
import { HttpError } from '../http/errors.js';
import { newId } from '../ids.js';
import type { DbOf } from '../jobs/enqueue.js';
import { decoyHash, hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from './passwords.js';
import { digestOf, newSecret } from './secrets.js';
import type { AccountsSchema, AccountTokenKind, UsersTable } from './tables.js';

/**
 * Dashboard accounts: users, their tenants, sessions and one-time links. Pure rules are the constants below;
 * everything else is a small function over the accounts tables, taking `(db, now, …)` like every domain
 * function. Passwords are hashed before any transaction opens: a 0.2 s hash must not hold SQLite's writer.
 */

/** Sessions last this long from login (absolute, not sliding: a stolen cookie stops working). */
export const SESSION_TTL_MS = 14 * 24 * 3600_000;
/** After this many consecutive failed logins the account is locked for LOCKOUT_MS (a success resets the count). */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
export const TOKEN_TTL_MS: Record<AccountTokenKind, number> = {
  setup: 7 * 24 * 3600_000,
  invitation: 7 * 24 * 3600_000,
  reset: 3600_000,
};

/** Any service schema that has the accounts tables (see jobsDb for why this one widening exists). */
export const accountsDb = <DB extends AccountsSchema>(db: DbOf<DB>): Kysely<AccountsSchema> => db as unknown as Kysely<AccountsSchema>;
type Db = Kysely<AccountsSchema>;

export const userView = (u: UsersTable): { id: string; email: string } => ({ id: u.id, email: u.email });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lower-cased and trimmed, or `Invalid` naming the field. */
export function normalizeEmail(email: string, loc: (string | number)[] = ['body', 'email']): string {
  const e = email.trim().toLowerCase();
  if (!EMAIL.test(e) || e.length > 254) throw new Invalid('email must be an address like name@example.com', loc, 'invalid_email');
  return e;
}

function checkPassword(password: string, loc: (string | number)[] = ['body', 'password']): void {
  if (password.length < PASSWORD_MIN_LENGTH)
    throw new Invalid(`password must have at least ${PASSWORD_MIN_LENGTH} characters`, loc, 'password_too_short');
}

export async function findUserByEmail(db: Db, email: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function findUser(db: Db, id: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * A new user. The install's first user becomes its owner (every tenant, present and future); a later one
 * sees only the tenants it is given. An email already registered is a Conflict.
 */
export async function createUser(
  db: Db,
  now: Date,
  input: { email: string; password: string; tenantIds?: string[]; emailLoc?: (string | number)[]; passwordLoc?: (string | number)[] },
): Promise<UsersTable> {
  const email = normalizeEmail(input.email, input.emailLoc);
  checkPassword(input.password, input.passwordLoc);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, email))
      throw new Conflict(`a user with email ${email} already exists`, input.emailLoc ?? ['body', 'email']);
    const user: UsersTable = {
      id: newId('usr'),
      email,
      password_hash: passwordHash,
      install_owner: (await countUsers(trx)) === 0 ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await trx.insertInto('users').values(user).execute();
    for (const tenantId of input.tenantIds ?? []) await grantTenant(trx, now, user.id, tenantId);
    return user;
  });
}

export async function grantTenant(db: Db, now: Date, userId: string, tenantId: string): Promise<void> {
  await db
    .insertInto('user_memberships')
    .values({ user_id: userId, tenant_id: tenantId, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['user_id', 'tenant_id']).doNothing())
    .execute();
}

/** The tenants a user was given (the install owner's are all of them: the service lists those itself). */
export async function memberTenantIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_memberships').select('tenant_id').where('user_id', '=', userId).orderBy('created_at').execute();
  return rows.map((r) => r.tenant_id);
}

export async function canAccessTenant(db: Db, user: UsersTable, tenantId: string): Promise<boolean> {
  if (user.install_owner === 1) return true;
  const row = await db
    .selectFrom('user_memberships')
    .select('tenant_id')
    .where('user_id', '=', user.id)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row !== undefined;
}

const refused = () => new HttpError(401, 'invalid_credentials', 'Wrong email or password', ['body', 'password']);

/**
 * Email + password → the user, or a 401 that does not say which was wrong (and takes as long either way).
 * MAX_FAILED_LOGINS failures in a row lock the account for LOCKOUT_MS: a 429 saying when to retry, even
 * with the right password, so guessing cannot go faster than 5 tries a quarter of an hour per account.
 */
export async function logIn(db: Db, now: Date, email: string, password: string): Promise<UsersTable> {
  const user = await findUserByEmail(db, email);
  if (!user) {
    await verifyPassword(password, await decoyHash());
    throw refused();
  }
  if (user.locked_until && user.locked_until > now.toISOString()) {
    const seconds = Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 1000);
    throw new HttpError(
      429,
      'account_locked',
      `Too many failed logins: try again after ${user.locked_until} (in ${Math.ceil(seconds / 60)} min), or reset the password`,
      ['body', 'email'],
      { 'retry-after': String(seconds) },
    );
  }
  if (!(await verifyPassword(password, user.password_hash))) {
    const failures = user.failed_logins + 1;
    const locked = failures >= MAX_FAILED_LOGINS;
    await db
      .updateTable('users')
      .set({
        failed_logins: locked ? 0 : failures,
        locked_until: locked ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : user.locked_until,
        updated_at: now.toISOString(),
      })
      .where('id', '=', user.id)
      .execute();
    throw refused();
  }
  if (user.failed_logins > 0 || user.locked_until) {
    await db
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, updated_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
  }
  return user;
}

export interface NewSession {
  /** The cookie's value: returned once, only its digest is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Db, now: Date, userId: string): Promise<NewSession> {
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db
    .insertInto('sessions')
    .values({
      id: digestOf(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export interface ActiveSession {
  id: string;
  csrfToken: string;
  user: UsersTable;
}

/** The live session a cookie names, with its user; undefined when unknown or expired. */
export async function findSession(db: Db, now: Date, token: string): Promise<ActiveSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id', '=', digestOf(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return undefined;
  const { session_id, csrf_token, expires_at: _e, ...user } = row;
  return { id: session_id, csrfToken: csrf_token, user };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/**
 * A one-time link's secret. A new setup link replaces any open one (only the last printed link works), and
 * a new reset link replaces the user's open reset links.
 */
export async function issueToken(
  db: Db,
  now: Date,
  input: { kind: AccountTokenKind; email?: string | null; tenantId?: string | null; createdBy?: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS[input.kind]);
  const email = input.email ? normalizeEmail(input.email) : null;
  await db.transaction().execute(async (trx) => {
    if (input.kind !== 'invitation') {
      let open = trx
        .updateTable('account_tokens')
        .set({ used_at: now.toISOString() })
        .where('kind', '=', input.kind)
        .where('used_at', 'is', null);
      if (input.kind === 'reset') open = open.where('email', '=', email);
      await open.execute();
    }
    await trx
      .insertInto('account_tokens')
      .values({
        id: digestOf(token),
        kind: input.kind,
        email,
        tenant_id: input.tenantId ?? null,
        created_by: input.createdBy ?? null,
        created_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
        used_at: null,
      })
      .execute();
  });
  return { token, expiresAt };
}

/** A printed reset link for a user by email (`rapport sms|reviews reset-password`). */
export async function issueResetToken(db: Db, now: Date, email: string): Promise<{ token: string; expiresAt: Date }> {
  const user = await findUserByEmail(db, normalizeEmail(email, ['email']));
  if (!user) throw new NotFound(`no user with email ${email}`, ['email']);
  return issueToken(db, now, { kind: 'reset', email: user.email });
}

/** A setup link for the owner, only while the install has no user (what `rapport start` prints). */
export async function setupTokenIfNoUser(db: Db, now: Date): Promise<{ token: string; expiresAt: Date } | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  return issueToken(db, now, { kind: 'setup' });
}

async function openToken(db: Db, now: Date, token: string) {
  const row = await db.selectFrom('account_tokens').selectAll().where('id', '=', digestOf(token)).executeTakeFirst();
  if (!row) throw new NotFound('This link is not valid: ask for a new one', ['path', 'token']);
  if (row.used_at) throw new Gone('This link has already been used', ['path', 'token'], 'token_used');
  if (row.expires_at <= now.toISOString()) throw new Gone(`This link expired at ${row.expires_at}`, ['path', 'token'], 'token_expired');
  if (row.kind === 'setup' && (await countUsers(db)) > 0)
    throw new Gone('This install already has an owner: log in instead', ['path', 'token'], 'token_used');
  return row;
}

export async function inspectToken(db: Db, now: Date, token: string): Promise<{ kind: AccountTokenKind; email: string | null }> {
  const row = await openToken(db, now, token);
  return { kind: row.kind, email: row.email };
}

/**
 * Uses a one-time link: the setup link creates the owner (with the email typed), an invitation creates the
 * invited user (or, for an email that already has an account, checks its password and adds the tenant), a
 * reset sets a new password and ends every session of that user. Single use even under concurrency: the
 * link is claimed by a conditional update inside the transaction.
 */
export async function redeemToken(
  db: Db,
  now: Date,
  token: string,
  input: { email?: string | undefined; password: string },
): Promise<UsersTable> {
  const row = await openToken(db, now, token);
  checkPassword(input.password);
  const email = row.email ?? (input.email !== undefined ? normalizeEmail(input.email) : undefined);
  if (!email) throw new Invalid('email is required for this link', ['body', 'email'], 'missing');
  const existing = row.kind === 'invitation' ? await findUserByEmail(db, email) : undefined;
  if (existing && !(await verifyPassword(input.password, existing.password_hash))) {
    throw new HttpError(401, 'invalid_credentials', `${email} already has an account: enter its password to accept the invitation`, [
      'body',
      'password',
    ]);
  }
  const passwordHash = existing ? existing.password_hash : await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('account_tokens')
      .set({ used_at: now.toISOString() })
      .where('id', '=', row.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new Gone('This link has already been used', ['path', 'token'], 'token_used');
    const at = now.toISOString();
    if (row.kind === 'reset') {
      const user = await findUserByEmail(trx, email);
      if (!user) throw new NotFound(`no user with email ${email}`, ['path', 'token']);
      await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: at })
        .where('id', '=', user.id)
        .execute();
      await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      return { ...user, password_hash: passwordHash, failed_logins: 0, locked_until: null };
    }
    if (row.kind === 'setup' && (await countUsers(trx)) > 0)
      throw new Gone('This install already has an owner: log in instead', ['path', 'token'], 'token_used');
    let user = existing;
    if (!user) {
      if (await findUserByEmail(trx, email)) throw new Conflict(`a user with email ${email} already exists`, ['body', 'email']);
      user = {
        id: newId('usr'),
        email,
        password_hash: passwordHash,
        install_owner: row.kind === 'setup' ? 1 : 0,
        failed_logins: 0,
        locked_until: null,
        created_at: at,
        updated_at: at,
      };
      await trx.insertInto('users').values(user).execute();
    }
    if (row.tenant_id) await grantTenant(trx, now, user.id, row.tenant_id);
    return user;
  });
}

/** Where a one-time link opens in a dashboard served at `origin` (the SPA's /setup/:token page). */
export const accountLinkUrl = (origin: string, token: string): string => `${origin.replace(/\/+$/, '')}/setup/${token}`;
