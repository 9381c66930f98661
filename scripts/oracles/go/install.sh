#!/usr/bin/env bash
# Builds the Go oracle adapter to <repo>/.oracles/go-adapter.
# Idempotent; the only network source is the Go module proxy, and go.sum pins
# github.com/AgoraIO-Community/go-tokenbuilder v1.5.0. Needs Go >= 1.21.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$root/.oracles/go-adapter"

command -v go >/dev/null || { echo "install.sh: go not found on PATH" >&2; exit 1; }
# Module proxy only (no direct VCS fetches) unless the caller set a mirror.
export GOPROXY="${GOPROXY:-https://proxy.golang.org}"
export GOFLAGS="-mod=readonly -buildvcs=false"

mkdir -p "$root/.oracles"
cd "$here"
go mod download github.com/AgoraIO-Community/go-tokenbuilder
tmp="$(mktemp "$root/.oracles/.go-adapter.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
go build -trimpath -o "$tmp" .
chmod +x "$tmp"
mv -f "$tmp" "$out"   # atomic replace, safe if a run is starting meanwhile
trap - EXIT
echo "install.sh: built $out" >&2
