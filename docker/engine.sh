#!/usr/bin/env bash
# A private Docker engine for CI (and for a developer who wants the container path on a machine
# without one): its own socket, data root and exec root, so it never touches another engine.
#
#   docker/engine.sh start   install Debian's docker.io (and docker-compose, Compose v1) when missing,
#                            start dockerd, wait until it answers; exit 1 (with its log) if it cannot
#   docker/engine.sh stop    remove every container and volume of this engine, stop it (and the
#                            containerd it started), wait until both are gone
#   docker/engine.sh host    print the DOCKER_HOST to use
#
# dockerd runs with --iptables=false --ip-masq=false --ip-forward=false --bridge=none: it changes no
# firewall rule, leaves the host's IP forwarding alone and makes no bridge, so containers can only use
# host networking (everything here talks over 127.0.0.1). --cgroup-parent /: each container's cgroup
# sits directly under the root, so a Redis in a container competes for CPU like a redis-server process
# does (under the default /docker parent, all containers together weigh as much as one process: on a
# busy two-core machine the suite's four Redis containers starved and its multi-process tests timed out).
set -euo pipefail

ENGINE_DATA="${OAUTH_ADMIN_ENGINE_DATA:-/var/lib/oauth-admin-docker}"
ENGINE_RUN="${OAUTH_ADMIN_ENGINE_RUN:-/run/oauth-admin-docker}"
ENGINE_HOST="unix://$ENGINE_RUN/docker.sock"
PIDFILE="$ENGINE_RUN/dockerd.pid"
LOG="$ENGINE_RUN/dockerd.log"

say() { echo "engine: $*"; }

install_engine() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker-compose >/dev/null 2>&1 || docker compose version >/dev/null 2>&1 || missing+=(docker-compose)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} (Debian)"
    local started=$SECONDS
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    say "installed in $((SECONDS - started)) s"
  fi
  command -v docker >/dev/null 2>&1 || { say "no docker client after the install"; return 1; }
}

answers() { DOCKER_HOST="$ENGINE_HOST" timeout 10 docker version >/dev/null 2>&1; }

start() {
  install_engine
  mkdir -p "$ENGINE_DATA" "$ENGINE_RUN"
  if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null && answers; then
    say "already running (pid $(cat "$PIDFILE")) at $ENGINE_HOST"
    return 0
  fi
  rm -f "$PIDFILE"
  local started=$SECONDS
  # setsid: the engine is not in the caller's process group, so a Ctrl-C there reaches only the
  # caller, whose trap then stops the engine in order.
  setsid dockerd \
    --host "$ENGINE_HOST" \
    --data-root "$ENGINE_DATA" \
    --exec-root "$ENGINE_RUN/exec" \
    --pidfile "$PIDFILE" \
    --storage-driver overlay2 \
    --cgroup-parent / \
    --iptables=false --ip-masq=false --ip-forward=false --bridge=none \
    </dev/null >"$LOG" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do
    if answers; then
      say "dockerd $(DOCKER_HOST="$ENGINE_HOST" docker version --format '{{.Server.Version}}' 2>/dev/null) (pid $pid) answers at $ENGINE_HOST after $((SECONDS - started)) s"
      remove_all "left from an earlier run that did not stop it"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.5
  done
  say "dockerd did not come up; the end of its log:"
  tail -n 30 "$LOG" | sed 's/^/  dockerd: /' || true
  kill "$pid" 2>/dev/null || true
  return 1
}

# Every container and volume of this engine (all of them are ours: nobody else uses its socket).
remove_all() {
  local containers volumes
  containers="$(DOCKER_HOST="$ENGINE_HOST" docker ps -aq 2>/dev/null || true)"
  if [ -n "$containers" ]; then
    # shellcheck disable=SC2086
    DOCKER_HOST="$ENGINE_HOST" docker rm -f -v $containers >/dev/null 2>&1 || true
    say "removed $(echo "$containers" | wc -w) container(s)${1:+ $1}"
  fi
  volumes="$(DOCKER_HOST="$ENGINE_HOST" docker volume ls -q 2>/dev/null || true)"
  if [ -n "$volumes" ]; then
    # shellcheck disable=SC2086
    DOCKER_HOST="$ENGINE_HOST" docker volume rm -f $volumes >/dev/null 2>&1 || true
    say "removed $(echo "$volumes" | wc -w) volume(s)${1:+ $1}"
  fi
}

stop() {
  local pid=''
  [ -f "$PIDFILE" ] && pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    answers && remove_all
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      say "dockerd (pid $pid) still running after 30 s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  # The containerd that dockerd started for itself, should it outlive it.
  local cpid
  for pidfile in "$ENGINE_RUN/exec/containerd/containerd.pid"; do
    [ -f "$pidfile" ] || continue
    cpid="$(cat "$pidfile" 2>/dev/null || true)"
    if [ -n "$cpid" ] && kill -0 "$cpid" 2>/dev/null; then
      kill -TERM "$cpid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$cpid" 2>/dev/null || break; sleep 0.5; done
      kill -KILL "$cpid" 2>/dev/null || true
    fi
  done
  # What the engine leaves mounted (its network namespace's bind mount; more if it was killed).
  local mountpoint
  for mountpoint in $(awk -v root="$ENGINE_RUN/" 'index($2, root) == 1 { print $2 }' /proc/mounts | sort -r); do
    umount "$mountpoint" 2>/dev/null || umount -l "$mountpoint" 2>/dev/null || true
  done
  rm -f "$PIDFILE"
  if [ -n "$pid" ]; then say "stopped (pid $pid)"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  host) echo "$ENGINE_HOST" ;;
  *) echo "usage: $0 start|stop|host" >&2; exit 2 ;;
esac
