import { Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { InvitationView } from '@rapport/kit/accounts/schemas';
import { useState } from 'react';
import { FormAlert } from '../forms/FormAlert.js';
import { useSubmit } from '../forms/use-submit.js';

/** The answer of `POST /api/dashboard/invitations`. */
export type Invitation = InvitationView;

const FIELDS = ['email'] as const;

/**
 * The Team section: an invitation is a one-time link made for one email, which the person sends to their
 * teammate themselves (the install sends no email). `create` posts it the product's way (the SMS platform
 * names the shop in a header, the reviews platform in the body).
 */
export function InviteTeammate({ create, tenantName }: { create: (email: string) => Promise<Invitation>; tenantName: string }) {
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const form = useSubmit(FIELDS);

  const submit = form.handle(async () => {
    setInvitation(await create(email));
  });
  const reset = () => {
    setInvitation(null);
    setEmail('');
    setOpen(true);
  };

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="team-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="team-heading">
          Team
        </Title>
        <Text size="sm" c="dimmed">
          Invite a teammate to work in {tenantName}. They get a link to choose their password.
        </Text>
        {invitation ? (
          <Stack gap="xs">
            <TextInput label="Invitation link" readOnly value={invitation.url} onFocus={(e) => e.currentTarget.select()} />
            <Text size="xs" c="dimmed">
              For {email}. It works once, until {new Date(invitation.expires_at).toLocaleString()}.
            </Text>
            <Group gap="xs">
              <CopyButton value={invitation.url}>
                {({ copied, copy }) => (
                  <Button aria-label="Copy link" color={copied ? 'teal' : undefined} onClick={copy}>
                    {copied ? 'Copied' : 'Copy link'}
                  </Button>
                )}
              </CopyButton>
              <Button variant="default" onClick={reset}>
                Invite another
              </Button>
            </Group>
          </Stack>
        ) : open ? (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <TextInput
                label="Email"
                type="email"
                autoComplete="off"
                required
                value={email}
                onChange={(e) => {
                  setEmail(e.currentTarget.value);
                  form.clear('email');
                }}
                error={form.errors.fields.email}
              />
              <FormAlert messages={form.errors.form} />
              <Group gap="xs">
                <Button type="submit" loading={form.submitting}>
                  Create invitation link
                </Button>
                <Button variant="default" onClick={() => setOpen(false)} disabled={form.submitting}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Group>
            <Button variant="light" onClick={() => setOpen(true)}>
              Invite teammate
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
