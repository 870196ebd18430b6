#!/usr/bin/env bash
# Installs what the end-to-end tests need, and nothing into the project's own dependency tree:
#   - Debian packages: chromium (the browser Playwright drives), libkrb5-dev (code-server's `kerberos`
#     native module builds against it), ripgrep (stands in for @vscode/ripgrep's download, see below);
#   - code-server 4.100.3 (the last release that runs on Node 20) into $E2E_CACHE/code-server.
# playwright-core comes from the project's devDependencies (npm ci), never with browsers.
#
# Idempotent and quick when everything is there: each step checks what is installed (for code-server,
# its version and the Node major it was built for) and skips.
# Recipe and the reasons for each step: ../shared/E2E-IN-REAL-VSCODE.md.
#
#   scripts/e2e/setup.sh            # E2E_CACHE defaults to <repo>/.e2e-cache (gitignored)
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cache=${E2E_CACHE:-$repo/.e2e-cache}
code_server_version=4.100.3
# The @vscode/ripgrep that code-server 4.100.3 depends on, and the ripgrep release it downloads.
vscode_ripgrep_version=1.15.11
ripgrep_release=v13.0.0-10
apt_packages=(chromium libkrb5-dev ripgrep)

say() { printf 'e2e setup: %s\n' "$*"; }
die() { printf 'e2e setup: %s\n' "$*" >&2; exit 1; }

# --- Debian packages ---------------------------------------------------------------------------
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  command -v apt-get >/dev/null || die "needs the Debian packages ${missing[*]}, and there is no apt-get here"
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "needs root (or sudo) to install ${missing[*]}"
    sudo=(sudo)
  fi
  say "installing ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  say "Debian packages present (${apt_packages[*]})"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing after installing the chromium package"

# --- code-server -------------------------------------------------------------------------------
prefix=$cache/code-server
stamp=$prefix/.installed
node_major=$(node -p 'process.versions.node.split(".")[0]')
# The version, and the Node major its native modules were built for.
want="code-server $code_server_version node $node_major"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$prefix/node_modules/.bin/code-server" ]; then
  say "code-server $code_server_version present in $prefix"
else
  [ "$node_major" = 20 ] || die "code-server $code_server_version runs on Node 20 only; this is Node $(node -v)"

  # @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the archive:
  # put Debian's rg there under the name it looks for.
  case $(uname -m) in
    x86_64) rg_target=x86_64-unknown-linux-musl ;;
    aarch64) rg_target=aarch64-unknown-linux-musl ;;
    *) die "no ripgrep archive name known for $(uname -m)" ;;
  esac
  rg_cache=$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$vscode_ripgrep_version
  rg_archive=$rg_cache/ripgrep-$ripgrep_release-$rg_target.tar.gz
  if [ ! -s "$rg_archive" ]; then
    mkdir -p "$rg_cache"
    tar czf "$rg_archive" -C "$(dirname "$(readlink -f "$(command -v rg)")")" rg
  fi

  say "installing code-server $code_server_version into $prefix (about a minute)"
  rm -rf "$prefix"
  mkdir -p "$prefix"
  log=$cache/code-server-install.log
  # unsafe_perm: code-server's postinstall refuses to run as root otherwise;
  # yes: node-pty's postinstall runs `npx node-gyp`, which would stop at a prompt.
  if ! npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --prefix "$prefix" --no-audit --no-fund --no-save "code-server@$code_server_version" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    die "npm install code-server@$code_server_version failed; full log in $log"
  fi
  [ -x "$prefix/node_modules/.bin/code-server" ] || die "code-server installed without its bin; see $log"
  echo "$want" >"$stamp"
fi

# --- playwright-core ---------------------------------------------------------------------------
(cd "$repo" && node -e 'require.resolve("playwright-core")' 2>/dev/null) \
  || die "playwright-core is missing from $repo/node_modules: it is a devDependency, run npm ci"

# (not `code-server --version`: it writes a config file into the home directory)
say "ready: code-server $(node -p "require('$prefix/node_modules/code-server/package.json').version"), $(/usr/bin/chromium --version 2>/dev/null)"
