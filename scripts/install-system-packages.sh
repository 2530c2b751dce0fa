#!/usr/bin/env bash
# Installs the Debian packages the test suites need, when missing:
#   chromium     the real browser for the webview and e2e tests (playwright-core drives it)
#   libkrb5-dev  code-server's native `kerberos` module compiles against it
#   make, g++, python3  node-gyp's toolchain for that compile
#   redis-server the team server's store (`mlo serve`); its tests start their own on a free port
# Needs root (or sudo). Safe to run again: it installs only what is missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v make >/dev/null 2>&1 || need+=(make)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "system packages: installing ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
