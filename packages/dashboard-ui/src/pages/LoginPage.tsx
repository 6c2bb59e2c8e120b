import { Alert, Button, Stack, TextInput } from '@mantine/core';
import type { LoginBody } from '@rapport/kit/accounts/schemas';
import { useState } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { useDashboard } from '../dashboard-config.js';
import { FormAlert } from '../forms/FormAlert.js';
import { useSubmit } from '../forms/use-submit.js';
import { PasswordField } from '../fields/PasswordField.js';
import { CenteredPage } from '../layout/CenteredPage.js';
import { FullPageLoader } from '../layout/FullPage.js';
import { safeNext } from '../session/next-path.js';
import { useSession } from '../session/SessionProvider.js';

export const LOGIN_PATH = '/api/dashboard/login';
const FIELDS = ['email', 'password'] as const;

/** Email and password; on success, back to the page the guard came from (`?next=`), already logged in or not. */
export function LoginPage() {
  const { api } = useDashboard();
  const { state, accept } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useSubmit(FIELDS);
  const ended = (location.state as { ended?: boolean } | null)?.ended === true;

  if (state.status === 'loading') return <FullPageLoader />;
  if (state.status === 'ready') return <Navigate to={next} replace />;

  const submit = form.handle(async () => {
    // The session becomes ready and the render above sends the person on to `next`.
    accept(await api.post(LOGIN_PATH, { email, password } satisfies LoginBody));
  });
  return (
    <CenteredPage heading="Log in">
      {ended ? (
        <Alert color="yellow" variant="light">
          Your session ended. Log in again to continue.
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              form.clear('email');
            }}
            error={form.errors.fields.email}
          />
          <PasswordField
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              form.clear('password');
            }}
            error={form.errors.fields.password}
          />
          <FormAlert messages={form.errors.form} />
          <Button type="submit" loading={form.submitting} fullWidth>
            Log in
          </Button>
        </Stack>
      </form>
    </CenteredPage>
  );
}
