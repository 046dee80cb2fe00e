/**
 * The reference servers the load benches measure the service against (index.ts, load-layers.ts):
 * the bare `node:http` + ioredis handler doing the reads of
 * `token(jti) { client { clientName } user { username } }` without GraphQL, and the same reads as
 * resolvers of a plain graphql-js schema (no Pothos, no app), served by graphql-yoga or compiled
 * with graphql-jit.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import type { RedisClient } from '../src/redis/connection.js';
import type { Keys } from '../src/redis/keys.js';
import { BENCH_ADMIN_TOKEN } from './lib.js';

/** The bare reads: GET the token, parse, GET its client, parse, serialise the answer. */
export async function bareRead(redis: RedisClient, keys: Keys, jti: string): Promise<string> {
  const raw = await redis.get(keys.token(jti));
  let token: { client: { clientName: string | null } | null; user: { username: string } | null } | null = null;
  if (raw !== null) {
    const record = JSON.parse(raw) as { client_id?: string; username?: string };
    const clientRaw = record.client_id ? await redis.get(keys.client(record.client_id)) : null;
    const client = clientRaw !== null ? (JSON.parse(clientRaw) as { client_name?: string }) : null;
    token = { client: client ? { clientName: client.client_name ?? null } : null, user: record.username ? { username: record.username } : null };
  }
  return JSON.stringify({ data: { token } });
}

/**
 * A bare `node:http` JSON transport: checks the admin bearer token, reads the body, hands its
 * `variables` to `answer` and writes the JSON text it returns (500 with the message if it throws).
 */
export function jsonHandler(answer: (variables: Record<string, unknown>) => Promise<string>): (req: IncomingMessage, res: ServerResponse) => void {
  const expected = `Bearer ${BENCH_ADMIN_TOKEN}`;
  const send = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };
  return (req, res) => {
    if (req.method !== 'POST' || req.headers.authorization !== expected) {
      send(res, 401, '{"errors":[{"message":"unauthorized"}]}');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        try {
          const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables: Record<string, unknown> };
          send(res, 200, await answer(variables));
        } catch (error) {
          send(res, 500, JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }));
        }
      })();
    });
  };
}

/** The bare handler: read the body, GET the token, parse, GET its client, parse, answer JSON. No GraphQL. */
export function bareHandler(redis: RedisClient, keys: Keys): (req: IncomingMessage, res: ServerResponse) => void {
  return jsonHandler((variables) => bareRead(redis, keys, variables.jti as string));
}

/** A plain graphql-js schema of the same four fields, whose resolvers do the bare handler's reads (no Pothos, no plugins, no app). */
export function floorSchema(redis: RedisClient, keys: Keys) {
  return createSchema({
    typeDefs:
      'type Query { token(jti: String!): Token } type Token { client: Client user: User } type Client { clientName: String } type User { username: String }',
    resolvers: {
      Query: {
        token: async (_root: unknown, { jti }: { jti: string }) => {
          const raw = await redis.get(keys.token(jti));
          return raw === null ? null : (JSON.parse(raw) as { client_id?: string; username?: string });
        },
      },
      Token: {
        client: async (t: { client_id?: string }) => {
          const raw = t.client_id ? await redis.get(keys.client(t.client_id)) : null;
          return raw === null ? null : (JSON.parse(raw) as { client_name?: string });
        },
        user: (t: { username?: string }) => (t.username ? { username: t.username } : null),
      },
      Client: { clientName: (c: { client_name?: string }) => c.client_name ?? null },
    },
  });
}

/** The reference floor: graphql-yoga over `floorSchema`. What GraphQL with Yoga costs, without our schema and plugins. */
export function yogaFloorApp(redis: RedisClient, keys: Keys) {
  return createYoga({ schema: floorSchema(redis, keys), graphqlEndpoint: '/graphql', landingPage: false, graphiql: false });
}

/** `yogaFloorApp` behind the bare handler's bearer-token check. */
export function yogaFloor(redis: RedisClient, keys: Keys): RequestListener {
  const expected = `Bearer ${BENCH_ADMIN_TOKEN}`;
  const yoga = yogaFloorApp(redis, keys);
  return (req, res) => {
    if (req.headers.authorization !== expected) {
      res.writeHead(401).end();
      return;
    }
    void yoga(req, res);
  };
}
