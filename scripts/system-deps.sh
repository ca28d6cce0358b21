#!/usr/bin/env bash
# Make sure the Debian packages the project runs on are present.
# Usage: scripts/system-deps.sh CHECK:PACKAGE ...
#   CHECK is a command name (dot:graphviz) or an absolute file path
#   (/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf:fonts-crosextra-carlito).
# Installs the missing ones with apt-get when run as root; otherwise prints the one command to run
# and exits 1. Never asks a question (CI has no terminal).
set -euo pipefail
missing=()
for pair in "$@"; do
    check=${pair%%:*}
    package=${pair#*:}
    if [[ $check == /* ]]; then
        [ -e "$check" ] || missing+=("$package")
    elif ! command -v "$check" >/dev/null 2>&1; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    # apt's own lines (Get:, Unpacking, Setting up) are the progress: a newcomer sees it working.
    echo "==> installing Debian packages: ${missing[*]} (a few minutes on a fresh machine)"
    export DEBIAN_FRONTEND=noninteractive
    echo "==> apt-get update"
    apt-get update
    echo "==> apt-get install"
    apt-get install -y --no-install-recommends "${missing[@]}"
    echo "==> Debian packages installed"
    exit 0
fi
echo "missing system packages; run: sudo apt-get install -y ${missing[*]}" >&2
exit 1
