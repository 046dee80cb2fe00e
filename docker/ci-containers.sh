#!/usr/bin/env bash
# CI (.ci/run): the image and the compose stack, on the engine at DOCKER_HOST (docker/engine.sh),
# with the local base images (docker/local-images.sh). Everything listens on free loopback ports.
#
#   1. the image: built from the Dockerfile (bases: the local Node images); its runtime stage holds
#      no npm, shell, compiler, esbuild, tsx or sources; it runs as uid 1000 with `npm start`'s
#      command; run against a Redis container it answers /health 200, one query and one backup,
#      written to a named volume, owned by uid 1000
#   2. the compose stack, as users get it (docker-compose.yml + docker-compose.override.yml): no Redis
#      host port, the service's only on 127.0.0.1, restart policies, healthchecks, a backups volume;
#      then brought up with `just up` (Compose v1 here) and CI's host-network override: both healthy,
#      keyspace notifications on, /health, a query and a backup through it (uid 1000); each service
#      restarts after its process ends; `down -v` leaves nothing behind
# Containers and volumes left by a failure are removed by .ci/run's trap (docker/engine.sh stop).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DOCKER_HOST:?DOCKER_HOST must name the engine (docker/engine.sh host)}"

say() { echo "containers: $*"; }
fail() { echo "containers: FAILED: $*" >&2; exit 1; }
free_port() { node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

ADMIN_TOKEN="ci-$(node -e "console.log(require('node:crypto').randomBytes(24).toString('hex'))")"
export ADMIN_TOKEN
# One active access token in the gateway's format (Python json.dumps), seeded into each Redis.
now=$(date +%s)
token_value="{\"sub\": \"1000\", \"username\": \"ci-smoke\", \"email\": \"ci-smoke@example.com\", \"name\": \"ci-smoke\", \"scope\": \"openid profile email\", \"client_id\": \"client_ci_smoke\", \"created_at\": $now, \"expires_at\": $((now + 3600))}"

# backups_in CONTAINER: "name uid mode" of each file in the container's /backups (read with its own node).
backups_in() {
  docker exec "$1" node -e "const fs=require('node:fs');for(const f of fs.readdirSync('/backups')){const s=fs.statSync('/backups/'+f);console.log(f,s.uid,(s.mode&0o777).toString(8))}"
}

check_backup_files() {
  local container="$1" listing
  listing="$(backups_in "$container")"
  [ -n "$listing" ] || fail "no backup file in $container:/backups"
  while read -r name uid mode; do
    [ "$uid" = 1000 ] || fail "$name in $container:/backups is owned by uid $uid, not 1000"
    [ "$mode" = 600 ] || fail "$name in $container:/backups has mode $mode, not 600"
  done <<<"$listing"
  say "$(docker inspect -f '{{.Name}}' "$container" | tr -d /):/backups: $(echo "$listing" | tr '\n' ' ')(uid 1000, mode 600)"
}

wait_healthy() {
  local container="$1" status=''
  for _ in $(seq 1 240); do
    status="$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$container" 2>/dev/null || echo missing)"
    [ "$status" = healthy ] && return 0
    sleep 0.5
  done
  docker logs --tail 20 "$container" 2>&1 | sed "s/^/  $container: /" >&2 || true
  fail "$container is $status after 120 s, not healthy"
}

# ── 1. The image ──────────────────────────────────────────────────────────────────────────────
started=$SECONDS
if ! docker build --network host \
  --build-arg BUILD_IMAGE=oauth-admin-node-build:local --build-arg RUNTIME_IMAGE=oauth-admin-node:local \
  -t oauth-admin:ci . >"$logs/build.log" 2>&1; then
  tail -n 40 "$logs/build.log" >&2
  fail "docker build"
fi
say "image oauth-admin:ci built in $((SECONDS - started)) s ($(docker image inspect -f '{{.Size}}' oauth-admin:ci | awk '{printf "%d MB", $1/1e6}'))"

# What the runtime stage holds: its files, listed from a created (never started) container.
docker create --name ci-image-files oauth-admin:ci >/dev/null 2>"$logs/create.log" || { cat "$logs/create.log" >&2; fail "docker create oauth-admin:ci"; }
docker export ci-image-files | tar -t >"$logs/files.txt"
docker rm ci-image-files >/dev/null
for forbidden in 'bin/sh' 'usr/local/bin/npm' 'usr/local/lib/node_modules/npm/' 'app/src/' 'app/scripts/' 'app/node_modules/esbuild/' 'app/node_modules/@esbuild/' 'app/node_modules/tsx/' 'app/node_modules/typescript/' 'app/node_modules/vitest/' 'app/node_modules/rust-just/' 'usr/bin/gcc' 'usr/bin/make'; do
  if grep -q "^${forbidden}" "$logs/files.txt"; then fail "the runtime image holds ${forbidden}"; fi
done
grep -q '^app/dist/server.js$' "$logs/files.txt" || fail "the runtime image has no app/dist/server.js"
user="$(docker image inspect -f '{{.Config.User}}' oauth-admin:ci)"
[ "$user" = 1000:1000 ] || fail "the image runs as '$user', not 1000:1000"
image_cmd="$(docker image inspect -f '{{join .Config.Cmd " "}}' oauth-admin:ci)"
start_cmd="$(node -p "require('./package.json').scripts.start.split('&& ').pop()")"
[ "$image_cmd" = "$start_cmd" ] || fail "the image runs '$image_cmd', npm start runs '$start_cmd'"
say "runtime stage: no shell, npm, compiler, esbuild, tsx or sources; user 1000:1000; command = npm start's ($image_cmd)"

redis_port=$(free_port)
service_port=$(free_port)
# (docker run warns that IPv4 forwarding is off: true of this host, and nothing here needs it.)
docker run -d --name ci-redis --network host oauth-admin-redis:local \
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --notify-keyspace-events 'Kg$sx' >/dev/null 2>"$logs/run-redis.log" \
  || { cat "$logs/run-redis.log" >&2; fail "docker run oauth-admin-redis:local"; }
for _ in $(seq 1 100); do docker exec ci-redis redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.2; done
docker exec ci-redis redis-cli -p "$redis_port" SET oauth:token:ci-smoke-jti "$token_value" EX 3600 >/dev/null
docker volume create ci-backups >/dev/null
docker run -d --name ci-service --network host -v ci-backups:/backups \
  -e REDIS_URL="redis://127.0.0.1:$redis_port" -e HOST=127.0.0.1 -e PORT="$service_port" -e ADMIN_TOKEN \
  oauth-admin:ci >/dev/null 2>"$logs/run-service.log" \
  || { cat "$logs/run-service.log" >&2; fail "docker run oauth-admin:ci"; }
if ! node docker/smoke.mjs "http://127.0.0.1:$service_port" --active 1; then
  docker logs --tail 30 ci-service 2>&1 | sed 's/^/  ci-service: /' >&2
  fail "the image against a Redis container"
fi
check_backup_files ci-service
docker rm -f -v ci-service ci-redis >/dev/null
docker volume rm ci-backups >/dev/null
say "the image: passed in $((SECONDS - started)) s"

# ── 2. The compose stack ──────────────────────────────────────────────────────────────────────
started=$SECONDS
# As users get it: the files compose reads when none is named.
(unset COMPOSE_FILE; docker-compose config) >"$logs/user-config.yml"
/usr/bin/python3 - "$logs/user-config.yml" <<'EOF'
import sys, yaml
config = yaml.safe_load(open(sys.argv[1]))
services = config["services"]
problems = []
redis, admin = services["redis"], services["oauth-admin"]
if redis.get("ports"):
    problems.append(f"redis publishes host ports {redis['ports']}")
ports = admin.get("ports") or []
if not ports or not all(str(p).startswith("127.0.0.1:") if not isinstance(p, dict) else p.get("host_ip") == "127.0.0.1" for p in ports):
    problems.append(f"the service's host port is not on 127.0.0.1 only: {ports}")
if any(":6379" in str(p) for p in ports):
    problems.append("a host port 6379")
for name, service in services.items():
    if service.get("restart") not in ("unless-stopped", "always"):
        problems.append(f"{name} has no restart policy")
    if not service.get("healthcheck", {}).get("test"):
        problems.append(f"{name} has no healthcheck")
command = " ".join(redis.get("command") or [])
if "--notify-keyspace-events Kg$$sx" not in command and "--notify-keyspace-events Kg$sx" not in command:
    problems.append(f"redis is not started with notify-keyspace-events Kg$sx: {command}")
volumes = [v if isinstance(v, str) else f"{v.get('source')}:{v.get('target')}" for v in admin.get("volumes") or []]
if not any(v.split(":")[0] == "backups" and v.split(":")[1] == "/backups" for v in volumes):
    problems.append(f"backups is not the named volume at /backups: {volumes}")
if "backups" not in (config.get("volumes") or {}):
    problems.append("no top-level backups volume")
if problems:
    print("containers: FAILED: docker-compose.yml as users get it:\n  " + "\n  ".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"containers: docker-compose.yml as users get it: no Redis host port, the service on {ports[0]}, restart policies, healthchecks, backups volume")
EOF

export COMPOSE_FILE=docker-compose.yml:docker/compose.ci.yml
export COMPOSE_PROJECT_NAME=oauth-admin-ci
CI_REDIS_PORT=$(free_port)
CI_SERVICE_PORT=$(free_port)
export CI_REDIS_PORT CI_SERVICE_PORT
# `just up` as a user runs it: it finds Compose v1 (docker-compose) here.
if ! PATH="$PWD/node_modules/.bin:$PATH" just up >"$logs/up.log" 2>&1; then
  tail -n 40 "$logs/up.log" >&2
  fail "just up"
fi
redis_c="$(docker-compose ps -q redis)"
admin_c="$(docker-compose ps -q oauth-admin)"
[ -n "$redis_c" ] && [ -n "$admin_c" ] || fail "just up did not start both services"
wait_healthy "$redis_c"
wait_healthy "$admin_c"
say "just up (docker-compose $(docker-compose version --short)): redis and oauth-admin healthy after $((SECONDS - started)) s"

events="$(docker exec "$redis_c" redis-cli -p "$CI_REDIS_PORT" CONFIG GET notify-keyspace-events | tail -n 1)"
for flag in K g '$' s x; do
  [[ "$events" == *"$flag"* ]] || fail "the compose Redis has notify-keyspace-events '$events' (no $flag)"
done
for c in "$redis_c" "$admin_c"; do
  policy="$(docker inspect -f '{{.HostConfig.RestartPolicy.Name}}' "$c")"
  [ "$policy" = unless-stopped ] || fail "$(docker inspect -f '{{.Name}}' "$c") has restart policy '$policy'"
done
docker exec "$redis_c" redis-cli -p "$CI_REDIS_PORT" SET oauth:token:ci-smoke-jti "$token_value" EX 3600 >/dev/null
node docker/smoke.mjs "http://127.0.0.1:$CI_SERVICE_PORT" --active 1 || { docker logs --tail 30 "$admin_c" 2>&1 | sed 's/^/  oauth-admin: /' >&2; fail "the compose stack"; }
check_backup_files "$admin_c"

# Restart policies at work: each service's process ends on its own and comes back.
docker exec "$redis_c" redis-cli -p "$CI_REDIS_PORT" SHUTDOWN >/dev/null 2>&1 || true
docker exec "$admin_c" node -e "process.kill(1, 'SIGTERM')" >/dev/null 2>&1 || true
for c in "$redis_c" "$admin_c"; do
  for _ in $(seq 1 120); do [ "$(docker inspect -f '{{.RestartCount}}' "$c")" -ge 1 ] && break; sleep 0.5; done
  [ "$(docker inspect -f '{{.RestartCount}}' "$c")" -ge 1 ] || fail "$(docker inspect -f '{{.Name}}' "$c") did not restart after its process ended"
done
wait_healthy "$redis_c"
wait_healthy "$admin_c"
SMOKE_WAIT_SECONDS=60 node docker/smoke.mjs "http://127.0.0.1:$CI_SERVICE_PORT" --active 1 >/dev/null || fail "the compose stack after its restarts"
say "restart policies: redis (SHUTDOWN) and oauth-admin (SIGTERM) came back, token kept (appendonly), another backup written"

docker-compose down -v >"$logs/down.log" 2>&1 || { cat "$logs/down.log" >&2; fail "docker-compose down -v"; }
left="$(docker ps -aq --filter label=com.docker.compose.project=oauth-admin-ci) $(docker volume ls -q --filter label=com.docker.compose.project=oauth-admin-ci)"
[ -z "${left// /}" ] || fail "docker-compose down -v left $left"
say "the compose stack: passed in $((SECONDS - started)) s (down -v: no container or volume left)"
