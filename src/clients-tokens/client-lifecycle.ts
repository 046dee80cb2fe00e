import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log.js';
import type { Confirmations } from '../confirm.js';
import { AdminError, badInput } from '../errors.js';
import { registerSecret } from '../logger.js';
import type { Principal } from '../principal.js';
import { decodeClient } from '../redis/codecs.js';
import type { RedisClient } from '../redis/connection.js';
import { type ClientMetadata, editableClient, putClientMetadata } from '../redis/gateway-format.js';
import { type PyJson, pyJsonDumps } from '../redis/python-json.js';
import type { Repositories } from '../redis/repositories.js';
import { runScript } from '../redis/scripts.js';
import type { StoredClient } from './queries.js';

/**
 * The client lifecycle (RFC 7592 parity for the admin): update metadata, rotate the secret or the
 * registration access token, set the expiry. Each write edits the record as the gateway's own PUT
 * does (redis/gateway-format.ts: same field positions and encodings, Python `json.dumps` bytes), so
 * the gateway reads it back as its own; rules in docs/semantics.md ("Changing a client").
 */

export type CredentialKind = 'clientSecret' | 'registrationAccessToken';

export interface ClientUpdateResult {
  clientId: string;
  executed: boolean;
  /** Set on a plan (the update removes registered redirect URIs): send it back to run the update. */
  confirmToken: string | null;
  /** Registered redirect URIs the update removes. */
  removedRedirectUris: string[];
  /** The record after the update; for a plan, as it is now. */
  client: StoredClient;
}

export interface CredentialRotation {
  clientId: string;
  executed: boolean;
  confirmToken: string | null;
  /** The new value, returned once to the caller (never logged, never audited); null on a plan. */
  newValue: string | null;
  /** What the rotation locks out and what it does not. */
  effect: string;
}

const FIELD: Record<CredentialKind, string> = { clientSecret: 'client_secret', registrationAccessToken: 'registration_access_token' };
const OPERATION: Record<CredentialKind, string> = { clientSecret: 'rotateClientSecret', registrationAccessToken: 'rotateRegistrationAccessToken' };

export const ROTATION_EFFECT: Record<CredentialKind, string> = {
  clientSecret:
    "Replaces client_secret. The gateway's token endpoint and /introspect refuse the old secret from the next request that sends it; " +
    'a request that sends no client_secret is not checked at all (the gateway makes the secret optional), so only clients that ' +
    'authenticate with their secret are locked out until they get the new one. Access and refresh tokens already issued keep working; ' +
    "the registration access token, client_secret_expires_at and the key's TTL are unchanged.",
  registrationAccessToken:
    'Replaces registration_access_token. RFC 7592 GET, PUT and DELETE /register/{client_id} refuse the old token (403) from the next ' +
    "request. Token requests, the client secret, issued tokens, client_secret_expires_at and the key's TTL are unchanged.",
};

/** secrets.token_urlsafe(32), as the gateway makes both credentials (auth_authlib.py). */
function newCredential(kind: CredentialKind): string {
  const value = randomBytes(32).toString('base64url');
  return kind === 'registrationAccessToken' ? `reg-${value}` : value;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The gateway's registration rule: `http://` only for loopback hosts; anything else needs a scheme (`:`). */
export function isGatewayRedirectUri(uri: string): boolean {
  if (uri.startsWith('http://')) {
    try {
      return LOCAL_HOSTS.has(new URL(uri).hostname);
    } catch {
      return false;
    }
  }
  return uri.includes(':');
}

const text = (max: number) => z.string().min(1, 'must not be empty').max(max);
const uri = text(2048);

/** What updateClient accepts; a field left out or null is left as it is. */
export const ClientMetadataInput = z
  .object({
    clientName: text(512).nullish(),
    redirectUris: z
      .array(uri.refine(isGatewayRedirectUri, 'http:// is allowed only for localhost, 127.0.0.1 or [::1]; any other URI needs a scheme'))
      .min(1, 'at least one redirect URI')
      .max(50)
      .nullish(),
    clientUri: uri.nullish(),
    logoUri: uri.nullish(),
    tosUri: uri.nullish(),
    policyUri: uri.nullish(),
    contacts: z.array(text(320)).max(20).nullish(),
    scope: text(1024).nullish(),
  })
  .strict()
  .refine((m) => Object.values(m).some((v) => v !== null && v !== undefined), 'nothing to change: give at least one field');

function parseMetadata(input: unknown): ClientMetadata {
  const parsed = ClientMetadataInput.safeParse(input);
  if (parsed.success) return parsed.data;
  throw badInput(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
}

/** How many times a write re-reads and retries when the record changed between its read and its write. */
const WRITE_ATTEMPTS = 3;
/** The last second Redis and Python both take as an expiry (9999-12-31T23:59:59Z). */
const LATEST_EXPIRY_SECONDS = 253402300799;

export class ClientLifecycleService {
  constructor(
    private readonly redis: RedisClient,
    private readonly repos: Repositories,
    private readonly now: () => number,
    private readonly confirmations: Confirmations,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Sets the given metadata as the gateway's RFC 7592 PUT would, keeping the key's TTL. Two-step
   * when it removes a registered redirect URI (a running client's next authorization with it
   * would be refused): the first call returns the plan and a confirm token.
   */
  updateClient(who: Principal, clientId: string, input: unknown, confirmToken?: string | null): Promise<ClientUpdateResult> {
    const metadata = parseMetadata(input);
    const params = { clientId, metadata };
    return this.audit.around({ action: 'updateClient', actor: who.name, target: clientId, dryRun: false }, async () => {
      const { stored } = await this.editable(clientId);
      const kept = new Set(metadata.redirectUris ?? stored.record?.redirectUris ?? []);
      const removedRedirectUris = (stored.record?.redirectUris ?? []).filter((u) => !kept.has(u));
      if (removedRedirectUris.length > 0 && !confirmToken) {
        const token = await this.confirmations.issue('updateClient', params);
        return { clientId, executed: false, confirmToken: token, removedRedirectUris, client: stored };
      }
      if (confirmToken) await this.confirmations.consume(confirmToken, 'updateClient', params);
      const client = await this.rewrite(clientId, (fields) => putClientMetadata(fields, metadata), null);
      return { clientId, executed: true, confirmToken: null, removedRedirectUris, client };
    });
  }

  rotateClientSecret(who: Principal, clientId: string, confirmToken?: string | null): Promise<CredentialRotation> {
    return this.rotate(who, clientId, 'clientSecret', confirmToken);
  }

  rotateRegistrationAccessToken(who: Principal, clientId: string, confirmToken?: string | null): Promise<CredentialRotation> {
    return this.rotate(who, clientId, 'registrationAccessToken', confirmToken);
  }

  /**
   * Sets `client_secret_expires_at` and the key's expiry together, to the same second (as the
   * gateway's registration does: created_at + CLIENT_LIFETIME for both).
   */
  async setClientExpiry(who: Principal, clientId: string, expiresAt: Date): Promise<StoredClient> {
    const seconds = Math.floor(expiresAt.getTime() / 1000);
    if (!Number.isFinite(seconds) || seconds * 1000 <= this.now()) {
      throw badInput('expiresAt must be in the future: Redis drops a key whose expiry has passed (deleteClient removes a client)');
    }
    if (seconds > LATEST_EXPIRY_SECONDS) throw badInput('expiresAt must be before the year 10000');
    const entry = { action: 'setClientExpiry', actor: who.name, target: clientId, dryRun: false };
    const done = await this.audit.around(entry, async () => ({
      executed: true,
      client: await this.rewrite(
        clientId,
        (fields) => {
          fields.client_secret_expires_at = seconds;
        },
        seconds * 1000,
      ),
    }));
    return done.client;
  }

  /** Two-step: the plan says what the rotation does; the confirmed call writes and returns the new value once. */
  private rotate(who: Principal, clientId: string, kind: CredentialKind, confirmToken: string | null | undefined): Promise<CredentialRotation> {
    const operation = OPERATION[kind];
    const effect = ROTATION_EFFECT[kind];
    return this.audit.around({ action: operation, actor: who.name, target: clientId, dryRun: !confirmToken }, async () => {
      if (!confirmToken) {
        await this.editable(clientId);
        return { clientId, executed: false, confirmToken: await this.confirmations.issue(operation, { clientId }), newValue: null, effect };
      }
      await this.confirmations.consume(confirmToken, operation, { clientId });
      const newValue = newCredential(kind);
      // Whatever might log it later (an error's message, a debug line) prints [REDACTED] instead.
      registerSecret(newValue);
      await this.rewrite(
        clientId,
        (fields) => {
          fields[FIELD[kind]] = newValue;
        },
        null,
      );
      return { clientId, executed: true, confirmToken: null, newValue, effect };
    });
  }

  /** The stored record and its fields to edit; NOT_FOUND, or CONFLICT for a record not in the gateway's format. */
  private async editable(clientId: string): Promise<{ stored: StoredClient; fields: Record<string, PyJson> }> {
    const stored = await this.repos.clients.get(clientId);
    if (!stored) throw new AdminError('NOT_FOUND', `client ${JSON.stringify(clientId)} does not exist`);
    const fields = stored.parseError === null ? editableClient(stored.raw) : null;
    if (!fields) {
      const why = stored.parseError ?? "its bytes are not what the gateway's json.dumps writes";
      throw new AdminError('CONFLICT', `client ${JSON.stringify(clientId)} is not a gateway-format record (${why}): it is left as it is`);
    }
    return { stored, fields };
  }

  /**
   * Edits the record and writes it back only if it is still what was read (a gateway write in
   * between is re-read and edited again). `expiresAtMs` null keeps the key's TTL.
   */
  private async rewrite(clientId: string, edit: (fields: Record<string, PyJson>) => void, expiresAtMs: number | null): Promise<StoredClient> {
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
      const { stored, fields } = await this.editable(clientId);
      edit(fields);
      const value = pyJsonDumps(fields);
      const written = await runScript(this.redis, 'replaceIfUnchanged', [stored.key], [stored.raw, value, expiresAtMs === null ? '' : String(expiresAtMs)]);
      if (written === 1) {
        const decoded = decodeClient(value);
        return { ...stored, raw: value, record: decoded.record, parseError: decoded.parseError };
      }
    }
    throw new AdminError('CONFLICT', `client ${JSON.stringify(clientId)} kept changing while it was written (${WRITE_ATTEMPTS} attempts): try again`);
  }
}
