import { createTheme, MantineProvider } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { DashboardConfigProvider, type DashboardConfig } from './dashboard-config.js';
import { SessionProvider } from './session/SessionProvider.js';

/**
 * Everything a dashboard's routes run inside: Mantine with the product's color, the router, the
 * product's config and the session. Light scheme only: following the system's dark mode without a flash
 * needs Mantine's inline color-scheme script, which the dashboards' CSP (`script-src 'self'`) refuses.
 */
export function DashboardRoot({ config, children }: { config: DashboardConfig; children: ReactNode }) {
  const theme = useMemo(() => createTheme({ primaryColor: config.primaryColor, defaultRadius: 'md' }), [config.primaryColor]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <BrowserRouter>
        <DashboardConfigProvider value={config}>
          <SessionProvider>{children}</SessionProvider>
        </DashboardConfigProvider>
      </BrowserRouter>
    </MantineProvider>
  );
}
