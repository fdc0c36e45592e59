#!/usr/bin/env bash
# The browser tests need Debian's Chromium, and the Firefox smoke journey Debian's Firefox ESR. Install each when
# missing and we can (root, apt-get); otherwise say what to do. Never download a browser of Playwright's own or
# puppeteer's: that fails on machines without general network access.
set -euo pipefail
updated=0

# ensure <binary> <Debian package> <variable that may point elsewhere>
ensure() {
  local bin="$1" package="$2" variable="$3"
  if [ -x "$bin" ]; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "$package missing: installing Debian's $package (apt-get install -y $package)..."
    export DEBIAN_FRONTEND=noninteractive
    if [ "$updated" = "0" ]; then
      apt-get update -qq >/dev/null
      updated=1
    fi
    apt-get install -y -qq "$package" >/dev/null
    [ -x "$bin" ] && return 0
  fi
  echo "The browser tests need $package at $bin. Install it with: sudo apt-get install -y $package" >&2
  echo "(or set $variable to another binary)." >&2
  return 1
}

ensure "${CHROMIUM_PATH:-/usr/bin/chromium}" chromium CHROMIUM_PATH
ensure "${FIREFOX_PATH:-/usr/bin/firefox-esr}" firefox-esr FIREFOX_PATH
