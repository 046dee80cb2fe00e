import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { type AuthOptions, authenticate } from './auth.js';
import { type Context, type Principal, createContext } from './context.js';
import { schema } from './schema/index.js';
import type { Services } from './services/index.js';

export interface AppOptions {
  services: Services;
  auth: AuthOptions;
  /** Serve GraphiQL on GET /graphql from a browser. */
  graphiql?: boolean;
  /** The headers GraphiQL starts with (a JSON object as text), e.g. for a local demo. */
  graphiqlHeaders?: string;
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

const EXAMPLE_QUERY = `# Welcome to oauth-admin. Send a bearer token in the Headers tab:
# { "Authorization": "Bearer <ADMIN_TOKEN or VIEWER_TOKEN>" }
query Overview {
  stats { registrations activeTokens expiredTokens userCount orphanTokens staleIndexEntries }
  clients(first: 10) {
    totalCount
    edges { node { clientId clientName isTestClient createdAt tokens(status: ACTIVE) { totalCount } } }
  }
}
`;

function isGraphiqlPage(request: Request): boolean {
  const url = new URL(request.url);
  return request.method === 'GET' && !url.searchParams.has('query') && (request.headers.get('accept') ?? '').includes('text/html');
}

const unauthorized = () =>
  new Response(JSON.stringify({ errors: [{ message: 'missing or invalid bearer token', extensions: { code: 'UNAUTHENTICATED' } }] }), {
    status: 401,
    headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="oauth-admin"' },
  });

/** Authenticates every GraphQL request before parsing (401 without a valid token) and answers /health. */
function useGateway(options: AppOptions, principals: WeakMap<Request, Principal>): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname === '/health') {
        const ready = await options.services.redis
          .ping()
          .then(() => true)
          .catch(() => false);
        endResponse(
          new Response(JSON.stringify({ status: ready ? 'ok' : 'unready', redis: ready ? 'up' : 'down' }), {
            status: ready ? 200 : 503,
            headers: { 'content-type': 'application/json' },
          }),
        );
        return;
      }
      if (options.graphiql && isGraphiqlPage(request)) return;
      const principal = authenticate(request.headers.get('authorization'), options.auth);
      if (!principal) {
        endResponse(unauthorized());
        return;
      }
      principals.set(request, principal);
    },
  };
}

/** The configured Yoga instance: schema, context, plugins. No environment reads, no listening. */
export function createApp(options: AppOptions): App {
  const principals = new WeakMap<Request, Principal>();
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/livez',
    landingPage: false,
    graphiql: options.graphiql ? { title: 'oauth-admin', defaultQuery: EXAMPLE_QUERY, headers: options.graphiqlHeaders } : false,
    // Served from this process (no CDN): operators' networks often have no way out.
    renderGraphiQL,
    maskedErrors: true,
    logging: false,
    plugins: [useGateway(options, principals)],
    context: ({ request }) => {
      const principal = principals.get(request);
      if (!principal) throw new Error('request reached GraphQL without authentication');
      return createContext(options.services, principal);
    },
  });
}
