#!/usr/bin/env bash
# Make sure the rendering tests can run: LibreOffice (headless), its Python bridge, CJK fonts, poppler.
# Called by `make test`. Installs what is missing when running as root with apt-get (CI is root on
# Debian); otherwise prints what to install and returns 0, and the rendering tests then fail with
# the same message (they never skip).
set -euo pipefail

PACKAGES="libreoffice-writer-nogui fonts-noto-cjk poppler-utils python3-uno"

missing() {
    command -v soffice >/dev/null 2>&1 || { echo "soffice"; return; }
    command -v pdftotext >/dev/null 2>&1 || { echo "pdftotext"; return; }
    command -v pdffonts >/dev/null 2>&1 || { echo "pdffonts"; return; }
    /usr/bin/python3 -c "import uno" >/dev/null 2>&1 || { echo "python3-uno"; return; }
    fc-list : family 2>/dev/null | grep "Noto Serif CJK SC" >/dev/null || { echo "fonts-noto-cjk"; return; }
    fc-list : family 2>/dev/null | grep "Noto Sans CJK SC" >/dev/null || { echo "fonts-noto-cjk"; return; }
}

what=$(missing || true)
if [ -z "$what" ]; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-office: $what missing; installing $PACKAGES" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
    what=$(missing || true)
    if [ -z "$what" ]; then
        exit 0
    fi
    echo "ensure-office: still missing after install: $what" >&2
    exit 0
fi
cat >&2 <<MSG
ensure-office: $what is missing and cannot be installed here (needs root and apt-get).
  The rendering tests in tests/office/ will FAIL. Install as root:
    apt-get install --no-install-recommends $PACKAGES
MSG
exit 0
