#!/usr/bin/env bash
# Installs the browsers the end-to-end tests and `npm start` use, from Debian's packages, when
# they are missing. npm cannot install them, and test tools' browser downloads are not used.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || missing+=(firefox-esr)

if [ ${#missing[@]} -eq 0 ]; then
  echo "Browsers present: chromium and firefox."
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing: ${missing[*]}. This is not a Debian/Ubuntu system: install Chromium and Firefox yourself," >&2
  echo "then set CHROMIUM_PATH and FIREFOX_PATH if they are not in the usual places." >&2
  exit 1
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing: ${missing[*]}. Run as root: sudo bash scripts/setup-browsers.sh" >&2
  exit 1
fi

echo "Installing ${missing[*]} from Debian's packages (about a minute)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}."
