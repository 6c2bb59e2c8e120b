import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api-error.js';
import { useDashboard } from '../dashboard-config.js';
import { tenantMemory } from './remembered-tenant.js';
import { sessionOf, type Session } from './session.js';
import { chooseTenant, type Tenant } from './tenant-choice.js';

export type SessionState<T extends Tenant> =
  | { status: 'loading' }
  /** `ended`: a request was refused with 401 while logged in (the session expired or was revoked). */
  | { status: 'anonymous'; reason: 'none' | 'logged_out' | 'ended' }
  /** The session could not be read at all (server down, a 5xx): not the same as logged out. */
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; session: Session<T> };

export interface SessionValue<T extends Tenant> {
  state: SessionState<T>;
  session: Session<T> | undefined;
  /** The selected tenant; undefined while the user has none (onboarding). */
  tenant: T | undefined;
  selectTenant(id: string): void;
  /** Takes the session from an answer that carries one (login, a setup link). */
  accept(body: unknown): void;
  /** Reads the session again (after creating a tenant); `select` makes that tenant the selected one. */
  refresh(options?: { select?: string }): Promise<void>;
  /** Ends the session on the server; throws (and stays logged in) if the server could not be told. */
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionValue<Tenant> | null>(null);

export const SESSION_PATH = '/api/dashboard/session';
export const LOGOUT_PATH = '/api/dashboard/logout';

/**
 * The session of the dashboard: read once at start, replaced by login and setup answers, dropped on
 * logout or on any 401. The API client's CSRF token and tenant are set in the same step as the state,
 * never in an effect: children's effects run before their parent's, and a page's first request must
 * already carry them.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { api, tenantsKey, storageKey } = useDashboard();
  const memory = useMemo(() => tenantMemory(storageKey), [storageKey]);
  const [state, setState] = useState<SessionState<Tenant>>({ status: 'loading' });
  const [tenantId, setTenantId] = useState<string | null>(() => memory.read());
  const ready = useRef(false);

  const apply = useCallback(
    (session: Session<Tenant> | null, select: string | null, next?: SessionState<Tenant>) => {
      api.setCsrfToken(session?.csrfToken ?? null);
      const tenant = session ? chooseTenant(session.tenants, select) : undefined;
      api.setTenant(tenant?.id ?? null);
      if (tenant) {
        memory.write(tenant.id);
        setTenantId(tenant.id);
      }
      ready.current = session !== null;
      setState(session ? { status: 'ready', session } : (next ?? { status: 'anonymous', reason: 'none' }));
    },
    [api, memory],
  );

  const load = useCallback(
    async (select: string | null) => {
      try {
        apply(sessionOf(await api.get(SESSION_PATH), tenantsKey), select);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) apply(null, select);
        else {
          const failure = error instanceof ApiError ? error : new ApiError(0, [{ loc: [], msg: String(error), type: 'client_error' }]);
          apply(null, select, { status: 'failed', error: failure });
        }
      }
    },
    [api, apply, tenantsKey],
  );

  useEffect(() => {
    void load(memory.read());
  }, [load, memory]);

  useEffect(
    () =>
      api.onUnauthorized(() => {
        if (ready.current) apply(null, null, { status: 'anonymous', reason: 'ended' });
      }),
    [api, apply],
  );

  const session = state.status === 'ready' ? state.session : undefined;
  const value = useMemo<SessionValue<Tenant>>(
    () => ({
      state,
      session,
      tenant: session ? chooseTenant(session.tenants, tenantId) : undefined,
      selectTenant: (id) => {
        if (session?.tenants.some((t) => t.id === id)) apply(session, id);
      },
      accept: (body) => apply(sessionOf(body, tenantsKey), tenantId),
      refresh: (options) => load(options?.select ?? tenantId),
      logout: async () => {
        try {
          await api.post(LOGOUT_PATH);
        } catch (error) {
          // Already logged out on the server: the same outcome.
          if (!(error instanceof ApiError && error.status === 401)) throw error;
        }
        apply(null, null, { status: 'anonymous', reason: 'logged_out' });
      },
    }),
    [state, session, tenantId, apply, load, api, tenantsKey],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session; T is the product's tenant (the SMS dashboard's shop, the reviews dashboard's store). */
export function useSession<T extends Tenant = Tenant>(): SessionValue<T> {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value as unknown as SessionValue<T>;
}
