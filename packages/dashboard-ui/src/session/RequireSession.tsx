import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageError, FullPageLoader } from '../layout/FullPage.js';
import { loginPath } from './next-path.js';
import { useSession } from './SessionProvider.js';

export const ONBOARDING_PATH = '/onboarding';

/**
 * The route guard. Logged out → `/login?next=<this page>` (plain `/login` after pressing Log out, where
 * coming back to the same page is not what was asked). `needsTenant`: a user with no shop or store yet is
 * sent to onboarding, since every other screen works inside one.
 */
export function RequireSession({ needsTenant }: { needsTenant: boolean }) {
  const { state, tenant, refresh } = useSession();
  const location = useLocation();
  switch (state.status) {
    case 'loading':
      return <FullPageLoader />;
    case 'failed':
      return <FullPageError message={state.error.message} retry={() => void refresh()} />;
    case 'anonymous': {
      const to = state.reason === 'logged_out' ? '/login' : loginPath(location.pathname + location.search + location.hash);
      return <Navigate to={to} replace state={{ ended: state.reason === 'ended' }} />;
    }
    case 'ready':
      if (needsTenant && !tenant) return <Navigate to={ONBOARDING_PATH} replace />;
      return <Outlet />;
    default: {
      const never: never = state;
      throw new Error(`unknown session state ${JSON.stringify(never)}`);
    }
  }
}
