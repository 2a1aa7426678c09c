#!/usr/bin/env bash
# Browser tests drive Debian's chromium (never a downloaded browser) and need a CJK font so
# that Chinese renders as text, not boxes. Installs both when missing and running as root;
# otherwise says exactly what to install.
set -euo pipefail

chromium_bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
need=()
[[ -x "$chromium_bin" ]] || need+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [[ -z "$(fc-list :lang=zh 2>/dev/null)" ]]; then
  need+=(fonts-wqy-microhei)
fi
((${#need[@]} == 0)) && exit 0

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${need[*]} for the browser tests (apt-get)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  exit 0
fi

cat >&2 <<MSG
The browser tests need: ${need[*]}
Install them, then run the tests again:
  sudo apt-get update && sudo apt-get install -y ${need[*]}
(Another Chromium can be used with CHROMIUM_PATH=/path/to/chromium; any CJK font works.)
MSG
exit 1
