import { createHash, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type RequestListener, type Server, type ServerResponse, createServer } from 'node:http';
import type { Metrics } from '../metrics/registry.js';

export interface MetricsAccess {
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token?: string | undefined;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether the header carries the token (compared in constant time). */
function authorized(header: string | undefined, token: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(header.slice(7).trim()), digest(token));
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(`${text}\n`);
}

/** `GET /metrics` (Prometheus text), behind the token when there is one; anything else 404 or 405. */
export function createMetricsHandler(metrics: Metrics, access: MetricsAccess = {}): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics') return plain(res, 404, 'not found');
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
    if (access.token !== undefined && !authorized(req.headers.authorization, access.token)) {
      return plain(res, 401, 'missing or invalid bearer token', { 'www-authenticate': 'Bearer realm="oauth-admin-metrics"' });
    }
    metrics.text().then(
      (text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(req.method === 'HEAD' ? undefined : text),
      () => plain(res, 500, 'metrics could not be collected'),
    );
  };
}

/** The metrics listener: its own node:http server on `host:port`; resolves once it listens. */
export async function listenMetrics(metrics: Metrics, host: string, port: number, access: MetricsAccess): Promise<{ server: Server; url: string }> {
  const server = createServer(createMetricsHandler(metrics, access));
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}/metrics` };
}
