"""The upgrade tier of `make test`: from the version users have, and from the latest
release, to the working tree. For each version of FROM:

1. the addon as of its commit (311a5b5 for 18.0.1.1.0, 91aeaba for 18.0.2.2.0), taken
   with `git archive` into a temporary folder outside the repository, is installed
   into a fresh database without demo data;
2. there, through the addon's own methods, upgrade_data.py creates interviews in
   every state with answers, notes, reports, the board's evaluation and measures (with
   their chatter, activities and followers), report readings, an edited template and
   company settings, and records their fingerprint;
3. the database is updated to the working tree (`-u hr_exit_interview`);
4. the fingerprint is taken again and compared, record by record and aspect by aspect,
   and the board report is rendered once more.
Any WARNING, ERROR or CRITICAL line Odoo logs fails the tier. Prints a line with the
counts of each version, then the summary line with the total; a version's database is
dropped when all its checks passed, kept otherwise.
"""

import ast
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

# tier_helpers.py is shared with the Odoo tier, one folder up.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tier_helpers import (
    LOG_DIR,
    ROOT,
    bad_lines,
    drop_database,
    init_database,
    manifest_depends,
    run_odoo,
)
from upgrade_data import STATES

# (commit, version): the version users have, and the latest release.
FROM = (
    ("311a5b5", "18.0.1.1.0"),
    ("91aeaba", "18.0.2.2.0"),
)
ADDON = "hr_exit_interview"
TIER = "upgrade tier"
MISSING = "<no such field>"  # as upgrade_data.py reads a field the model lacks
SHELL_SCRIPT = """
import sys
sys.path.insert(0, {scripts!r})
import upgrade_data
{calls}
"""


class Checks:
    def __init__(self):
        self.passed = 0
        self.failures = []

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failures.append(f"{what}{': ' if detail else ''}{detail}")
        return ok


def git(*args, **kwargs):
    return subprocess.run(["git", "-C", str(ROOT), *args], check=False, **kwargs)


def extract_old_addon(folder, commit):
    """The addon at commit in folder/hr_exit_interview; False when the commit is not
    in this clone's history."""
    found = git("cat-file", "-e", f"{commit}^{{commit}}", capture_output=True)
    if found.returncode:
        return False
    archive = git("archive", "--format=tar", commit, capture_output=True)
    archive.check_returncode()
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(folder / ADDON, filter="data")
    return True


def manifest_version(addon_dir):
    return ast.literal_eval((addon_dir / "__manifest__.py").read_text())["version"]


def crosses(version, release):
    """Whether the update from version runs the migrations of release."""
    return tuple(map(int, version.split("."))) < tuple(map(int, release.split(".")))


def odoo_step(checks, label, database, *args, **kwargs):
    """Run Odoo; one check that it ends well and logs no WARNING or ERROR."""
    code, lines = run_odoo(label, database, *args, tier=TIER, **kwargs)
    bad = bad_lines(lines)
    tail = "\n    ".join(lines[-8:])
    checks.check(
        code == 0 and not bad,
        label,
        f"exit code {code}\n    " + ("\n    ".join(bad) or tail),
    )
    return code == 0


def shell_script(*calls):
    return SHELL_SCRIPT.format(
        scripts=str(ROOT / "scripts/upgrade"), calls="\n".join(calls)
    )


def short(value, limit=300):
    text = json.dumps(value, sort_keys=True)
    return text if len(text) <= limit else text[:limit] + "..."


def difference(before, after):
    if isinstance(before, dict) and isinstance(after, dict):
        keys = sorted(
            key
            for key in before.keys() | after.keys()
            if before.get(key, "<none>") != after.get(key, "<none>")
        )
        return "; ".join(
            f"{key}: {short(before.get(key, '<none>'), 120)} -> "
            f"{short(after.get(key, '<none>'), 120)}"
            for key in keys[:5]
        ) + (f"; and {len(keys) - 5} more" if len(keys) > 5 else "")
    return f"{short(before)} -> {short(after)}"


def compare_records(checks, kind, before, after, label, expected=None):
    """One check per record and aspect: kept as it was, or as expected(aspect,
    value) says the update deliberately makes it."""
    for record_id, aspects in sorted(before.items(), key=lambda item: int(item[0])):
        name = f"{kind} {record_id} ({label(aspects)})"
        if not checks.check(record_id in after, name, "gone after the update"):
            continue
        for aspect, value in sorted(aspects.items()):
            new = after[record_id].get(aspect, "<not read>")
            if expected:
                value = expected(aspect, value)
            checks.check(value == new, f"{name} {aspect}", difference(value, new))
    extra = sorted(set(after) - set(before), key=int)
    checks.check(not extra, f"no {kind} appears in the update", ", ".join(extra))


def check_seed(checks, before, version):
    """The seeded data holds what the comparison is meant to guard."""
    interviews = before["interviews"].values()
    measures = before["measures"].values()
    states = {i["state"]["state"] for i in interviews}
    checks.check(
        states >= set(STATES),
        "seeded interviews in every state",
        f"missing {sorted(set(STATES) - states)}",
    )
    lines = [line for i in interviews for line in i["lines"].values()]
    for field in ("answer_text", "answer_rating", "answer_yes_no", "interviewer_note"):
        checks.check(any(line[field] for line in lines), f"seeded lines with {field}")
    checks.check(
        any(i["report"]["report_summary"] for i in interviews), "seeded reports"
    )
    measure_states = {m["values"]["state"] for m in measures}
    checks.check(
        measure_states >= {"open", "done", "dropped"},
        "seeded board measures open, done and dropped",
        f"got {sorted(measure_states)}",
    )
    wishes = {
        new_interview_aspect("conversation", i["conversation"])["keep_in_touch"]
        for i in interviews
    }
    # From 18.0.2.1.0 on, anonymisation erases the wish: the anonymised interview's
    # "none" is gone before the update.
    wanted = set(KEEP_IN_TOUCH_PRIORITY)
    if not crosses(version, "18.0.2.1.0"):
        wanted.discard("none")
    checks.check(
        wishes >= wanted,
        "seeded each wish to keep in touch, ties included",
        f"got {sorted(map(str, wishes))}",
    )
    for what in ("messages", "activities"):
        checks.check(any(m[what] for m in measures), f"seeded measures with {what}")
    checks.check(
        any(len(m["followers"]) > 2 for m in measures),
        "seeded a measure with an extra follower",
    )
    checks.check(
        before["globals"]["report_readings"], "seeded readings of the board report"
    )
    checks.check(
        before["module"]["leavers_attending"],
        "seeded meetings the employee attended, as before 18.0.2.4.0",
    )
    if crosses(version, "18.0.2.0.0"):
        # From 18.0.2.0.0 on, a personal link is kept nowhere.
        checks.check(before["links"], "seeded personal links")
        checks.check(
            before["links_in_messages"], "seeded a personal link in the chatter"
        )


def compare(checks, before, after, version):
    module = after["module"]
    want = manifest_version(ROOT)
    checks.check(
        module["state"] == "installed" and module["version"] == want,
        f"the addon is installed at the working tree's version {want}",
        short(module),
    )
    print(
        f"{TIER}: measures read from {module['measure_model']} through "
        f"{ADDON.replace('_', '.')}.{module['measure_field']}"
    )
    checks.check(
        not module["stale_mail_templates"],
        "every language of the mail templates carries the new wording, none "
        "calls get_portal_url(), all stay noupdate",
        short(module["stale_mail_templates"]),
    )
    checks.check(
        not module["old_links"],
        "no link sent before opens a page or stays in a message; no answers in a "
        "board report without the employee's consent",
        short(module["old_links"]),
    )
    invited = sorted(
        int(i)
        for i, a in before["interviews"].items()
        if a["state"]["state"] == "invited" and crosses(version, "18.0.2.0.0")
    )
    checks.check(
        sorted(module["asked_to_send_again"]) == invited,
        "officers are asked to send the questions again where they are open",
        short(module["asked_to_send_again"]),
    )
    roles = module["role_categories"]
    group = "hr_exit_interview.group_exit_interview_"
    checks.check(
        roles["interviewer"] == roles["officer"]
        and roles["officer"][1] == [group + "interviewer", group + "officer"]
        and roles["board"][0] != roles["officer"][0]
        and roles["board"][1] == [group + "board"],
        "the board has a category of its own, Interviewer and Officer share one",
        short(roles),
    )
    checks.check(
        not module["leavers_attending"],
        "no employee attends their interview's meeting (every user may search "
        "attendees)",
        f"before {short(before['module'].get('leavers_attending'))}, "
        f"after {short(module['leavers_attending'])}",
    )
    checks.check(
        not module["names_not_read"],
        "every interview's name reads in its reader's language (here English)",
        short(module["names_not_read"]),
    )
    answers_in = module["answers_in_activities"]
    checks.check(
        answers_in
        and [i for i, _typed in answers_in]
        == [i for i, _typed in before["module"]["answers_in_activities"]]
        and all(typed for _i, typed in answers_in),
        "the interviewers' activities of answers that are in have their own type",
        short(answers_in),
    )
    checks.check(
        not module["board_report_missing"],
        "the board report renders after the update, its texts and answers in it",
        short(module["board_report_missing"]),
    )
    compare_records(
        checks,
        "interview",
        before["interviews"],
        after["interviews"],
        lambda aspects: aspects["state"]["state"],
        new_interview_aspect,
    )
    compare_records(
        checks,
        "measure",
        before["measures"],
        after["measures"],
        lambda aspects: aspects["values"]["state"],
    )
    for name, value in sorted(before["globals"].items()):
        new = after["globals"].get(name, "<not read>")
        checks.check(new == new_global(name, value), name, difference(value, new))


# 18.0.2.1.0: the four keep-in-touch booleans become one choice, by this priority.
KEEP_IN_TOUCH_PRIORITY = ("volunteer", "visitor", "newsletter", "none")


def new_interview_aspect(aspect, value):
    """What the update deliberately makes of an interview's aspect: 18.0.2.1.0 maps
    the keep-in-touch booleans to one choice and drops them; 18.0.2.3.0 names the
    state in which the board reads the interview "shared"."""
    if aspect == "state" and value.get("state") == "reported":
        return dict(value, state="shared")
    if aspect != "conversation" or value.get("keep_in_touch_none", MISSING) == MISSING:
        return value
    value = dict(value)
    ticked = [wish for wish in KEEP_IN_TOUCH_PRIORITY if value[f"keep_in_touch_{wish}"]]
    for wish in KEEP_IN_TOUCH_PRIORITY:
        value[f"keep_in_touch_{wish}"] = MISSING
    value["keep_in_touch"] = ticked[0] if ticked else False
    return value


def new_global(name, value):
    """What the update deliberately makes of a global value: 18.0.2.0.0 raises the
    board summary's minimum group to 3 (smaller groups let people be recognised)."""
    if name == "company_settings" and isinstance(value, dict):
        minimum = value.get("exit_interview_min_group_size")
        if isinstance(minimum, int) and minimum < 3:
            return dict(value, exit_interview_min_group_size=3)
    return value


def upgrade_from(commit, version, stamp):
    """The tier from one version: install, seed, update, compare. Returns its checks."""
    checks = Checks()
    database = f"{stamp}_{version.replace('.', '')}"
    before_path = LOG_DIR / f"upgrade-before-{version}.json"
    after_path = LOG_DIR / f"upgrade-after-{version}.json"
    for path in (before_path, after_path):
        path.unlink(missing_ok=True)
    # Outside the repository, named as Odoo knows the addon.
    folder = Path(tempfile.mkdtemp(prefix="hr_exit_upgrade_"))
    old = {"HR_EXIT_ADDONS_DIR": str(folder)}
    try:
        found = extract_old_addon(folder, commit)
        if not checks.check(
            found,
            f"commit {commit} ({version}) in this clone's history",
            "not found: run the tier in a full clone of main "
            "(git fetch --unshallow origin main)",
        ):
            return finish(checks, version, database, keep=False)
        got = manifest_version(folder / ADDON)
        checks.check(
            got == version, f"the addon at {commit} is {version}", f"it is {got}"
        )
        # That version's dependencies from a cached template, then the addon.
        label = f"upgrade-dependencies-{version}"
        code, lines = init_database(
            label,
            database,
            manifest_depends(folder / ADDON / "__manifest__.py"),
            tier=TIER,
            extra_env=old,
        )
        bad = bad_lines(lines)
        detail = f"exit code {code}\n    " + "\n    ".join(bad or lines[-8:])
        if not checks.check(code == 0 and not bad, label, detail):
            return finish(checks, version, database)
        if not (
            odoo_step(
                checks,
                f"upgrade-install-{version}",
                database,
                "-i",
                ADDON,
                "--without-demo=all",
                # Flemish organisations run it in Dutch: translations must follow.
                "--load-language=nl_NL",
                extra_env=old,
            )
            and odoo_step(
                checks,
                f"upgrade-seed-{version}",
                database,
                shell=True,
                stdin=shell_script(
                    "upgrade_data.seed(env)",
                    f"upgrade_data.write_fingerprint(env, {str(before_path)!r})",
                ),
                extra_env=old,
            )
        ):
            return finish(checks, version, database)
        before = json.loads(before_path.read_text())
        check_seed(checks, before, version)
        if not (
            odoo_step(checks, f"upgrade-update-{version}", database, "-u", ADDON)
            and odoo_step(
                checks,
                f"upgrade-check-{version}",
                database,
                shell=True,
                stdin=shell_script(
                    f"upgrade_data.write_fingerprint(env, {str(after_path)!r}, "
                    f"render_report=True, before_path={str(before_path)!r})"
                ),
            )
        ):
            return finish(checks, version, database)
        compare(checks, before, json.loads(after_path.read_text()), version)
        return finish(checks, version, database)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def finish(checks, version, database, keep=True):
    for failure in checks.failures:
        print(f"FAIL from {version}:", failure)
    if checks.failures and keep:
        print(f"{TIER}: database {database} kept for inspection")
    else:
        drop_database(database)
    print(
        f"{TIER}: from {version}, {checks.passed} passed, "
        f"{len(checks.failures)} failed"
    )
    return checks


def main():
    started = time.monotonic()
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    # Stamped, and with the process id: two runs may start in the same second.
    prefix = os.environ.get("UPGRADE_DB_PREFIX", "hrexit_upgrade")
    stamp = f"{prefix}_{time.strftime('%Y%m%d%H%M%S')}_{os.getpid()}"
    results = [upgrade_from(commit, version, stamp) for commit, version in FROM]
    passed = sum(checks.passed for checks in results)
    failed = sum(len(checks.failures) for checks in results)
    print(f"{TIER}: {time.monotonic() - started:.0f}s in all")
    print(f"upgrade: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
