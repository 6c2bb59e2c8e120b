import type { NavItem } from '@rapport/dashboard-ui';

/**
 * The reviews dashboard's side menu, in the seed's words (tested in test/nav.test.ts): "Select Mail in the
 * side menu …, then select Sequences", and "Select Settings in the bottom-left corner … From the Settings
 * menu, select Integrations" — so Settings is pinned to the bottom. Reviews, Orders and Customers are the
 * issue's own screens, each a list that opens a page.
 */
export const REVIEWS_NAV: readonly NavItem[] = [
  { label: 'Home', to: '/' },
  { label: 'Reviews', to: '/reviews' },
  { label: 'Orders', to: '/orders' },
  { label: 'Customers', to: '/customers' },
  { label: 'Mail', children: [{ label: 'Sequences', to: '/mail/sequences' }] },
  { label: 'Settings', placement: 'bottom', children: [{ label: 'Integrations', to: '/settings/integrations' }] },
];
