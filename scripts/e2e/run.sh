#!/usr/bin/env bash
# End-to-end tests in a real VS Code: packages the extension, installs it into a
# throw-away code-server profile, serves a copy of test/e2e/workspace on a free
# loopback port and runs the mocha suite in test/e2e against it with Chromium.
#
#   bash scripts/e2e/run.sh [mocha args...]      e.g. --grep Outline
#
# Environment:
#   E2E_VSIX=<file>   test this package instead of building one with `npm run package`
#   E2E_KEEP=1        keep the temporary profile and workspace for inspection
# Exits with mocha's status. Screenshots, code-server's output and VS Code's logs
# go to test-artifacts/e2e/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Resolved before the cd below, so a path relative to the caller's folder works.
if [ -n "${E2E_VSIX:-}" ]; then
  E2E_VSIX="$(cd "$(dirname "$E2E_VSIX")" && pwd)/$(basename "$E2E_VSIX")"
fi
cd "$ROOT"

start=$(date +%s)
log() { printf '[e2e %3ss] %s\n' "$(( $(date +%s) - start ))" "$*"; }

bash scripts/e2e/prepare.sh

CODE_SERVER="$ROOT/.e2e/code-server/node_modules/.bin/code-server"
CS_CONFIG="$ROOT/.e2e/code-server.yaml"
ARTIFACTS="$ROOT/test-artifacts/e2e"
EXTENSION_ID="speech-tools.speech-drafts"

# Leftovers from an earlier run would pass for this run's evidence.
rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS"

if [ -n "${E2E_VSIX:-}" ]; then
  VSIX="$E2E_VSIX"
  log "using $VSIX"
else
  # vsce packs every file not excluded by .vscodeignore, and .e2e/ holds the
  # 300 MB code-server install; stop before building a package that size.
  # (Listed into a variable first: `grep -q` in a pipe would kill vsce with
  # SIGPIPE, and pipefail would then turn a match into a miss.)
  packed="$(npx vsce ls --no-dependencies 2>/dev/null || true)"
  if grep -qE '^(\.e2e|test-artifacts)/' <<<"$packed"; then
    echo "vsce would pack .e2e/ or test-artifacts/: add them to .vscodeignore" >&2
    exit 1
  fi
  log "npm run package"
  npm run package
  VSIX="$ROOT/speech-drafts.vsix"
fi
[ -f "$VSIX" ] || { echo "no package at $VSIX" >&2; exit 1; }

RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/speech-e2e.XXXXXX")"
USER_DATA="$RUN_DIR/user-data"
EXTENSIONS="$RUN_DIR/extensions"
WORKSPACE="$RUN_DIR/workspace"
CS_PID=""
CS_ZH_PID=""

# code-server runs in its own process group (setsid below) together with the
# extension host and our language server; signal the whole group, and only it.
stop_group() {
  kill -TERM -- "-$1" 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    kill -0 -- "-$1" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL -- "-$1" 2>/dev/null || true
}

cleanup() {
  local status=$?
  if [ -n "$CS_PID" ]; then stop_group "$CS_PID"; fi
  if [ -n "$CS_ZH_PID" ]; then stop_group "$CS_ZH_PID"; fi
  if [ "${E2E_KEEP:-}" = 1 ]; then
    echo "kept $RUN_DIR" >&2
  else
    rm -rf "$RUN_DIR"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "installing $(basename "$VSIX") into a fresh profile"
"$CODE_SERVER" --config "$CS_CONFIG" --user-data-dir "$USER_DATA" --extensions-dir "$EXTENSIONS" \
  --install-extension "$VSIX"
if ! "$CODE_SERVER" --config "$CS_CONFIG" --user-data-dir "$USER_DATA" --extensions-dir "$EXTENSIONS" \
  --list-extensions | grep -qx "$EXTENSION_ID"; then
  echo "$EXTENSION_ID is not installed after --install-extension" >&2
  exit 1
fi

# Settings that keep the workbench quiet and predictable under automation:
# no Get Started tab stealing focus, no trust prompt, nothing phoning home,
# a pinned theme (Chromium headless would otherwise pick light or dark by its
# own preference), no yellow boxes around CJK punctuation, and an outline
# whose rows are all expanded so the tests can see nested symbols.
mkdir -p "$USER_DATA/User"
cat >"$USER_DATA/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.colorTheme": "Default Dark Modern",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "git.enabled": false,
  "editor.unicodeHighlight.ambiguousCharacters": false,
  "outline.collapseItems": "alwaysExpand"
}
JSON

cp -R "$ROOT/test/e2e/workspace" "$WORKSPACE"

# A second code-server in VS Code's Chinese display language, for the tests of what a Chinese
# user sees (the rule pages): `vscode.env.language` is zh-cn there. VS Code takes a display
# language only from an installed language pack; the real one is not reachable here, and an
# empty one of ours (test/e2e/zh-cn-pack), whose strings all fall back to English, is enough, so
# the workbench's labels the tests find things by stay English. Apart from the main instance
# (its own profile; `zh-extensions`, not under `extensions`, so serverProcesses() counts only the
# main instance's servers): a display language slows the workbench's start (it asks the
# unreachable gallery about the pack), and the other tests need not pay for it.
USER_DATA_ZH="$RUN_DIR/zh-user-data"
EXTENSIONS_ZH="$RUN_DIR/zh-extensions"
ZH_PACK="$RUN_DIR/zh-cn-pack.vsix"
(cd "$ROOT/test/e2e/zh-cn-pack" && npx vsce package --allow-missing-repository --skip-license -o "$ZH_PACK" >/dev/null)
"$CODE_SERVER" --config "$CS_CONFIG" --user-data-dir "$USER_DATA_ZH" --extensions-dir "$EXTENSIONS_ZH" \
  --install-extension "$VSIX" --install-extension "$ZH_PACK"
mkdir -p "$USER_DATA_ZH/User"
cp "$USER_DATA/User/settings.json" "$USER_DATA_ZH/User/settings.json"
# What VS Code writes when a pack is installed from its UI; an install from the command line does not.
ZH_PACK_DIR="$(ls -d "$EXTENSIONS_ZH"/e2e.e2e-zh-cn-pack-*)"
cat >"$USER_DATA_ZH/languagepacks.json" <<JSON
{"zh-cn": {"hash": "e2e", "label": "中文(简体)", "extensions": [{"extensionIdentifier": {"id": "e2e.e2e-zh-cn-pack"}, "version": "0.0.1"}],
  "translations": {"vscode": "$ZH_PACK_DIR/translations/main.i18n.json"}}}
JSON
# Tests may edit and save drafts; a fixture copied read-only would refuse the save.
chmod -R u+w "$WORKSPACE"

free_port() {
  node -e '
    const s = require("net").createServer();
    s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });
  '
}
PORT="$(free_port)"
URL="http://127.0.0.1:$PORT/"

log "starting code-server on $URL"
# setsid makes code-server a process-group leader (the script's background
# jobs would otherwise share our group), so cleanup can stop its children too.
setsid "$CODE_SERVER" --config "$CS_CONFIG" \
  --auth none --bind-addr "127.0.0.1:$PORT" \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --user-data-dir "$USER_DATA" --extensions-dir "$EXTENSIONS" \
  "$WORKSPACE" >"$ARTIFACTS/code-server.log" 2>&1 &
CS_PID=$!

# /healthz answers once the HTTP server is up.
wait_up() {
  node -e '
    const [url, pid] = process.argv.slice(1);
    const deadline = Date.now() + 60_000;
    (async function poll() {
      try { process.kill(Number(pid), 0); } catch { console.error("code-server exited early"); process.exit(1); }
      try { if ((await fetch(url + "healthz")).ok) process.exit(0); } catch {}
      if (Date.now() > deadline) { console.error("code-server did not answer within 60 s"); process.exit(1); }
      setTimeout(poll, 250);
    })();
  ' "$1" "$2" || { cat "$3" >&2; exit 1; }
}
wait_up "$URL" "$CS_PID" "$ARTIFACTS/code-server.log"
log "code-server is up (pid $CS_PID)"

PORT_ZH="$(free_port)"
URL_ZH="http://127.0.0.1:$PORT_ZH/"
setsid "$CODE_SERVER" --config "$CS_CONFIG" \
  --auth none --bind-addr "127.0.0.1:$PORT_ZH" --locale zh-cn \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --user-data-dir "$USER_DATA_ZH" --extensions-dir "$EXTENSIONS_ZH" \
  "$WORKSPACE" >"$ARTIFACTS/code-server-zh.log" 2>&1 &
CS_ZH_PID=$!
wait_up "$URL_ZH" "$CS_ZH_PID" "$ARTIFACTS/code-server-zh.log"
log "code-server in Chinese is up on $URL_ZH (pid $CS_ZH_PID)"

set +e
E2E_URL="$URL" E2E_URL_ZH="$URL_ZH" E2E_WORKSPACE="$WORKSPACE" E2E_ARTIFACTS="$ARTIFACTS" \
  npx mocha --config test/e2e/.mocharc.json "$@"
status=$?
set -e
# VS Code's own logs (extension host, our language client's output channel)
# are what explains a failure that only shows as an empty panel.
cp -R "$USER_DATA/logs" "$ARTIFACTS/logs" 2>/dev/null || true
cp -R "$USER_DATA_ZH/logs" "$ARTIFACTS/logs-zh" 2>/dev/null || true
log "mocha exited with $status; screenshots in ${ARTIFACTS#"$ROOT"/}"
exit "$status"
