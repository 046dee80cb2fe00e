import { randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis/connection.js';
import { GatewayWriter } from '../redis/gateway-format.js';
import type { Keys } from '../redis/keys.js';
import { collectKeys } from '../redis/batch.js';

const id = (bytes: number) => randomBytes(bytes).toString('base64url');

const USERS = [
  { username: 'alice', sub: '1234567', name: 'Alice Liddell', email: 'alice@example.com' },
  { username: 'bob', sub: '7654321', name: 'Bob', email: null },
  { username: 'carol', sub: '5550101', name: null, email: 'carol@example.org' },
  { username: 'dmitri', sub: '4242424', name: 'Дмитрий', email: 'dmitri@example.net' },
];

const CLIENTS = [
  { name: 'MCP OAuth Gateway Client', redirect: ['https://auth.example.com/success'] },
  { name: 'mcp-http-stdio', redirect: ['urn:ietf:wg:oauth:2.0:oob'] },
  { name: 'Claude Desktop', redirect: ['http://localhost:6274/oauth/callback'] },
  { name: 'TEST integration_suite', redirect: ['http://localhost:8080/cb'] },
  { name: 'TEST oauth_flow', redirect: ['https://auth.example.com/success'] },
];

/**
 * Fills a store with realistic data written exactly as the gateway writes it: clients (two of
 * them test clients), active and expired tokens (some expired keys without TTL, as old restores
 * leave them), refresh tokens, pending authorizations and codes, and user indexes with stale
 * entries, so GraphiQL shows something real at once.
 */
export async function seedDemo(redis: RedisClient, keys: Keys, force: boolean): Promise<{ clients: number; tokens: number }> {
  if (!force && (await collectKeys(redis, keys.pattern('client'))).length > 0) {
    throw new Error('this Redis already holds client registrations: seed-demo only fills an empty store (pass --force to add to it anyway)');
  }
  const writer = new GatewayWriter(redis, keys);
  const now = Math.floor(Date.now() / 1000);
  const clientIds: string[] = [];
  for (const [i, c] of CLIENTS.entries()) {
    const clientId = `client_${id(16)}`;
    clientIds.push(clientId);
    await writer.client({
      clientId,
      clientSecret: id(32),
      clientName: c.name,
      redirectUris: c.redirect,
      createdAt: now - 86400 * (10 - i),
      registrationAccessToken: `reg-${id(32)}`,
    });
  }
  let tokens = 0;
  for (const [u, user] of USERS.entries()) {
    for (let k = 0; k < 3; k++) {
      const clientId = clientIds[(u + k) % clientIds.length] as string;
      const expired = k === 2;
      const createdAt = expired ? now - 86400 * 3 : now - 3600 * (k + 1);
      const expiresAt = createdAt + 86400;
      await writer.accessToken(
        id(16),
        { sub: user.sub, username: user.username, email: user.email, name: user.name, clientId, createdAt, expiresAt },
        expired ? null : expiresAt - now,
      );
      tokens += 1;
    }
    await writer.refreshToken(id(32), {
      userId: user.sub,
      username: user.username,
      clientId: clientIds[u % clientIds.length] as string,
      createdAt: now - 3600,
    });
  }
  await redis.sadd(keys.userTokens('alice'), id(16));
  await writer.state(id(32), { clientId: clientIds[0] as string, clientState: 'demo', codeChallenge: id(32) });
  await writer.state(id(32), { clientId: clientIds[1] as string }, null);
  await writer.code(id(32), { clientId: clientIds[1] as string, username: 'alice', userId: '1234567', redirectUri: 'urn:ietf:wg:oauth:2.0:oob' });
  return { clients: clientIds.length, tokens };
}
