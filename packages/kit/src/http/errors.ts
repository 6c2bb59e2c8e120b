import type { DomainError, Loc } from '../errors.js';

/**
 * Errors at the HTTP boundary. Every 4xx names what is at fault: `{loc, msg, type}` items
 * (`loc` = ["body","phone_number"], ["header","authorization"], ["query","page"], …). How the items are
 * written out depends on the route's API family (see families.ts); the items themselves are the same.
 */
export interface ErrorItem {
  loc: Loc;
  msg: string;
  type: string;
}

export class HttpError extends Error {
  readonly items: ErrorItem[];
  constructor(
    readonly statusCode: number,
    readonly type: string,
    message: string,
    readonly loc: Loc = [],
    readonly headers: Record<string, string> = {},
    items?: ErrorItem[],
  ) {
    super(message);
    this.items = items && items.length > 0 ? items : [{ loc, msg: message, type }];
  }

  /** One 4xx carrying several problems at once (e.g. every malformed field of a webhook payload). */
  static of(statusCode: number, items: ErrorItem[]): HttpError {
    const first = items[0] ?? { loc: [], msg: 'invalid request', type: 'value_error' };
    return new HttpError(statusCode, first.type, items.map((i) => i.msg).join('; '), first.loc, {}, items);
  }
}

/** HTTP-level refusals (authentication, authorisation): never thrown by domain code. */
export const unauthorized = (msg: string, loc: Loc = ['header', 'authorization']) =>
  new HttpError(401, 'unauthorized', msg, loc, { 'www-authenticate': 'Bearer' });
export const forbidden = (msg: string, loc: Loc = []) => new HttpError(403, 'access_denied', msg, loc);

const STATUS: Record<DomainError['kind'], number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  gone: 410,
  unprocessable: 422,
};
const DEFAULT_TYPE: Record<DomainError['kind'], string> = {
  invalid: 'value_error',
  not_found: 'not_found',
  conflict: 'conflict',
  gone: 'gone',
  unprocessable: 'unprocessable',
};

/** The standard mapping of a domain error to its response; services call it from their `api/errors.ts`. */
export function httpErrorOf(err: DomainError): HttpError {
  return new HttpError(STATUS[err.kind], err.code ?? DEFAULT_TYPE[err.kind], err.message, err.loc);
}
