import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/**
 * A password input labelled "Password". Mantine names its show/hide toggle "Toggle password visibility";
 * that name contains "password", so a label query for the field would find two controls. The toggle is
 * renamed, and stays out of the tab order (Mantine's default) so Tab goes from the field to the button.
 * Mantine 9 marks an errored password input only with `data-invalid` (its `aria-invalid` lands on the
 * wrapper), so a screen reader would not hear that the field was refused: it is set on the input here.
 */
export function PasswordField(props: Omit<PasswordInputProps, 'label'>) {
  return (
    <PasswordInput
      label="Password"
      visibilityToggleButtonProps={{ 'aria-label': 'Show the characters typed' }}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}
