"""Two processes on one interview at the same moment: real transactions on cursors of
their own, in threads, each committed and started over on a concurrency error, as
Odoo's request handler does (odoo.service.model.retrying, which cannot run in a
thread of Odoo's test runner: it reloads the registry the runner holds locked). A
TransactionCase cannot show this. What the tests commit is removed afterwards."""

import threading
import time
from datetime import date, timedelta
from unittest.mock import patch

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tests.common import BaseCase, get_db_name, tagged

from ..models.hr_exit_interview_portal import UNSAVED_BASE, AnswerConflict

# How long the first transaction keeps the interview once it holds it: the second
# one is waiting for it by then.
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
            interview._portal_record_choices(True, False)
            self.interview_ids.append(interview.id)
            return interview.id, interview.line_ids.sorted().ids

    def run_concurrently(self, first, second):
        """Run first(env), then, while its transaction still holds the interview,
        second(env), each in a thread of its own; return their results (or the
        exception each raised) and how many times each was tried."""
        holding = threading.Event()
        outcomes = [None, None]

        def run(index, job, wait_for=None):
            # Mails are not sent in tests, from any thread of the test.
            threading.current_thread().testing = True
            if wait_for:
                wait_for.wait(timeout=10)
            with self.env_cursor() as env:
                for tries in range(1, 6):
                    try:
                        result = job(env)
                        env.flush_all()
                        if index == 0:
                            holding.set()
                            time.sleep(HOLD_SECONDS)
                        env.cr.commit()
                    except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                        env.cr.rollback()
                        continue
                    except Exception as error:
                        # The test reads what the job raised.
                        env.cr.rollback()
                        result = error
                    outcomes[index] = (result, tries)
                    return

        threads = [
            threading.Thread(target=run, args=(0, first)),
            threading.Thread(target=run, args=(1, second, holding)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        return outcomes

    def stored(self, interview_id):
        with self.env_cursor() as env:
            interview = env["hr.exit.interview"].browse(interview_id)
            return {
                "state": interview.state,
                "answers": interview.line_ids.sorted().mapped("answer_text"),
                "submitted": bool(interview.answers_submitted_on),
            }

    # A submission and a save at the same moment

    def test_a_submission_after_a_save_includes_it(self):
        interview_id, (first, second) = self.create_interview()
        saved, submitted = self.run_concurrently(
            lambda env: env["hr.exit.interview"]
            .browse(interview_id)
            ._portal_save_answers({second: "From the save"}, {second: UNSAVED_BASE}),
            lambda env: env["hr.exit.interview"]
            .browse(interview_id)
            ._portal_submit_answers(
                {first: "From the submission"}, {first: UNSAVED_BASE}
            ),
        )
        self.assertFalse(isinstance(saved[0], Exception), saved)
        self.assertFalse(isinstance(submitted[0], Exception), submitted)
        self.assertGreater(submitted[1], 1, "the submission waited, then started over")
        self.assertEqual(
            self.stored(interview_id),
            {
                "state": "prepared",
                "answers": ["From the submission", "From the save"],
                "submitted": True,
            },
        )

    def test_a_save_after_a_submission_changes_nothing(self):
        interview_id, (first, second) = self.create_interview()
        submitted, saved = self.run_concurrently(
            lambda env: env["hr.exit.interview"]
            .browse(interview_id)
            ._portal_submit_answers(
                {first: "From the submission"}, {first: UNSAVED_BASE}
            ),
            lambda env: env["hr.exit.interview"]
            .browse(interview_id)
            ._portal_save_answers({second: "Too late"}, {second: UNSAVED_BASE}),
        )
        self.assertFalse(isinstance(submitted[0], Exception), submitted)
        self.assertIsInstance(saved[0], UserError)
        self.assertIn("already submitted", saved[0].args[0])
        self.assertEqual(
            self.stored(interview_id),
            {
                "state": "prepared",
                "answers": ["From the submission", False],
                "submitted": True,
            },
        )

    # Two tabs saving the same answer at the same moment

    def test_the_slower_of_two_saves_is_told_and_overwrites_nothing(self):
        interview_id, (first, _second) = self.create_interview()

        def save(text):
            return (
                lambda env: env["hr.exit.interview"]
                .browse(interview_id)
                ._portal_save_answers({first: text}, {first: UNSAVED_BASE})
                .ids
            )

        faster, slower = self.run_concurrently(save("Tab one"), save("Tab two"))
        self.assertEqual(faster, ([], 1))
        self.assertEqual(slower[0], [first], "told which answer changed meanwhile")
        self.assertEqual(self.stored(interview_id)["answers"][0], "Tab one")

    def test_a_submission_over_a_newer_answer_submits_nothing(self):
        interview_id, (first, _second) = self.create_interview()
        _saved, submitted = self.run_concurrently(
            lambda env: env["hr.exit.interview"]
            .browse(interview_id)
            ._portal_save_answers({first: "Tab one"}, {first: UNSAVED_BASE}),
            lambda env: env["hr.exit.interview"]
            .browse(interview_id)
            ._portal_submit_answers({first: "Tab two"}, {first: UNSAVED_BASE}),
        )
        self.assertIsInstance(submitted[0], AnswerConflict)
        self.assertEqual(
            self.stored(interview_id),
            {"state": "invited", "answers": ["Tab one", False], "submitted": False},
        )

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
                interview.link_sending_ids.mapped("kind").count("reminder"), 1
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

    def test_the_copy_of_the_answers_goes_once_when_the_job_runs_twice(self):
        interview_id, _lines = self.create_interview()
        with self.env_cursor() as env:
            interviews = env["hr.exit.interview"]
            # Only this copy is due: each process takes one.
            interviews.search([("id", "!=", interview_id)]).answers_copy_due = False
            interviews.browse(interview_id)._portal_submit_answers({})
        results = self.run_jobs_twice("_cron_mail_answers_copies")
        self.assertEqual(
            sorted(interview_id in result for result in results), [False, True]
        )
        with self.env_cursor() as env:
            self.assertFalse(
                env["hr.exit.interview"].browse(interview_id).answers_copy_due
            )

    def run_jobs_twice(self, method):
        """The job called directly by two processes at the same moment: the ids each
        one did its work on. The work is slowed down, so that the second process
        comes while the first one is still at it."""
        start = threading.Barrier(2)
        results = [None, None]
        slow = {
            "_cron_send_reminders": "_send_private_mail",
            "_cron_anonymise_expired": "_anonymise",
            "_cron_mail_answers_copies": "_mail_answers_copy",
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
