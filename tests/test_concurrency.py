"""Two processes on one interview at the same moment: real transactions on cursors of
their own, in threads, each committed, which a TransactionCase cannot show. What the
tests commit is removed afterwards."""

import threading
import time
from datetime import date, timedelta
from unittest.mock import patch

from odoo import SUPERUSER_ID, api, fields
from odoo.modules.registry import Registry
from odoo.tests.common import BaseCase, get_db_name, tagged

# How long the first process keeps the interview once it holds it: the second one
# comes by then.
HOLD_SECONDS = 1.0


@tagged("post_install", "-at_install")
class TestConcurrency(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        cls.addClassCleanup(cls.remove_committed_records)
        with cls.env_cursor() as env:
            template = env["hr.exit.interview.template"].create(
                {
                    "name": "Concurrency",
                    "section_ids": [
                        fields.Command.create(
                            {
                                "name": "General",
                                "question_ids": [
                                    fields.Command.create(
                                        {"name": f"Question {i}?", "sequence": i}
                                    )
                                    for i in (1, 2)
                                ],
                            }
                        )
                    ],
                }
            )
            employee = env["hr.employee"].create(
                {"name": "Concurrent Leaver", "private_email": "leaver@example.com"}
            )
            cls.template_id, cls.employee_id = template.id, employee.id
            cls.interview_ids = []

    @classmethod
    def env_cursor(cls):
        """An environment on a cursor of its own, committed when the block ends."""
        return _EnvCursor(cls.registry)

    @classmethod
    def remove_committed_records(cls):
        with cls.env_cursor() as env:
            interviews = (
                env["hr.exit.interview"]
                .with_context(active_test=False)
                .browse(cls.interview_ids)
                .exists()
            )
            interviews.calendar_event_id.unlink()
            interviews.unlink()
            employee = env["hr.employee"].browse(cls.employee_id)
            contact = employee.work_contact_id
            employee.unlink()
            contact.unlink()
            env["hr.exit.interview.template"].browse(cls.template_id).unlink()

    def create_interview(self, **values):
        """An interview whose questions were sent, committed."""
        with self.env_cursor() as env:
            interview = env["hr.exit.interview"].create(
                {
                    "employee_id": self.employee_id,
                    "interviewer_id": env.ref("base.user_admin").id,
                    "template_id": self.template_id,
                    "last_working_day": date.today() + timedelta(days=60),
                    **values,
                }
            )
            interview._send_employee_link("leaver@example.com", env["res.users"])
            self.interview_ids.append(interview.id)
            return interview.id, interview.line_ids.sorted().ids

    # The jobs, started twice at the same moment

    def test_the_reminder_goes_once_when_the_job_runs_twice(self):
        interview_id, _lines = self.create_interview()
        with self.env_cursor() as env:
            env["hr.exit.interview"].browse(interview_id).sudo().planned_start = (
                fields.Datetime.now() + timedelta(hours=20)
            )
        results = self.run_jobs_twice("_cron_send_reminders")
        self.assertEqual(
            sorted(interview_id in result for result in results), [False, True]
        )
        with self.env_cursor() as env:
            interview = env["hr.exit.interview"].browse(interview_id)
            self.assertTrue(interview.reminder_sent)
            self.assertEqual(
                interview.invitation_ids.mapped("kind").count("reminder"), 1
            )

    def test_anonymisation_happens_once_when_the_job_runs_twice(self):
        interview_id, _lines = self.create_interview(
            last_working_day=date.today() - timedelta(days=365 * 5)
        )
        results = self.run_jobs_twice("_cron_anonymise_expired")
        self.assertEqual(
            sorted(interview_id in result for result in results), [False, True]
        )
        with self.env_cursor() as env:
            self.assertTrue(env["hr.exit.interview"].browse(interview_id).anonymised_on)

    def run_jobs_twice(self, method):
        """The job called directly by two processes at the same moment: the ids each
        one did its work on. The work is slowed down, so that the second process
        comes while the first one is still at it."""
        start = threading.Barrier(2)
        results = [None, None]
        slow = {
            "_cron_send_reminders": "_send_private_mail",
            "_cron_anonymise_expired": "_anonymise",
        }[method]
        model = self.registry["hr.exit.interview"]
        original = getattr(model, slow)

        def slowed(records, *args, **kwargs):
            time.sleep(HOLD_SECONDS)
            return original(records, *args, **kwargs)

        def run(index):
            threading.current_thread().testing = True
            start.wait(timeout=10)
            with self.env_cursor() as env:
                results[index] = getattr(env["hr.exit.interview"], method)().ids

        threads = [threading.Thread(target=run, args=(index,)) for index in (0, 1)]
        with patch.object(model, slow, slowed):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=30)
        return results


class _EnvCursor:
    """A superuser environment on a new cursor: committed and closed on exit, rolled
    back on an error."""

    def __init__(self, registry):
        self.cursor = registry.cursor()
        # Given here: the environment would look the registry up, which Odoo's
        # test runner holds locked until the tests end.
        self.cursor.transaction = api.Transaction(registry)

    def __enter__(self):
        self.cursor.__enter__()
        return api.Environment(self.cursor, SUPERUSER_ID, {"tracking_disable": True})

    def __exit__(self, *exc_info):
        return self.cursor.__exit__(*exc_info)
