#!/usr/bin/env bash
# Installs what the e2e suite needs: Debian's Chromium and CJK fonts, and code-server
# (a real VS Code 1.100 served to a browser) under .e2e/code-server. Idempotent: every
# step checks first, so a second run takes well under a second. Why each
# workaround is needed: notes/real-vscode.md in the shared folder (../shared).
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# The @vscode/ripgrep version code-server 4.100.3 pins, and the asset its post-install
# would fetch from GitHub (unreachable here).
RIPGREP_PKG_VERSION=1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E_DIR="$ROOT/.e2e"
CS_DIR="$E2E_DIR/code-server"
# Written only after a complete install, so an interrupted one is retried, not trusted.
CS_MARKER="$CS_DIR/.installed-$CODE_SERVER_VERSION"
# code-server writes ~/.config/code-server/config.yaml (with a random password) on its first
# run unless given a config file; an empty one of ours keeps the user's home untouched.
CS_CONFIG="$E2E_DIR/code-server.yaml"

start=$(date +%s)
log() { printf '[prepare %3ss] %s\n' "$(( $(date +%s) - start ))" "$*"; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); fi
fi

# ---- Debian packages -------------------------------------------------------
# chromium: the browser Playwright drives (playwright-core downloads none).
# fonts-noto-cjk: without it every Chinese glyph is an empty box in screenshots.
# ripgrep: its /usr/bin/rg stands in for the binary @vscode/ripgrep downloads.
# The -dev packages and pkg-config: code-server's native modules compile against them.
PACKAGES=(chromium fonts-noto-cjk ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config)
missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  # dpkg's per-file progress is noise in CI logs; failures still reach stderr.
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Use-Pty=0 "${missing[@]}" >/dev/null
else
  log "Debian packages present"
fi

# ---- project dependencies -------------------------------------------------
# run.sh needs vsce, mocha, tsx and playwright-core from the project's own lockfile.
if [ ! -x "$ROOT/node_modules/.bin/vsce" ] || [ ! -d "$ROOT/node_modules/playwright-core" ]; then
  log "npm ci (project)"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
fi

# ---- code-server ------------------------------------------------------------
mkdir -p "$E2E_DIR"
[ -f "$CS_CONFIG" ] || : >"$CS_CONFIG"
if [ -f "$CS_MARKER" ] && [ -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION present"
else
  log "npm install code-server@$CODE_SERVER_VERSION into $CS_DIR (takes minutes)"
  mkdir -p "$CS_DIR"
  # @vscode/ripgrep's post-install looks for its download in Node's os.tmpdir()
  # first; ask Node for that folder rather than guess.
  NODE_TMP="$(node -p 'require("os").tmpdir()')"
  RG_CACHE_DIR="$NODE_TMP/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
  RG_TARBALL="$RG_CACHE_DIR/$RIPGREP_ASSET"
  if [ ! -s "$RG_TARBALL" ]; then
    log "creating $RG_TARBALL from /usr/bin/rg"
    mkdir -p "$RG_CACHE_DIR"
    tar -czf "$RG_TARBALL.tmp" -C /usr/bin rg
    mv "$RG_TARBALL.tmp" "$RG_TARBALL"
  else
    log "ripgrep cache present"
  fi
  # Its own package.json keeps npm from treating the project root as the install prefix.
  if [ ! -f "$CS_DIR/package.json" ]; then
    printf '{\n  "name": "e2e-code-server",\n  "private": true\n}\n' >"$CS_DIR/package.json"
  fi
  # unsafe_perm: code-server's post-install refuses to run as root otherwise.
  # yes: node-pty's post-install runs `npx node-gyp`, which would wait at a prompt.
  (cd "$CS_DIR" && npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --save-exact "code-server@$CODE_SERVER_VERSION")
  "$CS_DIR/node_modules/.bin/code-server" --config "$CS_CONFIG" --version
  touch "$CS_MARKER"
fi

log "done"
