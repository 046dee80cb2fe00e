import type { Repositories } from '../redis/repositories.js';
import { type TokenInspection, inspectToken } from './token-check.js';

export interface VerificationOptions {
  /** Tokens' issuer is `https://auth.{baseDomain}`. */
  baseDomain: string;
  privateKeyB64?: string | undefined;
  jwtSecret?: string | undefined;
  /** The gateway's JWT_ALGORITHM, when set. */
  algorithm?: string | undefined;
}

/**
 * Checks a bearer token the way the gateway does (signature, issuer, expiry, then the Redis
 * record that revocation deletes), for other services and for `validate-tokens`.
 */
export class TokenInspector {
  constructor(
    private readonly repos: Repositories,
    private readonly options: VerificationOptions,
    private readonly now: () => number,
  ) {}

  inspect(token: string): Promise<TokenInspection> {
    return inspectToken(token, {
      ...this.options,
      now: this.now,
      tokenExists: async (jti) => (await this.repos.tokens.getMany([jti]))[0] !== null,
    });
  }
}
