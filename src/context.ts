import { type DomainServices, type Services, domainServices } from './services.js';
import type { StoreView } from './clients-tokens/store-view.js';
import type { Principal } from './principal.js';

/** What every resolver gets for one request. */
export interface Context {
  principal: Principal;
  /** The domain services (never raw Redis, keys or repositories: those stay below the domains). */
  services: DomainServices;
  /** The request's view of the store: each kind read at most once per request. */
  view: StoreView;
  /** Aborts when the client goes away: long reads (Backup.diff, whole-file reads) stop then. */
  signal?: AbortSignal;
}

/**
 * The context of one request. `signal` is asked for on first use only: the fast transport makes a
 * request's abort controller when a resolver reads `ctx.signal`, not for every request.
 */
export function createContext(services: Services, principal: Principal, signal?: () => AbortSignal | undefined): Context {
  const context: Context = { principal, services: domainServices(services), view: services.newView() };
  if (signal) Object.defineProperty(context, 'signal', { get: signal, enumerable: true });
  return context;
}
