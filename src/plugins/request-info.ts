import type { Principal } from '../principal.js';

/** What the request log says of a request, filled in by the plugins as the request goes through. */
export interface RequestInfo {
  started: number;
  principal: Principal | null;
  address: string;
  operationName: string | null;
}

/** The server context a transport hands in: the node request (for the caller's address) and when the request began. */
export interface TransportContext {
  req?: { socket?: { remoteAddress?: string } };
  started?: number;
}

/** The caller's address as the socket saw it (a proxy in front makes every caller share one). */
export function remoteAddress(req: TransportContext['req']): string {
  return req?.socket?.remoteAddress ?? 'in-process';
}

/** Per-request records shared by one app's plugins (admission writes the principal, the log reads it). */
export class RequestRecords {
  private readonly records = new WeakMap<Request, RequestInfo>();

  /** The request's record, made on first use. */
  of(request: Request, serverContext: unknown): RequestInfo {
    let info = this.records.get(request);
    if (!info) {
      const context = serverContext as TransportContext | undefined;
      info = { started: context?.started ?? performance.now(), principal: null, address: remoteAddress(context?.req), operationName: null };
      this.records.set(request, info);
    }
    return info;
  }

  find(request: Request): RequestInfo | undefined {
    return this.records.get(request);
  }
}
