/**
 * Maps errors to HTTP responses: EngineError codes → status, zod/HTTP problems → 4xx with a clear
 * message, anything else → 500 without details. Clients never see stack traces.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { isEngineError, type ErrorCode } from '../core/errors.ts';

/** An error the API raises on purpose (bad request, not found), with the message the client sees. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: { readonly status: number; readonly code: string; readonly message: string };
}

/** Partial: a code added later without a mapping answers 500. */
const STATUS_BY_CODE: Readonly<Partial<Record<ErrorCode, number>>> = {
  'input/empty': 400,
  'input/too-large': 413,
  'input/binary': 415,
  'input/undecodable': 415,
  'input/malformed': 422,
  'input/not-found': 404,
  'store/not-found': 404,
  'store/failed': 500,
  'usage/invalid': 400,
  'model/missing': 503,
  'analyze/failed': 422,
};

/** HTTP status for an engine error code (500 for codes added later without a mapping). */
export function statusForCode(code: string): number {
  return (STATUS_BY_CODE as Record<string, number>)[code] ?? 500;
}

/** Fastify's own 4xx errors (body too large, bad JSON, wrong content type) keep their status, with a plain message. */
function fastifyClientError(error: FastifyError): ErrorBody | null {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return null;
  const code =
    error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
      ? 'body-too-large'
      : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? 'unsupported-media-type'
        : error.code?.startsWith('FST_ERR_CTP') || error.name === 'SyntaxError'
          ? 'invalid-body'
          : 'bad-request';
  return { error: { status, code, message: error.message } };
}

/** The response for any thrown value. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof HttpError) return { error: { status: error.status, code: error.code, message: error.message } };
  if (isEngineError(error)) {
    const status = statusForCode(error.code);
    // A 500 from the store says what failed but not the SQL detail.
    const message = status >= 500 ? 'The server could not complete the request.' : error.message;
    return { error: { status, code: error.code, message } };
  }
  const client = error !== null && typeof error === 'object' ? fastifyClientError(error as FastifyError) : null;
  return client ?? { error: { status: 500, code: 'internal', message: 'The server could not complete the request.' } };
}

/** Installs the error and not-found handlers on `app`. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const body = toErrorBody(error);
    if (body.error.status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.status(body.error.status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: {
        status: 404,
        code: 'not-found',
        message: `No route for ${request.method} ${request.url.split('?')[0]}.`,
      },
    };
    void reply.status(404).send(body);
  });
}
