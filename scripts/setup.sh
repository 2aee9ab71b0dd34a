#!/usr/bin/env bash
# Installs everything Casework's tests need on a fresh Debian machine with Node 20, so that a fresh
# machine and a well-stocked one behave the same:
# - chromium: Debian's (Playwright cannot download browsers here); it prints the report to PDF.
# - fontconfig and fonts-dejavu-core: how Chromium finds fonts, and the one font family a fresh
#   machine has (the browser tests run Chromium with only these fonts to prove the report needs
#   nothing else; the app's own typefaces come from npm). fonts-dejavu-core also draws the
#   interface's symbols (✓ ⚠ →) that the shipped typefaces lack.
# - poppler-utils: pdftotext and pdffonts, to read the printed PDF's text and fonts.
# Then the npm packages exactly as locked.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium fontconfig fonts-dejavu-core poppler-utils)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

npm ci --no-audit --no-fund
