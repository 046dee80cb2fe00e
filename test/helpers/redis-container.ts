import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { GenericContainer, StartedTestContainer } from 'testcontainers';

/**
 * Redis in a container through testcontainers (GenericContainer: `@testcontainers/redis` asks for a
 * mapped port, which host networking does not have).
 *
 * Every container uses host networking and a free loopback port given to redis-server itself, so
 * it works on an engine without a bridge (CI's: `dockerd --bridge=none`) and sends nothing past
 * 127.0.0.1. The image is never pulled (TEST_REDIS_IMAGE, default `oauth-admin-redis:local`, built
 * from the host's redis-server by docker/local-images.sh; any image whose `redis-server` is on the
 * PATH works, e.g. an already pulled `redis:7-alpine`). Ryuk is off unless asked for (its image cannot
 * be pulled either): whoever starts a container stops it, and each carries the label
 * `oauth-admin.test=redis` for a manual `docker rm -f $(docker ps -aq --filter label=oauth-admin.test)`.
 */
export const DEFAULT_TEST_REDIS_IMAGE = 'oauth-admin-redis:local';

export function testRedisImage(): string {
  return process.env.TEST_REDIS_IMAGE?.trim() || DEFAULT_TEST_REDIS_IMAGE;
}

/** testcontainers reads these when it first talks to the engine; a value set by the user wins. */
function configureTestcontainers(): void {
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  // Host networking: the containers' ports are the host's own, on loopback.
  process.env.TESTCONTAINERS_HOST_OVERRIDE ??= '127.0.0.1';
}

/** A reason why no engine can be there (nothing to ask), or null when one may answer. */
function noEngineReason(): string | null {
  if (process.env.DOCKER_HOST) return null;
  if (existsSync('/var/run/docker.sock')) return null;
  if (existsSync(join(homedir(), '.testcontainers.properties'))) return null;
  if (process.env.XDG_RUNTIME_DIR && existsSync(join(process.env.XDG_RUNTIME_DIR, 'docker.sock'))) return null;
  return 'no Docker engine (DOCKER_HOST unset, no /var/run/docker.sock)';
}

export interface EngineCheck {
  ok: boolean;
  /** What was found: the engine and image, or why the container path cannot be used. */
  detail: string;
}

/** Whether a Docker engine answers and holds the image (within `timeoutMs`; never pulls). */
export async function checkContainerEngine(image = testRedisImage(), timeoutMs = 15_000): Promise<EngineCheck> {
  const none = noEngineReason();
  if (none) return { ok: false, detail: none };
  configureTestcontainers();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([
      (async () => {
        const { getContainerRuntimeClient, ImageName } = await import('testcontainers');
        const client = await getContainerRuntimeClient();
        const engine = `Docker ${client.info.containerRuntime.serverVersion} at ${process.env.DOCKER_HOST ?? 'the default socket'}`;
        if (!(await client.image.exists(ImageName.fromString(image)))) {
          return { ok: false, detail: `${engine} answers, but image ${image} is not there (docker/local-images.sh redis builds it; nothing is pulled)` };
        }
        return { ok: true, detail: `${engine}, image ${image}` };
      })(),
      timeout,
    ]);
  } catch (error) {
    return { ok: false, detail: `no Docker engine answers (${(error as Error).message.split('\n')[0]})` };
  } finally {
    clearTimeout(timer);
  }
}

const NEVER_PULL = { shouldPull: () => false };

export interface RedisContainer {
  url: string;
  port: number;
  container: StartedTestContainer;
  stop(): Promise<void>;
}

/** A redis-server container on `port` (host network), started with `args` after `redis-server`. */
export async function startRedisContainer(port: number, args: string[], image = testRedisImage()): Promise<RedisContainer> {
  configureTestcontainers();
  const { GenericContainer: Container, Wait } = await import('testcontainers');
  const builder: GenericContainer = new Container(image)
    .withNetworkMode('host')
    .withPullPolicy(NEVER_PULL)
    .withLabels({ 'oauth-admin.test': 'redis' })
    .withCommand(['redis-server', '--port', String(port), '--bind', '127.0.0.1', ...args])
    .withWaitStrategy(Wait.forLogMessage(/Ready to accept connections/))
    .withStartupTimeout(60_000);
  const container = await builder.start();
  let stopped = false;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    container,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await container.stop({ remove: true, removeVolumes: true, timeout: 5_000 });
    },
  };
}
