"""The reminder and anonymisation jobs called directly, without Odoo's cron lock, as an
`odoo shell` on one of the servers would: run inside `odoo shell` by two_servers.py, in
two processes at once. Each waits for the moment LOAD_START_AT (epoch seconds), calls
the job's method, commits, and prints one JSON line of what it did."""

import json
import os
import time


def run(env, start_at):
    time.sleep(max(0.0, start_at - time.time()))
    done = {"pid": os.getpid(), "started": time.time(), "errors": []}
    interviews = env["hr.exit.interview"]
    for name, method in (
        ("reminded", interviews._cron_send_reminders),
        ("anonymised", interviews._cron_anonymise_expired),
    ):
        try:
            done[name] = method().ids
            env.cr.commit()
        except Exception as error:  # noqa: BLE001 - reported, the other job still runs
            env.cr.rollback()
            done[name] = []
            done["errors"].append(f"{name}: {type(error).__name__}: {error}"[:300])
    print("CRON_DIRECT " + json.dumps(done), flush=True)


if __name__ == "__main__":
    run(env, float(os.environ["LOAD_START_AT"]))  # noqa: F821 (odoo shell's environment)
