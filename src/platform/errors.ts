// One error type for every expected failure; the HTTP layer maps it to
// { error: { code, message, field? } } with its status.
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly headers?: Record<string, string>;

  constructor(status: number, code: string, message: string, field?: string, headers?: Record<string, string>) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.headers = headers;
  }
}

export const badRequest = (code: string, message: string, field?: string) => new AppError(400, code, message, field);
export const notFound = (code: string, message: string) => new AppError(404, code, message);
export const forbidden = (code: string, message: string) => new AppError(403, code, message);
export const conflict = (code: string, message: string, field?: string) => new AppError(409, code, message, field);
