#!/usr/bin/env bash
# The GitHub Action's lint step (action.yml): iop-lint with SARIF output for code scanning. Reads
# its inputs from the environment so it runs the same way outside GitHub (test/cli/ciIntegrations.test.ts).
#   IOP_PATHS          files or directories, separated by spaces (default: .)
#   IOP_ISTIO_VERSION  release for files without a `# istio-version:` comment (default: auto)
#   IOP_STRICT         "true": warnings fail too
#   IOP_SARIF          where to write the SARIF report (default: iop-lint.sarif)
# Exit status: iop-lint's (0 clean, 1 problems, 2 usage or read errors); the report is written either way.
set -uo pipefail
cli="${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}/dist/cli.js"
read -r -a paths <<< "${IOP_PATHS:-.}"
args=(--format sarif)
[ -n "${IOP_ISTIO_VERSION:-}" ] && args+=(--istio-version "$IOP_ISTIO_VERSION")
[ "${IOP_STRICT:-false}" = "true" ] && args+=(--strict)
sarif="${IOP_SARIF:-iop-lint.sarif}"
node "$cli" "${args[@]}" -- "${paths[@]}" > "$sarif"
status=$?
[ -n "${GITHUB_OUTPUT:-}" ] && echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"
# The findings as text in the job log too, for people reading the run.
node "$cli" ${IOP_ISTIO_VERSION:+--istio-version "$IOP_ISTIO_VERSION"} -- "${paths[@]}" || true
exit "$status"
