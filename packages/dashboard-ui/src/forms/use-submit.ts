import { useCallback, useState, type FormEvent } from 'react';
import { formErrorsOf, type FormErrors } from '../api-error.js';

export interface Submit<F extends string> {
  submitting: boolean;
  errors: FormErrors<F>;
  /** The form's onSubmit: runs `action` once at a time and spreads what the server refused over the fields. */
  handle(action: () => Promise<void>): (event: FormEvent<HTMLFormElement>) => void;
  /** Clears a field's message once the person edits it. */
  clear(field: F): void;
}

const none = { fields: {}, form: [] };

/** One way every dashboard form submits, shows the server's messages beside their fields, and disables itself meanwhile. */
export function useSubmit<F extends string>(fields: readonly F[]): Submit<F> {
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<FormErrors<F>>(none);
  const handle = useCallback(
    (action: () => Promise<void>) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (submitting) return;
      setSubmitting(true);
      setErrors(none);
      action()
        .catch((error: unknown) => setErrors(formErrorsOf(error, fields)))
        .finally(() => setSubmitting(false));
    },
    [fields, submitting],
  );
  const clear = useCallback(
    (field: F) =>
      setErrors((e) => {
        if (!e.fields[field]) return e;
        const rest = { ...e.fields };
        delete rest[field];
        return { ...e, fields: rest };
      }),
    [],
  );
  return { submitting, errors, handle, clear };
}
