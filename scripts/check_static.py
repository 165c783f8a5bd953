"""Static checks that need no Odoo, beyond those of the linters (scripts/lint.sh):
the project's own rules for the manifest, the access CSV's header and rules, complete
translations, and the generated README.rst and Apps page.

pylint-odoo checks the manifest's version, keys and listed files, oca-checks-odoo-module
every XML file's syntax and that every data file is listed, oca-checks-po the .po files'
syntax. Prints one line per failed check and a closing summary line with the counts.
"""

import ast
import csv
import re
import sys
from pathlib import Path

import gen_readme
import polib

ROOT = Path(__file__).resolve().parent.parent
REQUIRED_DEPENDS = {"hr", "portal", "mail", "calendar"}
ACCESS_HEADER = [
    "id",
    "name",
    "model_id:id",
    "group_id:id",
    "perm_read",
    "perm_write",
    "perm_create",
    "perm_unlink",
]
# Translations known to be wrong for a term, found in review (issue #15): mostly what
# Odoo's own .po files give for a homonym, which `make i18n` borrows for a new term
# (base's "State" is a country's state). msgid -> words its msgstr must not contain,
# per language, compared word by word without case.
WRONG_TERMS = {
    "State": {"nl": {"provincie", "staat"}, "fr": {"province", "état"}},
    "Status": {"nl": {"provincie", "staat"}, "fr": {"province", "état"}},
    "Open": {"nl": {"openen"}, "fr": {"ouvrir"}},
    "Report Readings": {"nl": {"lezing", "lezingen"}},
    "Exit Interview Reading": {"nl": {"lezing", "lezingen"}},
}
# Terms ruled on as selection values only: there "Open" is a state, not the verb.
WRONG_TERMS_SELECTION_ONLY = {"Open"}


class Checker:
    def __init__(self):
        self.passed = 0
        self.failures = []

    def check(self, ok, message):
        if ok:
            self.passed += 1
        else:
            self.failures.append(message)
        return ok


def addon_files():
    return [
        path
        for path in ROOT.rglob("*")
        if path.is_file() and not path.relative_to(ROOT).parts[0].startswith(".")
    ]


def check_manifest(checker):
    manifest = ast.literal_eval((ROOT / "__manifest__.py").read_text())
    checker.check(
        manifest.get("license") == "LGPL-3", "manifest: license must be LGPL-3"
    )
    checker.check(
        "description" not in manifest,
        "manifest: no 'description' key, readme/DESCRIPTION.md says it",
    )
    for key in ("name", "author", "website", "category", "maintainers"):
        checker.check(manifest.get(key), f"manifest: missing {key!r}")
    checker.check(
        REQUIRED_DEPENDS <= set(manifest.get("depends", [])),
        f"manifest: depends must include {sorted(REQUIRED_DEPENDS)}",
    )
    checker.check(
        (ROOT / "static/description/icon.png").is_file(),
        "manifest: static/description/icon.png is missing",
    )
    return manifest


INHERIT = re.compile(r"^\s+_inherit = (\[.*?\]|\"[\w.]+\")", re.M | re.S)


def defined_models():
    """Models the addon defines with a table: abstract models need no access rule."""
    models = set()
    for path in addon_files():
        if path.suffix != ".py":
            continue
        for bases, body in re.findall(
            r"^class \w+\((.*?)\):\n(.*?)(?=^class |\Z)", path.read_text(), re.M | re.S
        ):
            if "AbstractModel" in bases:
                continue
            # A class that names a model it also inherits (to add a mixin) extends it.
            inherited = set(re.findall(r"\"([\w.]+)\"", "".join(INHERIT.findall(body))))
            models.update(
                set(re.findall(r"^\s+_name = \"([\w.]+)\"", body, re.M)) - inherited
            )
    return {"model_" + name.replace(".", "_") for name in models}


def check_access(checker):
    path = ROOT / "security/ir.model.access.csv"
    with path.open(newline="") as handle:
        rows = list(csv.reader(handle))
    checker.check(rows and rows[0] == ACCESS_HEADER, f"{path.name}: header differs")
    models = defined_models()
    seen = set()
    for row in rows[1:]:
        checker.check(len(row) == 8, f"{path.name}: row {row} has not 8 columns")
        if len(row) != 8:
            continue
        checker.check(row[0] not in seen, f"{path.name}: id {row[0]} repeated")
        seen.add(row[0])
        checker.check(
            all(flag in ("0", "1") for flag in row[4:]),
            f"{path.name}: {row[0]} has a permission other than 0 or 1",
        )
        checker.check(
            "." in row[2] or row[2] in models,
            f"{path.name}: {row[0]} names unknown model {row[2]}",
        )
    covered = {row[2] for row in rows[1:] if len(row) == 8}
    for model in sorted(models - covered):
        checker.check(False, f"{path.name}: model {model} has no access rule")


def wrong_terms(po, language):
    """The entries of `po` that use a translation WRONG_TERMS forbids."""
    found = []
    for entry in po:
        rule = WRONG_TERMS.get(entry.msgid)
        if not rule or entry.obsolete:
            continue
        if entry.msgid in WRONG_TERMS_SELECTION_ONLY and not any(
            "fields.selection" in place for place, _line in entry.occurrences
        ):
            continue
        words = set(re.findall(r"\w+", entry.msgstr.lower()))
        if words & rule.get(language, set()):
            found.append(f"{entry.msgid!r} -> {entry.msgstr!r}")
    return found


def check_translations(checker):
    pot_path = ROOT / "i18n/hr_exit_interview.pot"
    if not checker.check(pot_path.is_file(), "i18n: hr_exit_interview.pot missing"):
        return
    pot = polib.pofile(str(pot_path))
    pot_ids = {(entry.msgctxt, entry.msgid) for entry in pot}
    for po_path in sorted((ROOT / "i18n").glob("*.po")):
        po = polib.pofile(str(po_path))
        name = po_path.name
        live = [entry for entry in po if not entry.obsolete]
        untranslated = [e.msgid for e in live if not e.translated()]
        checker.check(
            not untranslated,
            f"i18n/{name}: {len(untranslated)} untranslated or fuzzy, "
            f"first {untranslated[:1]}",
        )
        po_ids = {(entry.msgctxt, entry.msgid) for entry in live}
        checker.check(
            po_ids == pot_ids,
            f"i18n/{name}: {len(pot_ids - po_ids)} terms of the .pot missing, "
            f"{len(po_ids - pot_ids)} not in the .pot",
        )
        wrong = wrong_terms(po, po_path.stem)
        checker.check(
            not wrong, f"i18n/{name}: known wrong translation {', '.join(wrong)}"
        )


def check_readme(checker):
    """README.rst and the Apps page are generated from readme/*.md (`make readme`)."""
    rst = gen_readme.readme_rst()
    for path, text in (
        (ROOT / "README.rst", rst),
        (ROOT / "static/description/index.html", gen_readme.index_html(rst)),
    ):
        checker.check(
            path.is_file() and path.read_text() == text,
            f"{path.relative_to(ROOT)}: older than readme/*.md, run `make readme`",
        )
    for image in re.findall(r"static/description/([\w.-]+\.png)", rst):
        checker.check(
            (ROOT / "static/description" / image).is_file(),
            f"readme: static/description/{image} missing, run `make screenshots`",
        )


def main():
    checker = Checker()
    check_manifest(checker)
    check_access(checker)
    check_translations(checker)
    check_readme(checker)
    for failure in checker.failures:
        print("FAIL", failure)
    print(f"static: {checker.passed} passed, {len(checker.failures)} failed")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
