#!/usr/bin/env bash
# Installs what is missing, then serves the app with the default corpus at
# http://127.0.0.1:8080 and rebuilds it when a source file changes.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh
echo "serve: trunk serve at http://127.0.0.1:8080/ (reload the page by hand after a rebuild)"
exec trunk serve --address 127.0.0.1 --port 8080 "$@"
