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

# shellcheck source=scripts/apt-ensure.sh
source "$(dirname "$0")/apt-ensure.sh"
apt_ensure ensure-office tests/office/ "$PACKAGES" missing
