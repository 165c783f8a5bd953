"""What the tiers that run Odoo share: one Odoo run with its log kept, the log records
that fail a tier (found by checklog-odoo), and the cleanup of a database."""

import ast
import functools
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ODOO = [str(ROOT / "scripts/odoo.sh")]
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


def manifest_depends(manifest):
    """The modules a manifest depends on."""
    return list(ast.literal_eval(Path(manifest).read_text())["depends"])


def init_database(label, database, modules, tier="odoo tier", extra_env=None):
    """A fresh database without demo data where the modules are installed, copied
    from a cached template when one holds them (scripts/initdb.sh); its log in
    LOG_DIR/label.log. Returns (exit code, log lines)."""
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    log_path = LOG_DIR / f"{label}.log"
    started = time.monotonic()
    with log_path.open("w") as log:
        code = subprocess.run(
            [str(ROOT / "scripts/initdb.sh"), database, ",".join(modules)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=dict(os.environ, **(extra_env or {})),
            check=False,
        ).returncode
    lines = log_path.read_text(errors="replace").splitlines()
    print(f"{tier}: {label} took {time.monotonic() - started:.0f}s, log {log_path}")
    return code, lines


@functools.cache
def checklog():
    """checklog-odoo, installed once into a virtualenv of its own from
    scripts/test-tools/requirements.txt (python_tools of scripts/common.sh)."""
    venv = subprocess.run(
        ["bash", "-c", 'source "$0" && python_tools test-tools']
        + [str(ROOT / "scripts/common.sh")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return str(Path(venv, "bin/checklog-odoo"))


def bad_lines(lines):
    """The first line of each record of level WARNING or above in an Odoo log, as
    OCA's CI finds them with checklog-odoo (a traceback belongs to its record): as on
    Odoo's runbot, any of them fails the tier. A log without any record fails too."""
    result = subprocess.run(
        [checklog(), "--no-echo", "-"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode == 0:
        return []
    failing = result.stdout.split("errors that caused failure", 1)[-1]
    records = [line for line in failing.splitlines() if line[:4].isdigit()]
    return records or [f"checklog-odoo: {result.stderr.strip()}"]


def coverage_report():
    """The line coverage of the addon's Python measured by the last run under
    coverage. Code that Odoo compiles from the database is measured too, under names
    like "ir.actions.server(217,)" with no file to report on: left out."""
    subprocess.call(
        [
            str(Path(sys.executable).parent / "coverage"),
            "report",
            f"--data-file={ROOT / '.dev/coverage.data'}",
            "--skip-empty",
            "--precision=1",
            "--omit=*)",
        ]
    )


def drop_database(database):
    subprocess.call(
        [str(ROOT / "scripts/dropdb.sh"), database],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
