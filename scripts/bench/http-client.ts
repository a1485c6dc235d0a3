// The load generator's HTTP client to the app.
import { Pool } from 'undici';

export interface HttpResult {
  status: number;
  text: string;
}

export let baseUrl = '';
/**
 * Keep-alive connections to the app. undici's own request API, not fetch: fetch's WHATWG layers cost the load
 * generator about 0.5 ms of CPU per request, taken from the same two cores the app and the database are measured on.
 */
let client: Pool | undefined;

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Where the app listens (http://host:port); set before the first request. */
export function setBaseUrl(url: string): void {
  baseUrl = url;
}

/** Before the app stops: its keep-alive connections would break under the pool. */
export async function closeClient(): Promise<void> {
  await client?.close();
  client = undefined;
}

export async function http(
  method: Method,
  path: string,
  body?: unknown,
  token?: string,
): Promise<HttpResult> {
  client ??= new Pool(baseUrl, { connections: 64, headersTimeout: 30_000, bodyTimeout: 30_000 });
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await client.request({
    method,
    path,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.statusCode, text: await response.body.text() };
}

export async function expectJson<T>(
  method: Method,
  path: string,
  status: number,
  body?: unknown,
  token?: string,
): Promise<T> {
  const result = await http(method, path, body, token);
  if (result.status !== status) {
    throw new Error(
      `${method} ${path}: expected ${status}, got ${result.status}: ${result.text.slice(0, 300)}`,
    );
  }
  return JSON.parse(result.text) as T;
}

export function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === 'string' ? body.message.slice(0, 80) : text.slice(0, 80);
  } catch {
    return text.slice(0, 80);
  }
}
