#!/usr/bin/env bash
# Make sure Debian packages the project runs on are present.
# Usage: scripts/system-deps.sh COMMAND:PACKAGE ...   (e.g. dot:graphviz soffice:libreoffice-writer-nogui)
# Installs the missing ones with apt-get when run as root; otherwise prints the one command to run
# and exits 1. Never asks a question (CI has no terminal).
set -euo pipefail
missing=()
for pair in "$@"; do
    command_name=${pair%%:*}
    package=${pair#*:}
    if ! command -v "$command_name" >/dev/null 2>&1; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
    exit 0
fi
echo "missing system packages; run: sudo apt-get install -y ${missing[*]}" >&2
exit 1
