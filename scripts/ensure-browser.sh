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

# shellcheck source=scripts/apt-ensure.sh
source "$(dirname "$0")/apt-ensure.sh"
apt_ensure ensure-browser tests/web/ "$PACKAGES" missing
