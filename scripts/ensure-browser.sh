#!/usr/bin/env bash
# Make sure the browser tests (tests/web/) can run: Debian's Chromium and ChromeDriver.
# Called by `make test`. Installs them when missing and running as root with apt-get (CI is root on
# Debian); otherwise prints what to install and returns 0, and the browser tests then FAIL with the
# same message (they never skip). Playwright drives /usr/bin/chromium: never `playwright install`.
set -euo pipefail

PACKAGES="chromium chromium-driver"

missing() {
    [ -x /usr/bin/chromium ] || { echo "chromium"; return; }
    [ -x /usr/bin/chromedriver ] || { echo "chromium-driver"; return; }
}

what=$(missing || true)
if [ -z "$what" ]; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-browser: $what missing; installing $PACKAGES" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
    what=$(missing || true)
    if [ -z "$what" ]; then
        exit 0
    fi
    echo "ensure-browser: still missing after install: $what" >&2
    exit 0
fi
cat >&2 <<MSG
ensure-browser: $what is missing and cannot be installed here (needs root and apt-get).
  The browser tests in tests/web/ will FAIL. Install as root:
    apt-get install --no-install-recommends $PACKAGES
MSG
exit 0
