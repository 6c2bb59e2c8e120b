import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api-error.js';
import { apiPath } from '../api.js';
import { useDashboard } from '../dashboard-config.js';
import { PasswordField } from '../fields/PasswordField.js';
import { FormAlert } from '../forms/FormAlert.js';
import { useSubmit } from '../forms/use-submit.js';
import { CenteredPage } from '../layout/CenteredPage.js';
import { FullPageLoader } from '../layout/FullPage.js';
import { HOME } from '../session/next-path.js';
import { useSession } from '../session/SessionProvider.js';
import { isLinkInfo, linkForm, linkProblem, type LinkInfo } from './setup-link.js';

type Loaded = { status: 'loading' } | { status: 'unusable'; message: string } | { status: 'ready'; info: LinkInfo };
const FIELDS = ['email', 'password'] as const;

/** `/setup/:token`: the owner's setup link, a teammate's invitation or a password reset, each logging the person in. */
export function SetupPage() {
  const { token = '' } = useParams();
  const { api, tenantNoun } = useDashboard();
  const { accept } = useSession();
  const navigate = useNavigate();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useSubmit(FIELDS);

  useEffect(() => {
    let current = true;
    api.get(apiPath`/api/dashboard/tokens/${token}`).then(
      (info) => {
        if (!current) return;
        if (!isLinkInfo(info))
          return setLoaded({ status: 'unusable', message: 'The server answered this link with something unexpected.' });
        setEmail(info.email ?? '');
        setLoaded({ status: 'ready', info });
      },
      (error: unknown) => {
        if (!current) return;
        const message =
          (error instanceof ApiError && linkProblem(error.status)) || (error instanceof Error ? error.message : String(error));
        setLoaded({ status: 'unusable', message });
      },
    );
    return () => {
      current = false;
    };
  }, [api, token]);

  if (loaded.status === 'loading') return <FullPageLoader />;
  if (loaded.status === 'unusable')
    return (
      <CenteredPage heading="This link cannot be used">
        <Alert color="red" variant="light">
          {loaded.message}
        </Alert>
        <Anchor component={Link} to="/login">
          Go to the login page
        </Anchor>
      </CenteredPage>
    );

  const copy = linkForm(loaded.info, tenantNoun);
  const submit = form.handle(async () => {
    accept(await api.post(apiPath`/api/dashboard/tokens/${token}`, copy.body(email, password)));
    void navigate(HOME, { replace: true });
  });
  return (
    <CenteredPage heading={copy.heading} intro={copy.intro}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required={copy.emailEditable}
            readOnly={!copy.emailEditable}
            variant={copy.emailEditable ? 'default' : 'filled'}
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              form.clear('email');
            }}
            error={form.errors.fields.email}
          />
          <PasswordField
            autoComplete="new-password"
            description="At least 10 characters."
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
            Save
          </Button>
        </Stack>
      </form>
    </CenteredPage>
  );
}
