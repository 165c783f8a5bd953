"""Two Odoo servers on one database and filestore (load.sh starts the second one
after the load): a save on one is read on the other, the session the employee's link
opens and a user's session work on both, the used link on neither, and the reminder
and anonymisation jobs, started on both at the same moment, in three ways: Run
Manually on each server (JSON-RPC, as the button), scheduled for both servers' cron
workers at once, and called directly from two `odoo shell` processes (no cron lock).
Writes what it saw to a JSON file; report.py counts the work done in the database, the
mail server and the logs.

Usage: two_servers.py SETUP.json MAILDIR OUT.json URL_A URL_B LOG_A LOG_B -- SHELL...
(SHELL runs `odoo shell` on the load's database, reading a script on its input)
"""

import json
import os
import re
import subprocess
import sys
import threading
import time
import uuid
from datetime import date, datetime, timedelta, timezone

import requests

sys.path.insert(0, os.path.dirname(__file__))
from mails import links_by_interview  # noqa: E402

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
TEXTAREA = re.compile(r'<textarea\b[^>]*\bname="answer_(\d+)"')
# Each answer's revision as the page shows it: the save names the version it changes.
BASE = re.compile(r'name="(base_\d+)" value="([^"]*)"')
ANONYMISED_LOG = re.compile(r"Exit interviews: (\d+) anonymised after their retention")
CRON_LOG = re.compile(r"Job '([^']+)' \((\d+)\) (?:starting|started manually)")
TIMEOUT = 60


def odoo_time(moment):
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


class Server:
    def __init__(self, url, log, database):
        self.url, self.log, self.database = url, log, database
        self.session = requests.Session()

    def login(self, login, password):
        response = self.session.post(
            f"{self.url}/web/session/authenticate",
            json={
                "jsonrpc": "2.0",
                "params": {"db": self.database, "login": login, "password": password},
            },
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        if "error" in response.json():
            raise RuntimeError(f"{login} cannot log in on {self.url}")

    def call(self, model, method, *args, **kwargs):
        """The result, or the error's message (a string starting with 'error: ')."""
        response = self.session.post(
            f"{self.url}/web/dataset/call_kw/{model}/{method}",
            json={
                "jsonrpc": "2.0",
                "params": {
                    "model": model,
                    "method": method,
                    "args": list(args),
                    "kwargs": kwargs,
                },
            },
            timeout=TIMEOUT * 2,
        )
        response.raise_for_status()
        body = response.json()
        if "error" in body:
            return "error: " + body["error"]["data"].get("message", "")[:200]
        return body["result"]

    def log_size(self):
        return os.path.getsize(self.log)

    def log_since(self, offset):
        with open(self.log, encoding="utf-8", errors="replace") as log:
            log.seek(offset)
            return log.read()


def save_and_read_across(servers, interview_id, token):
    """The employee's link opened on the first server: the session it is exchanged
    for (a cookie of the employee's browser) opens the page on both servers; a save
    on each is read on the other; the used link, in another browser, opens the
    questions on neither."""
    path = f"/my/exit-interviews/{interview_id}"
    checks = {}
    employee = requests.Session()
    page = employee.get(f"{servers[0].url}{path}?access_token={token}", timeout=TIMEOUT)
    checks[f"link opens on {servers[0].url}"] = (
        page.status_code == 200 and TEXTAREA.search(page.text) is not None
    )
    for server in servers:
        page = employee.get(f"{server.url}{path}", timeout=TIMEOUT)
        checks[f"the link's session opens the page on {server.url}"] = (
            page.status_code == 200 and TEXTAREA.search(page.text) is not None
        )
    for writer, reader in ((servers[0], servers[1]), (servers[1], servers[0])):
        page = employee.get(f"{writer.url}{path}", timeout=TIMEOUT)
        text = f"saved on {writer.url} {uuid.uuid4().hex}"
        data = {
            "csrf_token": CSRF.search(page.text).group(1),
            "acknowledge_notice": "1",
            "action": "save",
            **dict(BASE.findall(page.text)),
        }
        data.update({f"answer_{line}": text for line in TEXTAREA.findall(page.text)})
        saved = employee.post(f"{writer.url}{path}/answer", data=data, timeout=TIMEOUT)
        read = employee.get(f"{reader.url}{path}", timeout=TIMEOUT)
        checks[f"save on {writer.url}, read on {reader.url}"] = (
            saved.status_code == 200 and read.status_code == 200 and text in read.text
        )
    for server in servers:
        page = requests.get(f"{server.url}{path}?access_token={token}", timeout=TIMEOUT)
        checks[f"the used link opens no questions on {server.url}"] = (
            page.status_code in (200, 404) and TEXTAREA.search(page.text) is None
        )
    return checks


def at_once(calls):
    """Run the calls in threads released at the same moment; their results."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait(timeout=TIMEOUT)
        started = time.time()
        try:
            results[index] = {"result": call(), "started": started}
        except (requests.RequestException, RuntimeError) as error:
            results[index] = {"result": f"error: {error}", "started": started}

    threads = [
        threading.Thread(target=run, args=(index, call))
        for index, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT * 3)
    return results


def arm(admin, batch, retention_months):
    """Make the round's batch due: the meetings of its invited interviews are
    tomorrow, its cancelled ones ended longer ago than the retention period."""
    tomorrow = datetime.now(timezone.utc) + timedelta(days=1)
    expired = date.today() - timedelta(days=31 * (retention_months + 3))
    return [
        admin.call(
            "hr.exit.interview",
            "write",
            batch["reminder"],
            {"planned_start": odoo_time(tomorrow)},
        ),
        admin.call(
            "hr.exit.interview",
            "write",
            batch["anonymise"],
            {"last_working_day": expired.isoformat()},
        ),
    ]


def run_manually(servers, cron_ids):
    calls = {}
    for job, cron_id in cron_ids.items():
        calls[job] = at_once(
            [
                lambda server=server, cron_id=cron_id: server.call(
                    "ir.cron", "method_direct_trigger", [cron_id]
                )
                for server in servers
            ]
        )
    return calls


def scheduled(servers, cron_ids):
    """Both jobs due now: both servers' cron workers are woken (the servers run with
    ODOO_NOTIFY_CRON_CHANGES) and race for them; wait until both jobs ran."""
    admin = servers[0]
    armed = datetime.now(timezone.utc).replace(microsecond=0)
    admin.call(
        "ir.cron",
        "write",
        list(cron_ids.values()),
        {"nextcall": odoo_time(armed - timedelta(seconds=1))},
    )
    deadline = time.time() + 150
    while time.time() < deadline:
        time.sleep(3)
        crons = admin.call("ir.cron", "read", list(cron_ids.values()), ["lastcall"])
        if isinstance(crons, list) and all(
            cron["lastcall"] and cron["lastcall"] >= odoo_time(armed) for cron in crons
        ):
            return {"ran": True, "waited": round(time.time() - armed.timestamp())}
    return {"ran": False}


def two_processes(shell):
    """The jobs' methods called from two `odoo shell` processes at one moment."""
    script = os.path.join(os.path.dirname(__file__), "cron_direct.py")
    start_at = time.time() + 25
    environ = dict(os.environ, LOAD_START_AT=str(start_at))
    processes = []
    for _index in range(2):
        with open(script, encoding="utf-8") as stdin:
            processes.append(
                subprocess.Popen(
                    shell,
                    stdin=stdin,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                    env=environ,
                )
            )
    outputs = []
    for process in processes:
        try:
            output, _ = process.communicate(timeout=240)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        outputs.append(output)
    runs = [
        json.loads(line.removeprefix("CRON_DIRECT "))
        for output in outputs
        for line in output.splitlines()
        if line.startswith("CRON_DIRECT ")
    ]
    return {"runs": runs, "log": "\n".join(outputs)}


def main(argv):
    separator = argv.index("--")
    setup_file, maildir, out, url_a, url_b, log_a, log_b = argv[1:separator]
    shell = argv[separator + 1 :]
    with open(setup_file, encoding="utf-8") as file:
        setup = json.load(file)
    servers = [
        Server(url_a, log_a, setup["database"]),
        Server(url_b, log_b, setup["database"]),
    ]
    shared = setup["shared"]["interview_id"]
    (token,) = links_by_interview(maildir)[shared]
    try:
        result = {"shared": save_and_read_across(servers, shared, token)}
    except (requests.RequestException, AttributeError) as error:
        result = {"shared": {f"save and read across ({error})"[:200]: False}}

    # One session, opened on A, used on B: both servers keep sessions in the filestore.
    try:
        servers[0].login("admin", "admin")
        servers[1].session.cookies.update(servers[0].session.cookies)
        result["shared"]["session opened on A works on B"] = isinstance(
            servers[1].call("res.users", "read", [2], ["login"]), list
        )
        servers[1].session = requests.Session()
        servers[1].login("admin", "admin")
    except (requests.RequestException, RuntimeError) as error:
        result["shared"][f"admin logs in on both ({error})"[:200]] = False
        write(out, result)
        return 1

    result["rounds"] = {}
    for round_name, run in (
        ("run_manually", lambda: run_manually(servers, setup["cron_ids"])),
        ("scheduled", lambda: scheduled(servers, setup["cron_ids"])),
        ("two_processes", lambda: two_processes(shell)),
    ):
        offsets = [server.log_size() for server in servers]
        try:
            armed = arm(
                servers[0], setup["batches"][round_name], setup["retention_months"]
            )
            outcome = run()
        except requests.RequestException as error:
            armed, outcome = None, f"error: {error}"
        time.sleep(2)
        logs = "".join(
            server.log_since(offset)
            for server, offset in zip(servers, offsets, strict=True)
        )
        if isinstance(outcome, dict) and "log" in outcome:
            logs += outcome.pop("log")
        result["rounds"][round_name] = {
            "armed": armed,
            "outcome": outcome,
            "anonymised_log_lines": [
                int(count) for count in ANONYMISED_LOG.findall(logs)
            ],
            "job_starts": CRON_LOG.findall(logs),
        }
    write(out, result)
    return 0


def write(out, result):
    with open(out, "w", encoding="utf-8") as file:
        json.dump(result, file, indent=1, default=str)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
