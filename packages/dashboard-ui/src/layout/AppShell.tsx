import { Anchor, AppShell as MantineAppShell, Burger, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { capitalized, useDashboard } from '../dashboard-config.js';
import { useSession } from '../session/SessionProvider.js';
import { LogoutButton } from './LogoutButton.js';
import { NavEntries } from './NavEntries.js';
import { byPlacement, type NavItem } from './nav.js';
import { TenantSwitcher } from './TenantSwitcher.js';

export interface AppShellProps {
  nav: readonly NavItem[];
  /**
   * The tenant's name above the menu; default true. False where the menu itself starts with it (the SMS
   * dashboard's first group is the shop's name, as in Postscript), so the name is not shown twice.
   */
  tenantHeading?: boolean;
}

/**
 * The frame of every screen inside a tenant: a header with the product, the tenant and its switcher, and a
 * side menu that starts with the tenant's name; items placed at the bottom sit above the account. Below
 * Mantine's `sm` breakpoint (a phone) the menu is a drawer behind a burger; following a link closes it,
 * opening a group does not. Screens render in the outlet, keyed by tenant, so a switch starts every
 * screen afresh instead of showing one tenant's data under another's name.
 */
export function AppShell({ nav, tenantHeading = true }: AppShellProps) {
  const { title, tenantNoun } = useDashboard();
  const { session, tenant } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  if (!session || !tenant) return null;
  const { top, bottom } = byPlacement(nav);

  return (
    <MantineAppShell header={{ height: 56 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <MantineAppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close menu' : 'Open menu'} />
            <Anchor component={Link} to="/" fw={700} c="inherit" underline="never" style={{ whiteSpace: 'nowrap' }}>
              {title}
            </Anchor>
          </Group>
          <TenantSwitcher />
        </Group>
      </MantineAppShell.Header>

      <MantineAppShell.Navbar p="md" aria-label="Main menu">
        {tenantHeading ? (
          <MantineAppShell.Section mb="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {capitalized(tenantNoun)}
            </Text>
            <Text fw={600} size="lg" lineClamp={2}>
              {tenant.name}
            </Text>
          </MantineAppShell.Section>
        ) : null}
        <MantineAppShell.Section grow component={ScrollArea}>
          <NavEntries items={top} pathname={pathname} onNavigate={close} />
        </MantineAppShell.Section>
        {bottom.length > 0 ? (
          <MantineAppShell.Section pt="xs" pb="sm">
            <NavEntries items={bottom} pathname={pathname} onNavigate={close} />
          </MantineAppShell.Section>
        ) : null}
        <MantineAppShell.Section>
          <Stack gap={6} pt="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <Text size="sm" c="dimmed" truncate="end" title={session.user.email}>
              {session.user.email}
            </Text>
            <LogoutButton />
          </Stack>
        </MantineAppShell.Section>
      </MantineAppShell.Navbar>

      <MantineAppShell.Main>
        <Outlet key={tenant.id} />
      </MantineAppShell.Main>
    </MantineAppShell>
  );
}
