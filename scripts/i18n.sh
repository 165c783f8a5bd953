#!/usr/bin/env bash
# Regenerate i18n/hr_exit_interview.pot and the .po files (nl.po, fr.po) from a database with
# the addon installed and the languages loaded (never edit the .pot by hand). The addon's own
# translations come back in each .po; a new term that Odoo's own modules already translate
# (inherited fields such as "Followers") takes Odoo's wording marked fuzzy, to be checked by
# hand; the rest comes back empty, to be translated by hand. Belgium's languages: Dutch (nl.po) and French (fr.po, as fr_BE).
source "$(dirname "$0")/common.sh"
database="hrexit_i18n_$$"
# .po file, the Odoo language exported into it, Odoo's .po files to borrow from (first wins)
LANGUAGES=("nl nl_NL nl" "fr fr_BE fr_BE,fr")
work="$(mktemp -d)"
trap '"$(dirname "$0")/dropdb.sh" "$database"; rm -rf "$work"' EXIT
# Odoo's export leaves code terms untranslated: keep the previous .po files to refill them.
for spec in "${LANGUAGES[@]}"; do
    read -r name _ _ <<<"$spec"
    cp "$ADDON_DIR/i18n/$name.po" "$work/$name.po" 2>/dev/null || : >"$work/$name.po"
done
"$(dirname "$0")/odoo.sh" -d "$database" -i "$ADDON_NAME" --without-demo=all \
    --load-language=nl_NL,fr_BE --stop-after-init --log-level=warn
"$(dirname "$0")/odoo.sh" -d "$database" --i18n-export="$ADDON_DIR/i18n/$ADDON_NAME.pot" \
    --modules="$ADDON_NAME" --stop-after-init --log-level=warn
for spec in "${LANGUAGES[@]}"; do
    read -r name language sources <<<"$spec"
    "$(dirname "$0")/odoo.sh" -d "$database" --i18n-export="$ADDON_DIR/i18n/$name.po" \
        --modules="$ADDON_NAME" --language="$language" --stop-after-init --log-level=warn
    "$VENV/bin/python" - "$ADDON_DIR/i18n/$name.po" "$ODOO_SRC" "$work/$name.po" "$sources" <<'PY'
import sys
from pathlib import Path

import polib

target, odoo_src, previous_path, sources = sys.argv[1:]
po = polib.pofile(target)
previous = {}
if Path(previous_path).stat().st_size:
    previous = {e.msgid: e.msgstr for e in polib.pofile(previous_path) if e.msgstr}


def spaced(text):
    return " ".join(text.split())


# A term whose text only moved between lines (re-indented XML) keeps its translation.
reflowed = {spaced(msgid): msgstr for msgid, msgstr in previous.items()}
for entry in po.untranslated_entries():
    entry.msgstr = previous.get(entry.msgid) or reflowed.get(spaced(entry.msgid), "")
odoo_terms = {}
for source in sources.split(","):
    for module in ("base", "web", "mail", "portal", "calendar", "resource", "hr", "sms"):
        for path in Path(odoo_src).glob(f"**/addons/{module}/i18n/{source}.po"):
            for entry in polib.pofile(str(path)):
                if entry.msgstr and not entry.fuzzy:
                    odoo_terms.setdefault(entry.msgid, entry.msgstr)
# Borrowed wording is only a suggestion: the same English word may mean something else in
# Odoo ("State" is a country's province there). Marked fuzzy, it fails the static tier until
# a translator has read it in the addon's sense and removed the flag.
for entry in po.untranslated_entries():
    entry.msgstr = odoo_terms.get(entry.msgid, "")
    if entry.msgstr:
        entry.flags.append("fuzzy")
po.save()
name = Path(target).name
print(
    f"{name}: {po.percent_translated()}% translated, "
    f"{len(po.untranslated_entries()) + len(po.fuzzy_entries())} to do"
)
PY
done
