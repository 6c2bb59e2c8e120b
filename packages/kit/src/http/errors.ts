/**
 * Errors at the HTTP boundary, in Postscript's validation shape
 * (`{"errors":[{"loc":[…],"msg":…,"type":…}]}`), so every 4xx names the field at fault.
 */
export interface ErrorItem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly type: string,
    message: string,
    readonly loc: (string | number)[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): { errors: ErrorItem[] } {
    return { errors: [{ loc: this.loc, msg: this.message, type: this.type }] };
  }
}

export const badRequest = (msg: string, loc: (string | number)[] = [], type = 'value_error') => new HttpError(400, type, msg, loc);
export const unauthorized = (msg: string) => new HttpError(401, 'unauthorized', msg);
export const forbidden = (msg: string) => new HttpError(403, 'access_denied', msg);
export const notFound = (msg: string, loc: (string | number)[] = []) => new HttpError(404, 'not_found', msg, loc);
export const conflict = (msg: string, loc: (string | number)[] = []) => new HttpError(409, 'conflict', msg, loc);
export const unprocessable = (msg: string, loc: (string | number)[] = []) => new HttpError(422, 'unprocessable', msg, loc);
