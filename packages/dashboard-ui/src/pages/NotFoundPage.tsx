import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { CenteredPage } from '../layout/CenteredPage.js';

/** The server answers every page address with the dashboard (the SPA fallback), so unknown ones end here. */
export function NotFoundPage() {
  return (
    <CenteredPage heading="Page not found" intro="There is no page at this address.">
      <Anchor component={Link} to="/">
        Go to the dashboard
      </Anchor>
    </CenteredPage>
  );
}
