"""The faults of `make load`, while locust runs: an HTTP worker of the prefork server is
killed (kill -9), later PostgreSQL is restarted. Each fault is timed until the server
answers again (a page that reads the database), and written to a JSON file: the report
counts the requests that failed in each fault's window, and holds every other failure
against the goal. Bounded: each probe gives up after its timeout.

Usage: faults.py OUT.json BASE_URL SERVER_LOG MASTER_PID KILL_AT RESTART_AT -- CMD...
(CMD restarts PostgreSQL and returns once it accepts connections again)
"""

import json
import os
import re
import signal
import subprocess
import sys
import time

import requests

ALIVE = re.compile(r"Worker WorkerHTTP \((\d+)\) alive")


def http_workers(server_log, master_pid):
    """The living HTTP workers of the master, as the server's log announced them."""
    with open(server_log, encoding="utf-8", errors="replace") as log:
        pids = {int(pid) for pid in ALIVE.findall(log.read())}
    living = []
    for pid in sorted(pids):
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError):
            continue
        if parent == master_pid:
            living.append(pid)
    return living


def wait_until_answering(base_url, timeout):
    """The moment the server serves a page that reads the database again."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if requests.get(f"{base_url}/web/login", timeout=5).status_code == 200:
                return time.time()
        except requests.RequestException:
            pass
        time.sleep(0.25)
    return None


def main(argv):
    separator = argv.index("--")
    out, base_url, server_log, master_pid, kill_at, restart_at = argv[1:separator]
    restart_command = argv[separator + 1 :]
    started = time.time()
    faults = []

    time.sleep(max(0.0, started + float(kill_at) - time.time()))
    workers = http_workers(server_log, int(master_pid))
    if workers:
        victim = workers[0]
        at = time.time()
        os.kill(victim, signal.SIGKILL)
        faults.append(
            {
                "fault": "worker killed (kill -9)",
                "at": at,
                "recovered": wait_until_answering(base_url, 60),
                "detail": f"HTTP worker {victim} of {len(workers)}",
            }
        )
    else:
        faults.append({"fault": "worker killed (kill -9)", "at": None})

    time.sleep(max(0.0, started + float(restart_at) - time.time()))
    at = time.time()
    restart = subprocess.run(
        restart_command, capture_output=True, text=True, timeout=120, check=False
    )
    faults.append(
        {
            "fault": "PostgreSQL restarted",
            "at": at,
            "restarted": time.time(),
            "recovered": wait_until_answering(base_url, 90),
            "detail": f"pg_ctl exit {restart.returncode}",
        }
    )
    with open(out, "w", encoding="utf-8") as file:
        json.dump(faults, file, indent=1)
    return 0 if all(fault.get("recovered") for fault in faults) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
