import { MessagesPage } from './pages/messages/MessagesPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { SubscriberPage } from './pages/subscribers/SubscriberPage.js';
import { SubscribersPage } from './pages/subscribers/SubscribersPage.js';
import { AppShell, DashboardRoot, LoginPage, NotFoundPage, RequireSession, SetupPage, useSession } from '@rapport/dashboard-ui';
import { lazy, Suspense, useMemo } from 'react';
import { Route, Routes } from 'react-router';
import { config } from './config.js';
import { smsNav } from './nav.js';
import { ApiKeysPage } from './pages/api-keys/ApiKeysPage.js';
import { AutomationsPage } from './pages/automations/AutomationsPage.js';
import { ChooseAutomationPage } from './pages/automations/ChooseAutomationPage.js';
import { CustomAutomationPage } from './pages/automations/CustomAutomationPage.js';
import { EditAutomationPage } from './pages/automations/EditAutomationPage.js';
import { NewFlowPage } from './pages/flows/NewFlowPage.js';
import { HomePage } from './pages/HomePage.js';
import { OnboardingPage } from './pages/OnboardingPage.js';
import type { Shop } from './shop.js';

/** The builder brings React Flow (its own file, ~60 kB gzipped): loaded when a flow is opened. */
const FlowBuilderPage = lazy(() => import('./pages/flows/FlowBuilderPage.js').then((m) => ({ default: m.FlowBuilderPage })));

/** The app shell with the menu of the current shop, whose name heads it (so no separate heading). */
function ShopShell() {
  const { tenant } = useSession<Shop>();
  const name = tenant?.name ?? '';
  const nav = useMemo(() => smsNav(name), [name]);
  return <AppShell nav={nav} tenantHeading={false} />;
}

export function App() {
  return (
    <DashboardRoot config={config}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/setup/:token" element={<SetupPage />} />
        <Route element={<RequireSession needsTenant={false} />}>
          <Route path="/onboarding" element={<OnboardingPage />} />
        </Route>
        <Route element={<RequireSession needsTenant />}>
          <Route element={<ShopShell />}>
            <Route index element={<HomePage />} />
            <Route path="/api-keys" element={<ApiKeysPage />} />
            <Route path="/automations" element={<AutomationsPage />} />
            <Route path="/automations/new" element={<ChooseAutomationPage />} />
            <Route path="/automations/new/custom" element={<CustomAutomationPage />} />
            <Route path="/automations/:id" element={<EditAutomationPage />} />
            <Route path="/automations/new/flow" element={<NewFlowPage />} />
            <Route
              path="/flows/:id"
              element={
                <Suspense fallback={null}>
                  <FlowBuilderPage />
                </Suspense>
              }
            />
            <Route path="/subscribers" element={<SubscribersPage />} />
            <Route path="/subscribers/:id" element={<SubscriberPage />} />
            <Route path="/messages" element={<MessagesPage />} />
            <Route path="/settings" element={<SettingsPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </DashboardRoot>
  );
}
