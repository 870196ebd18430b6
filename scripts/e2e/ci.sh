#!/usr/bin/env bash
# CI's end-to-end job: install what code-server and Chromium need (quick when present), then build
# the .vsix and drive it in code-server. Screenshots and logs land in test-results/e2e/.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/e2e/setup.sh
npm run test:e2e
