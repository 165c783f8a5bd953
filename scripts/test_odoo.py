"""The Odoo tier of `make test`: in a fresh database without demo data, the addon
installs and its tests run with Odoo's own runner (at_install and post_install).

With --compat, the compatibility tier that `.ci/run` runs after `make test`: first the
addon alone installs into a fresh database with its demo data; then one database with
demo data where the addon is installed beside the modules real databases carry
(COMPAT_MODULES: website, hr_holidays, hr_contract, l10n_be with Belgian French and
Dutch, and OCA/hr modules from scripts/compat-oca.txt), and its tests run there.

Any WARNING, ERROR or CRITICAL record Odoo logs fails the tier, as on Odoo's runbot:
tests mute the loggers they expect to speak. Prints one summary line with the counts.
"""

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from tier_helpers import (
    ROOT,
    bad_lines,
    coverage_report,
    drop_database,
    init_database,
    manifest_depends,
    run_odoo,
)

COMPAT_MODULES = [
    "hr_exit_interview",
    "hr_skills",
    "website",
    "hr_holidays",
    "hr_contract",
    "l10n_be",
]
COMPAT_LANGUAGES = "nl_BE,fr_BE"
OCA_REQUIREMENTS = ROOT / "scripts/compat-oca.txt"
# website's layout preloads Google Fonts, which Odoo's test browser may not fetch (it
# answers an empty file): the browser then warns, whatever the page. Not the addon's.
WEBSITE_FONTS = re.compile(r"\.browser: Couldn't load preload assets: *$")
CACHE_DIR = Path(
    os.environ.get("HR_EXIT_CACHE")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    / "hr_exit_interview"
)

TESTS_RESULT = re.compile(
    r"odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests"
)


def oca_addons():
    """The folder holding the OCA modules of compat-oca.txt, unpacked from their
    wheels once, and their names."""
    pins = OCA_REQUIREMENTS.read_bytes()
    folder = CACHE_DIR / f"oca-addons-{hashlib.sha1(pins).hexdigest()[:10]}"
    if not folder.is_dir():
        with tempfile.TemporaryDirectory() as wheels:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
                + ["--dest", wheels, "-r", str(OCA_REQUIREMENTS)],
                check=True,
            )
            unpacked = Path(tempfile.mkdtemp(dir=CACHE_DIR))
            for wheel in Path(wheels).glob("*.whl"):
                with zipfile.ZipFile(wheel) as archive:
                    archive.extractall(unpacked)
            (unpacked / "odoo/addons").rename(folder)
            shutil.rmtree(unpacked)
    return folder, sorted(path.parent.name for path in folder.glob("*/__manifest__.py"))


def result_counts(lines):
    """(failed, errors, total) from Odoo's result lines."""
    failed = errors = total = 0
    for match in TESTS_RESULT.finditer("\n".join(lines)):
        failed += int(match.group(1))
        errors += int(match.group(2))
        total += int(match.group(3))
    return failed, errors, total


def close_tests(tier, database, lines, problems, coverage):
    """Close a run of the addon's tests: the problems found, the coverage report, the
    database dropped when all went well, the summary line `<tier>: N passed, M failed`;
    returns the exit code."""
    failed, errors, total = result_counts(lines)
    if not total:
        problems.append("no test of the addon ran")
    if coverage:
        coverage_report()
    for problem in problems:
        print("FAIL", problem)
    if not problems:
        drop_database(database)
    bad = failed + errors
    print(f"{tier}: {total - bad} passed, {bad} failed")
    return 1 if problems or bad else 0


def compat():
    """The compatibility tier: the addon alone with its demo data, then its tests beside
    other modules, demo data in."""
    stamp = time.strftime("%Y%m%d%H%M%S")
    demo_db, database = f"hrexit_demo_{stamp}", f"hrexit_compat_{stamp}"
    problems = []
    code, lines = run_odoo(
        "install-with-demo", demo_db, "-i", "hr_exit_interview", tier="compat tier"
    )
    if code:
        problems.append(f"installing alone with demo data exited with {code}")
    problems += [f"with demo: {line}" for line in bad_lines(lines)]
    if not problems:
        drop_database(demo_db)

    folder, oca_modules = oca_addons()
    code, lines = run_odoo(
        "compat",
        database,
        "-i",
        ",".join(COMPAT_MODULES + oca_modules),
        f"--load-language={COMPAT_LANGUAGES}",
        "--test-enable",
        "--test-tags=/hr_exit_interview",
        tier="compat tier",
        extra_env={"HR_EXIT_EXTRA_ADDONS": str(folder)},
        coverage=True,
    )
    problems += [line for line in bad_lines(lines) if not WEBSITE_FONTS.search(line)]
    if code:
        problems.append(f"installing and testing exited with {code}")
    beside = ", ".join(COMPAT_MODULES[1:] + oca_modules)
    print(f"compat tier: alone with demo data, then beside {beside}")
    return close_tests("compat", database, lines, problems, coverage=True)


def main():
    if "--compat" in sys.argv[1:]:
        return compat()
    coverage = os.environ.get("HR_EXIT_COVERAGE") == "1"
    test_db = f"hrexit_test_{time.strftime('%Y%m%d%H%M%S')}"
    problems = []
    # The addon's dependencies from a cached template; the addon itself is installed
    # by the run of its tests, where its at_install tests run.
    code, lines = init_database(
        "tests-dependencies",
        test_db,
        manifest_depends(ROOT / "__manifest__.py") + ["hr_skills"],
    )
    problems += [f"dependencies: {line}" for line in bad_lines(lines)]
    if code:
        print(f"FAIL creating the database with the dependencies exited with {code}")
        print("odoo: 0 passed, 1 failed")
        return 1
    code, lines = run_odoo(
        "tests-without-demo",
        test_db,
        "-i",
        # hr_skills comes with hr (auto_install); named so that the tests of the
        # jobs held from the resume never skip for want of it.
        "hr_exit_interview,hr_skills",
        "--without-demo=all",
        "--test-enable",
        "--test-tags=/hr_exit_interview",
        coverage=coverage,
    )
    if code:
        problems.append(f"installing and testing without demo data exited with {code}")
    problems += [f"tests: {line}" for line in bad_lines(lines)]

    return close_tests("odoo", test_db, lines, problems, coverage=coverage)


if __name__ == "__main__":
    sys.exit(main())
