import { useSession } from '@rapport/dashboard-ui';
import type { DashboardStore } from '@rapport/reviews/schemas';

/** A store as the session lists it (`GET /api/dashboard/session` → `stores`) and `POST /api/dashboard/stores` answers. */
export type Store = DashboardStore;

/**
 * The current store, for the screens inside the app shell. They always have one: RequireSession sends a
 * user without a store to onboarding, and AppShell renders no screen until the session names a tenant.
 */
export function useStore(): Store {
  const { tenant } = useSession<Store>();
  if (!tenant) throw new Error('a store screen rendered without a current store');
  return tenant;
}
