#!/usr/bin/env bash
# Make sure the programs the tests need beyond Python are present: Debian's chromium (tours)
# and wkhtmltopdf (PDF reports), poppler's pdftotext to read them back in tests. Installs them with apt when running as root, else says how.
source "$(dirname "$0")/common.sh"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v wkhtmltopdf >/dev/null 2>&1 || missing+=(wkhtmltopdf)
# The report tests read the PDFs back with pdftotext.
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# Reports use the company layout's fonts; without them wkhtmltopdf renders boxes.
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    die "missing ${missing[*]}: install them with 'sudo apt-get install ${missing[*]}'"
fi
