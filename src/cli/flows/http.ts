/** A failed call to the gateway or GitHub. The message never contains what was sent. */
export class OAuthRequestError extends Error {
  override name = 'OAuthRequestError';
  constructor(
    readonly endpoint: string,
    readonly status: number | undefined,
    readonly error: string | undefined,
    readonly errorDescription: string | undefined,
  ) {
    const what = [error, errorDescription].filter(Boolean).join(': ') || 'no error details';
    super(`${endpoint} failed${status === undefined ? '' : ` (HTTP ${status})`}: ${what}`);
  }
}

export interface HttpResponse {
  status: number;
  body: unknown;
}

export interface RequestOptions {
  /** Values sent in this request; they are blanked out of anything echoed back into an error. */
  secrets: readonly (string | undefined)[];
  headers?: Record<string, string>;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

export function postForm(url: string, form: Record<string, string | undefined>, options: RequestOptions) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value !== undefined) body.set(key, value);
  return send('POST', url, body, { 'content-type': 'application/x-www-form-urlencoded' }, options);
}

export function postJson(url: string, json: unknown, options: RequestOptions) {
  return send('POST', url, JSON.stringify(json), { 'content-type': 'application/json' }, options);
}

export function getJson(url: string, options: RequestOptions) {
  return send('GET', url, undefined, {}, options);
}

async function send(
  method: string,
  url: string,
  body: string | URLSearchParams | undefined,
  contentHeaders: Record<string, string>,
  options: RequestOptions,
): Promise<HttpResponse> {
  const endpoint = `${method} ${describeUrl(url)}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      body,
      headers: { accept: 'application/json', ...contentHeaders, ...options.headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (err) {
    throw new OAuthRequestError(endpoint, undefined, 'request_failed', describeNetworkError(err));
  }
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    /* not JSON: keep the text for the error message */
  }
  return { status: response.status, body: parsed };
}

/** Turns a non-2xx response into an error, reading the gateway's (FastAPI) and RFC 6749 error shapes. */
export function responseError(endpoint: string, response: HttpResponse, secrets: RequestOptions['secrets']): OAuthRequestError {
  const { error, description } = errorFields(response.body);
  return new OAuthRequestError(
    endpoint,
    response.status,
    error === undefined ? undefined : clean(error, secrets),
    description === undefined ? undefined : clean(description, secrets),
  );
}

export function errorCode(body: unknown): string | undefined {
  return errorFields(body).error;
}

function errorFields(body: unknown): { error?: string; description?: string } {
  if (typeof body === 'string') return { description: body };
  if (!isObject(body)) return {};
  const detail = body.detail;
  if (isObject(detail)) return pick(detail);
  if (typeof detail === 'string') return { description: detail };
  // FastAPI validation errors echo the submitted values in `input`; report only where and what.
  if (Array.isArray(detail)) {
    const parts = detail.filter(isObject).map((d) => {
      const loc = Array.isArray(d.loc) ? d.loc.join('.') : '';
      return `${loc}: ${typeof d.msg === 'string' ? d.msg : 'invalid'}`;
    });
    return { error: 'invalid_request', description: parts.join('; ') };
  }
  return pick(body);
}

function pick(obj: Record<string, unknown>): { error?: string; description?: string } {
  const out: { error?: string; description?: string } = {};
  if (typeof obj.error === 'string') out.error = obj.error;
  if (typeof obj.error_description === 'string') out.description = obj.error_description;
  return out;
}

function clean(text: string, secrets: RequestOptions['secrets']): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  out = out.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Origin and path only: no credentials or query in messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return 'an invalid URL';
  }
}

function describeNetworkError(err: unknown): string {
  if (err instanceof Error && err.name === 'TimeoutError') return 'timed out';
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : 'network error');
}
