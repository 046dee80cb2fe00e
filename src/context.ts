import { contextCacheSymbol } from '@pothos/core';
import { type DomainServices, type Services, domainServices } from './services.js';
import type { StoreView } from './clients-tokens/store-view.js';
import type { Principal } from './principal.js';

/** What every resolver gets for one request. */
export interface Context {
  /** Pothos's per-request caches (loaders, scope checks) are keyed by this entry's object. */
  [contextCacheSymbol]: object;
  principal: Principal;
  /** The domain services (never raw Redis, keys or repositories: those stay below the domains). */
  services: DomainServices;
  /** The request's view of the store: each kind read at most once per request. */
  view: StoreView;
  /**
   * The signal that aborts when the client goes away: long reads (Backup.diff, whole-file reads)
   * stop then. A function, called by the resolvers that need it: the fast transport makes a
   * request's abort controller only then, not for every request (Yoga copies the context's
   * properties, so a getter would be read at once).
   */
  signal: () => AbortSignal | undefined;
}

const noSignal = (): undefined => undefined;

/** A new context per request; Pothos's per-request caches (loaders, scope checks) key on its `contextCacheSymbol` entry. */
export function createContext(services: Services, principal: Principal, signal: () => AbortSignal | undefined = noSignal): Context {
  // The entry written in the literal (what initContextCache() returns): spread in from that, it cost more than the rest of the context.
  return { [contextCacheSymbol]: {}, principal, services: domainServices(services), view: services.newView(), signal };
}
