// HTTP conventions shared by every module: validation, the error shape, identity headers.
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError } from './errors.ts';
import { ipPrefix } from '../moderation/phases/identity.ts';
import { keyedHash } from './secrets.ts';

// Bodies are validated strictly (a number where a string belongs is an error, not
// coerced); query strings and headers are text, so they are coerced.
function ajv(options: Options) {
  const instance = new Ajv({ allErrors: false, removeAdditional: true, useDefaults: true, ...options });
  (addFormats as unknown as (a: Ajv) => void)(instance);
  instance.addKeyword({ keyword: 'x-examples' });
  return instance;
}

export function installValidation(app: FastifyInstance): void {
  const strict = ajv({ coerceTypes: false });
  const coercing = ajv({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
}

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

function fieldOf(error: FastifyError): string | undefined {
  const first = error.validation?.[0];
  if (!first) return undefined;
  const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const missing = (first.params as { missingProperty?: string }).missingProperty;
  const field = [path, missing].filter(Boolean).join('.');
  return field || error.validationContext;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return reply.code(error.status).send(errorBody(error.code, error.message, error.field));
    }
    if (error.validation) {
      const field = fieldOf(error);
      const message = `${field ?? error.validationContext ?? 'request'} ${error.validation[0]?.message ?? 'is invalid'}`;
      return reply.code(400).send(errorBody('invalid_request', message, field));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: bad JSON, too large, wrong content type.
      return reply.code(status).send(errorBody(clientErrorCode(error), error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(errorBody('internal', 'Something went wrong on our side'));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(errorBody('not_found', `No route for ${request.method} ${request.url.split('?')[0]}`));
  });
  // Node answers an Expect header other than 100-continue itself, with an empty 417.
  app.server.on('checkExpectation', (_request, response) => {
    response.writeHead(417, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(errorBody('expectation_failed', 'Only "Expect: 100-continue" is supported')));
  });
}

/**
 * Fastify option `frameworkErrors`: the router's own rejections (a URL that is not valid
 * percent-encoding, a path segment over maxParamLength), in the same shape as every error.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    reply.code(414).send(errorBody('url_too_long', 'A path segment of the URL is too long'));
  } else if (error.code === 'FST_ERR_BAD_URL') {
    reply.code(400).send(errorBody('bad_url', 'The URL is not valid percent-encoding'));
  } else {
    reply.log.error({ err: error }, 'router error');
    reply.code(500).send(errorBody('internal', 'Something went wrong on our side'));
  }
}

const CLIENT_ERRORS: Record<string, [status: number, code: string, message: string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'timeout', 'The request took too long to arrive'],
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'The request headers are too large'],
};

/**
 * Fastify option `clientErrorHandler`: requests Node's HTTP parser rejects before any route
 * runs (broken framing, bad header bytes, oversized headers). Written to the socket directly,
 * as Fastify's default does, but with our error body.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'bad_request', 'The request is not valid HTTP'];
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function clientErrorCode(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'invalid_json';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'body_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    default:
      return 'bad_request';
  }
}

export function errorBody(code: string, message: string, field?: string): ErrorBody {
  return { error: field ? { code, message, field } : { code, message } };
}

const VISITOR = /^[A-Za-z0-9_-]{16,128}$/;

/** The keyed hash of the browser's visitor token, or null when none was sent. */
export function visitorKey(request: FastifyRequest, secret: string): string | null {
  const raw = request.headers['x-colloquy-visitor'];
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || !VISITOR.test(raw)) {
    throw new AppError(400, 'invalid_visitor', 'X-Colloquy-Visitor must be 16 to 128 base64url characters', 'X-Colloquy-Visitor');
  }
  return keyedHash(secret, 'visitor', raw);
}

export function ipHash(request: FastifyRequest, secret: string): string {
  return keyedHash(secret, 'ip', request.ip);
}

/** Keyed hash of the client's network (IPv4 /24, IPv6 /48), for bans on a range; null when the address is not an IP. */
export function ipPrefixHash(request: FastifyRequest, secret: string): string | null {
  const prefix = ipPrefix(request.ip);
  return prefix === null ? null : keyedHash(secret, 'ip-prefix', prefix);
}

export function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

export type { FastifyReply };
