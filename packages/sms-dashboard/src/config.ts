import { createApi, type DashboardConfig } from '@rapport/dashboard-ui';

/** The SMS platform names the shop of a dashboard request in a header (its API keys carry it otherwise). */
export const SHOP_HEADER = 'X-Rapport-Shop';

export const config: DashboardConfig = {
  title: 'Rapport SMS',
  tenantNoun: 'shop',
  tenantsKey: 'shops',
  storageKey: 'rapport-sms.shop',
  primaryColor: 'blue',
  api: createApi({ tenantHeader: SHOP_HEADER }),
};
