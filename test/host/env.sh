# Sourced by the test-host scripts: keeps code-server, Chromium and npm temp state inside the
# project's git-ignored cache folder instead of $HOME.
HOST_ROOT=${HOST_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.vscode-test}
export HOST_ROOT
export XDG_CONFIG_HOME=$HOST_ROOT/xdg/config XDG_DATA_HOME=$HOST_ROOT/xdg/data XDG_CACHE_HOME=$HOST_ROOT/xdg/cache
export TMPDIR=$HOST_ROOT/tmp
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$TMPDIR"
export CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.100.3}
export CODE_SERVER_BIN=$HOST_ROOT/code-server/node_modules/.bin/code-server
