#!/usr/bin/env bash
# Builds the base images this project's containers need from the host's own binaries, for an engine
# that cannot pull from an image registry (CI's). Each is `FROM scratch` plus the binaries and the
# shared libraries `ldd` lists, so the build takes about a second and downloads nothing:
#
#   oauth-admin-redis:local       redis-server and redis-cli (the tests' containers, the compose
#                                 stack's Redis in CI, the image's smoke run)
#   oauth-admin-node:local        node, CA certificates, /etc/passwd with `node` (uid 1000), /tmp:
#                                 the Dockerfile's runtime stage in CI (no npm, no shell)
#   oauth-admin-node-build:local  oauth-admin-node:local plus npm, /bin/sh and a few coreutils (env,
#                                 rm, mkdir, cp, mv, ls, cat, chmod, ln): the build stage
#
# Usage: docker/local-images.sh [redis|node|node-build ...]   (all three without arguments)
# Needs: a Docker engine (DOCKER_HOST is honoured), redis-server, redis-cli, node, npm, ldd.
set -euo pipefail

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# copy_with_libs ROOTFS SOURCE [TARGET]: SOURCE dereferenced (cp -L) to TARGET (default: the same
# path) inside ROOTFS, and every library ldd lists for it, at their paths.
copy_with_libs() {
  local rootfs="$1" source="$2" target="${3:-$2}"
  mkdir -p "$rootfs$(dirname "$target")"
  cp -L "$source" "$rootfs$target"
  local lib
  for lib in $(ldd "$source" | grep -oE '/[^ ]+\.so[^ ]*' | sort -u); do
    mkdir -p "$rootfs$(dirname "$lib")"
    [ -e "$rootfs$lib" ] || cp -L "$lib" "$rootfs$lib"
  done
}

# build_image TAG DIR: DIR holds rootfs/ and a Dockerfile.
build_image() {
  local tag="$1" dir="$2"
  docker build --quiet --network none -t "$tag" "$dir" >/dev/null
  echo "local-images: built $tag ($(du -sh "$dir/rootfs" | cut -f1) of files)"
}

common_etc() {
  local rootfs="$1"
  mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/data"
  chmod 1777 "$rootfs/tmp"
  printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nnode:x:1000:1000::/home/node:/usr/sbin/nologin\nnobody:x:65534:65534::/nonexistent:/usr/sbin/nologin\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nnode:x:1000:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
  printf '127.0.0.1 localhost\n::1 localhost\n' >"$rootfs/etc/hosts"
  printf 'hosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
}

redis_image() {
  local dir="$work/redis" rootfs="$work/redis/rootfs"
  common_etc "$rootfs"
  # Keep the name: the binary decides from argv[0] whether it is the server or a checker.
  copy_with_libs "$rootfs" "$(command -v redis-server)" /usr/bin/redis-server
  copy_with_libs "$rootfs" "$(command -v redis-cli)" /usr/bin/redis-cli
  cat >"$dir/Dockerfile" <<'EOF'
FROM scratch
COPY rootfs/ /
ENV PATH=/usr/local/bin:/usr/bin:/bin
WORKDIR /data
CMD ["redis-server", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
EOF
  build_image oauth-admin-redis:local "$dir"
}

node_rootfs() {
  local rootfs="$1"
  common_etc "$rootfs"
  mkdir -p "$rootfs/home/node"
  chown 1000:1000 "$rootfs/home/node"
  copy_with_libs "$rootfs" "$(readlink -f "$(command -v node)")" /usr/local/bin/node
  if [ -d /etc/ssl/certs ]; then
    mkdir -p "$rootfs/etc/ssl"
    cp -rL /etc/ssl/certs "$rootfs/etc/ssl/certs"
  fi
}

node_image() {
  local dir="$work/node" rootfs="$work/node/rootfs"
  node_rootfs "$rootfs"
  cat >"$dir/Dockerfile" <<'EOF'
FROM scratch
COPY rootfs/ /
ENV PATH=/usr/local/bin:/usr/bin:/bin
CMD ["node"]
EOF
  build_image oauth-admin-node:local "$dir"
}

node_build_image() {
  local dir="$work/node-build" rootfs="$work/node-build/rootfs"
  # On top of oauth-admin-node:local (built first when missing): only what building adds.
  docker image inspect oauth-admin-node:local >/dev/null 2>&1 || node_image
  mkdir -p "$rootfs/usr/local/bin" "$rootfs/usr/local/lib/node_modules"
  # npm (its own JavaScript, run by node) and what npm's lifecycle scripts and the Dockerfile's RUN
  # steps need: a shell and a few coreutils.
  local npm_cli npm_root
  npm_cli="$(readlink -f "$(command -v npm)")"
  npm_root="$(dirname "$(dirname "$npm_cli")")"
  cp -a "$npm_root" "$rootfs/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  copy_with_libs "$rootfs" "$(readlink -f /bin/sh)" /bin/sh
  local tool
  for tool in env rm mkdir cp mv ls cat chmod ln; do
    copy_with_libs "$rootfs" "$(readlink -f "$(command -v "$tool")")" "/usr/bin/$tool"
  done
  local cafile=''
  [ -f /etc/ssl/certs/ca-certificates.crt ] && cafile='ENV NPM_CONFIG_CAFILE=/etc/ssl/certs/ca-certificates.crt'
  cat >"$dir/Dockerfile" <<EOF
FROM oauth-admin-node:local
COPY rootfs/ /
$cafile
EOF
  build_image oauth-admin-node-build:local "$dir"
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(redis node node-build)
for target in "${targets[@]}"; do
  case "$target" in
    redis) redis_image ;;
    node) node_image ;;
    node-build) node_build_image ;;
    *) echo "local-images: unknown image '$target' (redis, node, node-build)" >&2; exit 2 ;;
  esac
done
