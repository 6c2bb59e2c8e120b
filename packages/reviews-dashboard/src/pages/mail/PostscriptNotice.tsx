import { Alert, Anchor } from '@mantine/core';
import { useDashboard, useLoad } from '@rapport/dashboard-ui';
import type { IntegrationView } from '@rapport/reviews/schemas';
import { Link } from 'react-router';
import type { StoreApi } from '../../store-api.js';

/**
 * On the sequence screens, while Postscript is not connected or refuses the saved key: a sequence may be
 * built and started meanwhile, but its review requests are skipped until a working key is saved.
 */
export function PostscriptNotice({ paths }: { paths: StoreApi }) {
  const { api } = useDashboard();
  const { data: view } = useLoad(() => api.get<IntegrationView>(paths.postscript), [api, paths]);
  if (!view || (view.connected && view.status !== 'needs_attention')) return null;
  return (
    <Alert color="yellow" variant="light" title={view.connected ? 'Postscript needs attention' : 'Postscript is not connected'}>
      Review requests to Postscript are skipped until a working Private API Key is saved in{' '}
      <Anchor component={Link} to="/settings/integrations" inherit>
        Settings → Integrations
      </Anchor>
      .
    </Alert>
  );
}
