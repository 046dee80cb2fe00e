import type { Services } from './services.js';
import type { StoreView } from './clients-tokens/store-view.js';

/** Who is asking: decided from the bearer token before any resolver runs. */
export interface Principal {
  role: 'admin' | 'viewer';
  /** A label for the audit log (`admin-token`, `viewer-token`, `local-dev`, `cli`); never the token. */
  name: string;
}

/** What every resolver gets for one request. */
export interface Context {
  principal: Principal;
  services: Services;
  /** The request's view of the store: each kind read at most once per request. */
  view: StoreView;
  /** Aborts when the client goes away: long reads (Backup.diff, whole-file reads) stop then. */
  signal?: AbortSignal;
}

export function createContext(services: Services, principal: Principal, signal?: AbortSignal): Context {
  return { principal, services, view: services.newView(), ...(signal ? { signal } : {}) };
}
