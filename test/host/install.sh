#!/usr/bin/env bash
# Offline installer for the real-VS-Code test host: code-server 4.100.3 (VS Code 1.100.3, the newest
# release that runs on Node 20) into .vscode-test/code-server. Skipped when already installed.
# System packages it needs (installed by .ci/run): chromium fonts-liberation fonts-noto-color-emoji libkrb5-dev ripgrep.
# Three workarounds make the npm install work without internet beyond the registry:
#  1. libkrb5-dev: the `kerberos` native module compiles from source (no GitHub prebuilds).
#  2. @vscode/ripgrep's postinstall downloads rg from GitHub: its cache is pre-seeded with Debian's rg.
#  3. node-pty's postinstall runs `npx node-gyp`; this machine's npm config says yes=false, and as
#     root code-server's postinstall needs unsafe-perm.
set -euo pipefail
source "$(dirname "$0")/env.sh"
if "$CODE_SERVER_BIN" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "; then
  echo "code-server $CODE_SERVER_VERSION already installed in $HOST_ROOT/code-server"; exit 0
fi
# ripgrep seeds @vscode/ripgrep's cache below; libkrb5-dev is needed to compile `kerberos`.
command -v rg >/dev/null || { echo "missing ripgrep: apt-get install -y ripgrep libkrb5-dev (the tests also need chromium fonts-liberation fonts-noto-color-emoji)" >&2; exit 1; }
rgver=1.15.11; rgtag=v13.0.0-10
cache="$TMPDIR/vscode-ripgrep-cache-$rgver"; mkdir -p "$cache/stage"
cp "$(command -v rg)" "$cache/stage/rg"
tar -C "$cache/stage" -czf "$cache/ripgrep-$rgtag-x86_64-unknown-linux-musl.tar.gz" rg; rm -rf "$cache/stage"
mkdir -p "$HOST_ROOT/code-server"; cd "$HOST_ROOT/code-server"
[ -f package.json ] || echo '{"private":true}' > package.json
t0=$(date +%s)
npm_config_yes=true npm_config_unsafe_perm=true npm install "code-server@$CODE_SERVER_VERSION" \
  --unsafe-perm --foreground-scripts --no-audit --no-fund > "$HOST_ROOT/code-server-install.log" 2>&1 \
  || { tail -40 "$HOST_ROOT/code-server-install.log"; exit 1; }
"$CODE_SERVER_BIN" --version | head -1
echo "installed code-server in $(( $(date +%s) - t0 )) s"
