import { Alert, Button, Center, Loader, Stack } from '@mantine/core';

/** While the session is read: the whole page waits, so no screen flashes its logged-out state. */
export function FullPageLoader() {
  return (
    <Center h="100dvh">
      <Loader aria-label="Loading" />
    </Center>
  );
}

/** The session could not be read (the server is down or failing): say so, and offer to try again. */
export function FullPageError({ message, retry }: { message: string; retry: () => void }) {
  return (
    <Center h="100dvh" p="md">
      <Stack maw={420} w="100%">
        <Alert color="red" title="The dashboard could not load">
          {message}
        </Alert>
        <Button onClick={retry}>Try again</Button>
      </Stack>
    </Center>
  );
}
