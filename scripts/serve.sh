#!/usr/bin/env bash
# Install what is missing, then serve the app over seeds/ on http://127.0.0.1:8080.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
exec trunk serve --offline "$@"
