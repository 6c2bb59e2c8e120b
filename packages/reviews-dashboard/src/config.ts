import { createApi, type DashboardConfig } from '@rapport/dashboard-ui';

/** The reviews platform names the store in each dashboard request's path or body, so no tenant header. */
export const config: DashboardConfig = {
  title: 'Rapport Reviews',
  tenantNoun: 'store',
  tenantsKey: 'stores',
  storageKey: 'rapport-reviews.store',
  primaryColor: 'teal',
  api: createApi(),
};
