#!/usr/bin/env bash
# Prints the directory of a Node.js binary of the project's LTS line, installing it first when the system's
# node is older. The Makefile puts that directory first on PATH, so `make up` and `make test` run on it.
#
# Node builds are published on the npm registry as platform packages (node-<os>-<arch>, the ones the `node`
# package installs), so the only host involved is the npm registry npm is configured for, and `npm pack`
# checks the tarball against the registry's integrity hash.
#
# Progress goes to stderr; stdout is only the directory.
set -euo pipefail

required_major=24
pinned_version=24.21.0

system_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if ((system_major >= required_major)); then
  dirname "$(command -v node)"
  exit 0
fi

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) echo "node-runtime: no Node build package for $(uname -s); install Node ${required_major}+ yourself" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "node-runtime: no Node build package for $(uname -m); install Node ${required_major}+ yourself" >&2; exit 1 ;;
esac

root=$(cd "$(dirname "$0")/../.." && pwd)
home=${SPREADWATCH_HOME:-$root/.spreadwatch}
target="$home/node/$pinned_version"
if [[ ! -x "$target/bin/node" ]]; then
  echo "installing Node ${pinned_version} (system node is ${system_major:-absent}; the project needs ${required_major}+) from the npm package node-${os}-${arch}" >&2
  staging=$(mktemp -d "${TMPDIR:-/tmp}/spreadwatch-node.XXXXXX")
  trap 'rm -rf "$staging"' EXIT
  if ! tarball=$(cd "$staging" && npm pack --silent "node-${os}-${arch}@${pinned_version}" 2>"$staging/npm.err"); then
    echo "node-runtime: npm pack node-${os}-${arch}@${pinned_version} failed:" >&2
    cat "$staging/npm.err" >&2
    exit 1
  fi
  mkdir -p "$staging/unpacked"
  tar -xzf "$staging/$tarball" -C "$staging/unpacked" --strip-components=1
  "$staging/unpacked/bin/node" --version >/dev/null
  mkdir -p "$(dirname "$target")"
  rm -rf "$target"
  mv "$staging/unpacked" "$target"
fi
echo "$target/bin"
