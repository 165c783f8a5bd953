"""The Odoo tier of `make test`: the addon in fresh databases, its tests run.

1. a database with demo data: the addon installs;
2. a database without demo data: the addon installs and its tests run with Odoo's own
   runner (at_install and post_install), under coverage.
Any WARNING, ERROR or CRITICAL line Odoo logs fails the tier, as on Odoo's runbot: tests
mute the loggers they expect to speak. Prints one summary line with the counts.
"""

import os
import re
import subprocess
import sys
import time

from tier_helpers import ROOT, bad_lines, drop_database, run_odoo

TESTS_RESULT = re.compile(
    r"odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests"
)


def main():
    stamp = time.strftime("%Y%m%d%H%M%S")
    problems = []
    demo_db, test_db = f"hrexit_demo_{stamp}", f"hrexit_test_{stamp}"

    code, lines = run_odoo("install-with-demo", demo_db, "-i", "hr_exit_interview")
    if code:
        problems.append(f"installing with demo data exited with {code}")
    problems += [f"with demo: {line}" for line in bad_lines(lines)]

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
        coverage=True,
    )
    if code:
        problems.append(f"installing and testing without demo data exited with {code}")
    problems += [f"tests: {line}" for line in bad_lines(lines)]

    failed = errors = total = 0
    for match in TESTS_RESULT.finditer("\n".join(lines)):
        failed += int(match.group(1))
        errors += int(match.group(2))
        total += int(match.group(3))
    if not total:
        problems.append("no test of the addon ran")

    if os.environ.get("HR_EXIT_NO_COVERAGE") != "1":
        subprocess.call([str(ROOT / "scripts/coverage.sh")])

    for problem in problems:
        print("FAIL", problem)
    if not problems:
        drop_database(demo_db)
        drop_database(test_db)
    bad = failed + errors
    print(f"odoo: {total - bad} passed, {bad} failed")
    return 1 if problems or bad else 0


if __name__ == "__main__":
    sys.exit(main())
