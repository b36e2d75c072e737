#!/usr/bin/env bash
# Shared by ensure-office.sh and ensure-browser.sh: install Debian packages when something they
# provide is missing. Usage (sourced): apt_ensure NAME TESTS_DIR "PACKAGES" MISSING_FUNCTION
# Installs when running as root with apt-get (CI is root on Debian); otherwise prints what to
# install and returns 0, and the tests in TESTS_DIR then fail with the same message (never skip).
apt_ensure() {
    local name=$1 tests=$2 packages=$3 missing=$4 what
    what=$($missing || true)
    [ -z "$what" ] && return 0
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "$name: $what missing; installing $packages" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # shellcheck disable=SC2086
        apt-get install -y -qq --no-install-recommends $packages >/dev/null
        what=$($missing || true)
        [ -z "$what" ] || echo "$name: still missing after install: $what" >&2
        return 0
    fi
    cat >&2 <<MSG
$name: $what is missing and cannot be installed here (needs root and apt-get).
  The tests in $tests will FAIL. Install as root:
    apt-get install --no-install-recommends $packages
MSG
}
