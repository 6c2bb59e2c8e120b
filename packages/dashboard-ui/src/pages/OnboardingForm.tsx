import { Anchor, Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { FormErrors } from '../api-error.js';
import { FormAlert } from '../forms/FormAlert.js';
import { useSubmit } from '../forms/use-submit.js';
import { CenteredPage } from '../layout/CenteredPage.js';
import { LogoutButton } from '../layout/LogoutButton.js';
import { HOME } from '../session/next-path.js';
import { useSession } from '../session/SessionProvider.js';
import type { Tenant } from '../session/tenant-choice.js';

export interface OnboardingFormProps<F extends string> {
  heading: string;
  intro: string;
  submitLabel: string;
  fields: readonly F[];
  /** Posts the new tenant; the form then reads the session again with it selected and goes home. */
  create: () => Promise<Tenant>;
  /** The product's inputs, given the server's messages for them and a way to clear one on edit. */
  children: (errors: FormErrors<F>['fields'], clear: (field: F) => void) => ReactNode;
}

/** The frame of both products' first screen after the first login: create the tenant, then everything else opens. */
export function OnboardingForm<F extends string>({ heading, intro, submitLabel, fields, create, children }: OnboardingFormProps<F>) {
  const { session, refresh } = useSession();
  const navigate = useNavigate();
  const form = useSubmit(fields);
  const hasTenants = (session?.tenants.length ?? 0) > 0;
  const submit = form.handle(async () => {
    const created = await create();
    await refresh({ select: created.id });
    void navigate(HOME, { replace: true });
  });
  return (
    <CenteredPage heading={heading} intro={intro}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {children(form.errors.fields, form.clear)}
          <FormAlert messages={form.errors.form} />
          <Button type="submit" loading={form.submitting} fullWidth>
            {submitLabel}
          </Button>
        </Stack>
      </form>
      <Group justify="space-between" align="center">
        {hasTenants ? (
          <Anchor component={Link} to={HOME} size="sm">
            Back to the dashboard
          </Anchor>
        ) : (
          <span />
        )}
        <LogoutButton size="xs" variant="subtle" />
      </Group>
    </CenteredPage>
  );
}
