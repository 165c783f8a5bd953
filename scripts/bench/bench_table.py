"""Print the BENCH lines of a `make bench` log as one Markdown table, with the machine;
exit 1 when the run failed or a goal was missed."""

import os
import platform
import re
import shutil
import subprocess
import sys

# Rows of a complete run (tests/test_benchmark.py): fewer means one did not run.
MEASUREMENTS = 29


def machine():
    cpu = platform.processor() or platform.machine()
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    postgres = "PostgreSQL"
    if shutil.which("psql"):
        postgres = subprocess.run(
            ["psql", "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
    return (
        f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{postgres}, Odoo 18.0"
    )


def main(log_path):
    with open(log_path, encoding="utf-8") as log_file:
        log = log_file.read()
    rows = [line.split("|")[1:] for line in re.findall(r"BENCH\|[^\n]*", log)]
    result = re.search(r"odoo\.tests\.result: ([^\n]*)", log)
    print(f"Machine: {machine()}\n")
    print("| measured | figure | ratio | goal | met |")
    print("| --- | --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(cell.strip() for cell in row) + " |")
    summary = result.group(1).strip() if result else "no result line"
    print(f"\ntests: {summary} (log: {log_path})")
    passed = bool(result) and summary.startswith("0 failed, 0 error")
    complete = len(rows) >= MEASUREMENTS
    return 0 if passed and complete and all(r[-1].strip() == "yes" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
