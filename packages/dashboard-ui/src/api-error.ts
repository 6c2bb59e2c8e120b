/**
 * A refused or failed API call. Both services answer every 4xx/5xx as `{"errors":[{loc,msg,type}]}`
 * (kit `http/families.ts`), where `loc` names the fault (`["body","email"]`); the items are kept so a form
 * can show each message next to the field it names.
 */
export interface ApiErrorItem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export class ApiError extends Error {
  constructor(
    /** The HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    readonly items: ApiErrorItem[],
  ) {
    super(items.map((i) => i.msg).join('; ') || `Request failed (${status})`);
    this.name = 'ApiError';
  }
}

const isItem = (v: unknown): v is ApiErrorItem => {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return Array.isArray(o['loc']) && typeof o['msg'] === 'string' && typeof o['type'] === 'string';
};

/**
 * The error of a non-2xx answer. A body without the items (a proxy's HTML page, an empty 502) still
 * gives an error a person can read, naming the status.
 */
export function apiErrorOf(status: number, body: unknown): ApiError {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['errors'] : undefined;
  const items = Array.isArray(raw) ? raw.filter(isItem) : [];
  if (items.length > 0) return new ApiError(status, items);
  return new ApiError(status, [{ loc: [], msg: fallbackMessage(status), type: 'http_error' }]);
}

function fallbackMessage(status: number): string {
  if (status === 0) return 'Could not reach the server. Check your connection and try again.';
  if (status === 401) return 'You are not logged in.';
  if (status === 403) return 'You do not have access to this.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many attempts. Wait a moment and try again.';
  if (status >= 500) return `The server failed to answer (${status}). Try again in a moment.`;
  return `Request failed (${status}).`;
}

/** Messages by form field, plus the rest for the top of the form. */
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  /** Messages that name no field of this form (a lockout, a 500, a fault at `["header",…]`). */
  form: string[];
}

/**
 * Splits an error's items between the form's fields (`loc` = `["body", field, …]`) and the form as a
 * whole. A field named twice keeps both messages, joined. Anything that is not an ApiError (a bug in the
 * page) is shown at the form too, so a submit never fails silently.
 */
export function formErrorsOf<F extends string>(error: unknown, fields: readonly F[]): FormErrors<F> {
  const out: FormErrors<F> = { fields: {}, form: [] };
  if (!(error instanceof ApiError)) {
    out.form.push(error instanceof Error ? error.message : String(error));
    return out;
  }
  for (const item of error.items) {
    const [where, field] = item.loc;
    const known = where === 'body' && typeof field === 'string' && (fields as readonly string[]).includes(field);
    if (known) {
      const f = field as F;
      out.fields[f] = out.fields[f] ? `${out.fields[f]}; ${item.msg}` : item.msg;
    } else out.form.push(item.msg);
  }
  return out;
}
