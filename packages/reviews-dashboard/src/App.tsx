import { AppShell, DashboardRoot, LoginPage, NotFoundPage, RequireSession, SetupPage } from '@rapport/dashboard-ui';
import { Route, Routes } from 'react-router';
import { config } from './config.js';
import { REVIEWS_NAV } from './nav.js';
import { CustomerPage } from './pages/customers/CustomerPage.js';
import { CustomersPage } from './pages/customers/CustomersPage.js';
import { HomePage } from './pages/HomePage.js';
import { SequenceEditorPage } from './pages/mail/SequenceEditorPage.js';
import { SequencesPage } from './pages/mail/SequencesPage.js';
import { OnboardingPage } from './pages/OnboardingPage.js';
import { OrderPage } from './pages/orders/OrderPage.js';
import { OrdersPage } from './pages/orders/OrdersPage.js';
import { ReviewPage } from './pages/reviews/ReviewPage.js';
import { ReviewsPage } from './pages/reviews/ReviewsPage.js';
import { IntegrationsPage } from './pages/settings/IntegrationsPage.js';

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
          <Route element={<AppShell nav={REVIEWS_NAV} />}>
            <Route index element={<HomePage />} />
            <Route path="/reviews" element={<ReviewsPage />} />
            <Route path="/reviews/:reviewId" element={<ReviewPage />} />
            <Route path="/orders" element={<OrdersPage />} />
            <Route path="/orders/:orderId" element={<OrderPage />} />
            <Route path="/customers" element={<CustomersPage />} />
            <Route path="/customers/:customerId" element={<CustomerPage />} />
            <Route path="/mail/sequences" element={<SequencesPage />} />
            <Route path="/mail/sequences/:sequenceId" element={<SequenceEditorPage />} />
            <Route path="/settings/integrations" element={<IntegrationsPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </DashboardRoot>
  );
}
