import { useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * Whether the window is narrower than Mantine's `sm` breakpoint: where AppShell puts the menu behind the
 * burger, and where a screen shows a list of cards instead of a table too wide for a phone. Read at the
 * first render (the dashboards render only in a browser), so a phone never flashes the table first.
 */
export function usePhoneLayout(): boolean {
  const theme = useMantineTheme();
  // The exact complement of `hiddenFrom="sm"` (which hides from this min-width up).
  return !useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, true, { getInitialValueInEffect: false });
}
