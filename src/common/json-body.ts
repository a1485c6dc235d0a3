import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { parse as parseContentType } from 'content-type';
import { errorCodes } from 'fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Request bodies are small JSON documents; anything larger, also once decompressed, is refused with 413. */
export const BODY_LIMIT_BYTES = 100 * 1024;

/** What Express's JSON body parser accepted: a compressed body is read decompressed, within the limit. */
const DECOMPRESS = new Map<string, (body: Buffer, options: { maxOutputLength: number }) => Buffer>([
  ['gzip', gunzipSync],
  ['deflate', inflateSync],
  ['br', brotliDecompressSync],
]);

/** A body that cannot be read as JSON text: 415 for an encoding or charset not supported, 422 for a broken one. */
export class RequestBodyError extends Error {
  constructor(
    readonly statusCode: 415 | 422,
    message: string,
    readonly field: string,
    /** what the detail naming `field` says, when it should read otherwise than the message */
    readonly detail = message,
  ) {
    super(message);
  }
}

/** The body's text: decompressed as Content-Encoding says, and only in UTF-8 (JSON's encoding, RFC 8259). */
function bodyText(request: FastifyRequest, body: Buffer): string {
  const charset = parseContentType(request.headers['content-type'] ?? '').parameters.charset;
  if (charset && !/^utf-?8$/i.test(charset)) {
    throw new RequestBodyError(
      415,
      `Charset ${charset.slice(0, 40)} is not supported; send UTF-8`,
      'Content-Type',
    );
  }
  const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  // nothing sent is no body, whatever its encoding is said to be
  if (encoding === 'identity' || body.length === 0) return body.toString('utf8');
  const decompress = DECOMPRESS.get(encoding);
  if (!decompress) {
    throw new RequestBodyError(
      415,
      `Content-Encoding ${encoding.slice(0, 40)} is not supported`,
      'Content-Encoding',
    );
  }
  try {
    return decompress(body, { maxOutputLength: BODY_LIMIT_BYTES }).toString('utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
    throw new RequestBodyError(422, `The request body is not valid ${encoding}`, 'body');
  }
}

/** Valid JSON that is not an object or an array (a string, a number, null): no route's body. */
function isJsonScalar(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * JSON bodies only, as the contract has no other kind. An empty body is no body, whatever its type (a POST to
 * …/cancel may carry the header, or none, and nothing else); a body must be an object or an array, as every
 * route's is; a body of another media type is 415, rather than dropped so that every field seemed missing.
 */
export function readJsonBodies(fastify: FastifyInstance): void {
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = bodyText(request, body as Buffer);
    } catch (error) {
      done(error as Error, undefined);
      return;
    }
    if (text.length === 0) done(null, undefined);
    else if (/^\s*[[{]/.test(text)) void json(request, text, done);
    else if (isJsonScalar(text))
      done(
        new RequestBodyError(422, 'The request body must be a JSON object', 'body', 'must be a JSON object'),
        undefined,
      );
    else done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY(), undefined);
  });
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body, done) => {
    if ((body as Buffer).length === 0) {
      done(null, undefined);
      return;
    }
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().slice(0, 60);
    done(
      new RequestBodyError(
        415,
        `A request body must be sent as application/json${type ? `, not ${type}` : ''}`,
        'Content-Type',
        'must be application/json',
      ),
      undefined,
    );
  });
}
