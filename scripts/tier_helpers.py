"""What the tiers of `make test` that run Odoo share: one Odoo run with its log kept,
the log lines that fail a tier, and the cleanup of a database."""

import os
import re
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ODOO = [str(ROOT / "scripts/odoo.sh")]
# Odoo's log format: date, time, pid, level. As on Odoo's runbot, any of these fails.
BAD_LINE = re.compile(r"^\S+ \S+ \d+ (WARNING|ERROR|CRITICAL) ")
LOG_DIR = ROOT / ".dev/test-logs"


def run_odoo(
    label,
    database,
    *args,
    tier="odoo tier",
    shell=False,
    stdin=None,
    extra_env=None,
    coverage=False,
):
    """Run Odoo once (or `odoo shell`, reading the script `stdin`), keep its log in
    LOG_DIR/label.log, return (exit code, log lines)."""
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    log_path = LOG_DIR / f"{label}.log"
    env = dict(os.environ, **(extra_env or {}))
    if coverage:
        env["HR_EXIT_COVERAGE"] = "1"
    if shell:
        command = ODOO + ["shell", "-d", database, "--no-http", "--log-level=info"]
    else:
        command = ODOO + ["-d", database, "--stop-after-init", "--log-level=info"]
    started = time.monotonic()
    with log_path.open("w") as log:
        code = subprocess.run(
            command + list(args),
            input=stdin,
            text=True,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            check=False,
        ).returncode
    lines = log_path.read_text(errors="replace").splitlines()
    print(f"{tier}: {label} took {time.monotonic() - started:.0f}s, log {log_path}")
    return code, lines


def bad_lines(lines):
    return [line for line in lines if BAD_LINE.match(line)]


def drop_database(database):
    subprocess.call(
        [str(ROOT / "scripts/dropdb.sh"), database],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
