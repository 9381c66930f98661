#!/usr/bin/env bash
# Installs the pinned official Agora Node packages into ./node_modules (git-ignored).
# Idempotent: skips `npm ci` when node_modules was installed from the same package-lock.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

stamp=node_modules/.countersign-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  echo "node oracle: node_modules up to date" >&2
  exit 0
fi

npm ci --no-audit --no-fund >&2
echo "$want" > "$stamp"
echo "node oracle: installed $(node -p 'require("./node_modules/agora-token/package.json").version') agora-token," \
     "$(node -p 'require("./node_modules/agora-access-token/package.json").version') agora-access-token," \
     "$(node -p 'require("./node_modules/netless-token/package.json").version') netless-token" >&2
