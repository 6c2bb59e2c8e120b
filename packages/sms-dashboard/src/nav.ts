import type { NavItem } from '@rapport/dashboard-ui';

/**
 * The SMS dashboard's side menu, in Postscript's words (tested in test/nav.test.ts): the first group is the
 * current shop's name — the seed's "Select your Shop Name in the side menu … then select API" — and
 * automations sit under Messaging ("Select Messaging in the side menu … then select Automations").
 */
export function smsNav(shopName: string): NavItem[] {
  return [
    { label: 'Home', to: '/' },
    { label: shopName, children: [{ label: 'API', to: '/api-keys' }] },
    {
      label: 'Messaging',
      children: [
        { label: 'Automations', to: '/automations' },
        { label: 'Messages', to: '/messages' },
      ],
    },
    { label: 'Subscribers', to: '/subscribers' },
    { label: 'Settings', to: '/settings' },
  ];
}
