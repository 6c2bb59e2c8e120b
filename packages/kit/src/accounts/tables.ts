import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Dashboard accounts, the same tables in both services' databases: each product has its own users, as two
 * separate SaaS products would. A "tenant" is the service's unit of ownership — a shop on the SMS platform,
 * a store on the reviews platform. Times are ISO-8601 UTC text.
 */
export interface UsersTable {
  id: string;
  /** Lower-cased and trimmed; unique. */
  email: string;
  /** `scrypt$N$r$p$salt$hash` (passwords.ts). */
  password_hash: string;
  /** 1 for the install's first user: owns every tenant, present and future. Others see their memberships. */
  install_owner: number;
  /** Consecutive failed logins since the last success; past the limit the account is locked for a while. */
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserMembershipsTable {
  user_id: string;
  tenant_id: string;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie's token: a copy of the table cannot be replayed as cookies. */
  id: string;
  user_id: string;
  /** The synchronizer token every state-changing request of this session must echo in `X-CSRF-Token`. */
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export type AccountTokenKind = 'setup' | 'invitation' | 'reset';

/** One-time links: the owner's setup link, a teammate's invitation, a password reset. */
export interface AccountTokensTable {
  /** SHA-256 (hex) of the token in the link. */
  id: string;
  kind: AccountTokenKind;
  /** Who the link is for (invitation, reset); null for the setup link, where the owner types it. */
  email: string | null;
  /** The tenant an invitation gives access to. */
  tenant_id: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AccountsSchema {
  users: UsersTable;
  user_memberships: UserMembershipsTable;
  sessions: SessionsTable;
  account_tokens: AccountTokensTable;
}

/** The accounts tables, with memberships tied to the service's tenant table (`shops`, `stores`). */
export function accountsMigration(tenantTable: string): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('install_owner', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('user_memberships')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('tenant_id', 'text', (c) => c.notNull().references(`${tenantTable}.id`).onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_memberships_pk', ['user_id', 'tenant_id'])
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema
        .createTable('account_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('tenant_id', 'text', (c) => c.references(`${tenantTable}.id`).onDelete('cascade'))
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      // "Is there still an open setup link?" and the reset look-up by email.
      await db.schema
        .createIndex('account_tokens_open')
        .on('account_tokens')
        .columns(['kind', 'email'])
        .where(sql<boolean>`used_at is null`)
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['account_tokens', 'sessions', 'user_memberships', 'users']) await db.schema.dropTable(t).execute();
    },
  };
}
