#!/usr/bin/env bash
# Creates <repo>/.oracles/python-venv and installs the pinned official packages
# from requirements.txt. Idempotent: a stamp holding the hash of requirements.txt
# makes a second run a quick no-op. Usage: install.sh [--quiet]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
venv="$root/.oracles/python-venv"
req="$here/requirements.txt"
stamp="$venv/.countersign-requirements.sha256"

quiet=""
if [ "${1:-}" = "--quiet" ] || [ "${1:-}" = "-q" ]; then quiet="-q"; fi
say() { if [ -z "$quiet" ]; then echo "$@" >&2; fi; }

want="$(sha256sum "$req" | cut -d' ' -f1)"
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
   && "$venv/bin/python" -c 'import agoraiotools, agora_token_builder' 2>/dev/null; then
  say "python oracle: already installed in $venv"
  exit 0
fi

py="${PYTHON:-python3}"
if ! "$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 8) else 1)' 2>/dev/null; then
  echo "python oracle: need Python >= 3.8 as \$PYTHON or python3" >&2
  exit 1
fi

mkdir -p "$root/.oracles"
if [ ! -x "$venv/bin/python" ]; then
  say "python oracle: creating venv $venv"
  "$py" -m venv "$venv"
fi
rm -f "$stamp"
say "python oracle: installing $(grep -v '^#' "$req" | xargs)"
"$venv/bin/python" -m pip install $quiet --disable-pip-version-check --no-input \
  -r "$req" >&2
"$venv/bin/python" -c 'import agoraiotools, agora_token_builder'
echo "$want" > "$stamp"
say "python oracle: ready ($venv/bin/python)"
