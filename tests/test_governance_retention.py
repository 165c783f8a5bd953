"""Retention ahead of time: the officers' list of what the job anonymises in the
coming days, the weekly to-do of the company's responsible officer, and how many
interviews a new retention period would anonymise, shown before saving."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import ACCESS_LOGGERS, ExitInterviewCase

RETENTION_CRON = "hr_exit_interview.ir_cron_exit_interview_retention_ahead"
ACTIVITY = "hr_exit_interview.mail_activity_type_exit_interview_retention"


@tagged("post_install", "-at_install")
class TestRetentionAhead(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A company of its own: what a database with demo data holds stays out.
        cls.company = cls.env["res.company"].create(
            {
                "name": "Retention Org",
                "exit_interview_retention_months": 24,
                "exit_interview_retention_notice_days": 30,
            }
        )
        for user in (cls.officer, cls.interviewer, cls.board, cls.manager_user):
            user.company_ids |= cls.company
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=cls.company.ids)
        )
        employee = cls.env["hr.employee"].create(
            {"name": "Dirk Departing", "company_id": cls.company.id}
        )
        # Anonymised on 2030-07-01 (the day after the retention ends).
        cls.soon = cls.create_interview(
            company_id=cls.company.id,
            employee_id=employee.id,
            template_id=False,
            last_working_day=date(2028, 6, 30),
        )
        cls.later = cls.create_interview(
            company_id=cls.company.id,
            employee_id=employee.id,
            template_id=False,
            last_working_day=date(2028, 12, 31),
        )
        cls.interviews = cls.soon | cls.later

    def retention_list(self, user=None):
        action = (
            self.env["hr.exit.interview"]
            .with_user(user or self.officer)
            ._retention_ahead_action()
        )
        self.assertEqual(action["context"], "{'group_by': ['company_id']}")
        found = (
            self.env["hr.exit.interview"]
            .with_user(user or self.officer)
            .search(action["domain"])
        )
        return self.made_here(found)

    @freeze_time("2030-06-15")
    def test_the_list_shows_what_the_next_days_anonymise_with_the_date(self):
        self.assertEqual(
            self.soon.with_user(self.officer).anonymise_on, date(2030, 7, 1)
        )
        self.assertEqual(self.retention_list(), self.soon)
        self.company.exit_interview_retention_notice_days = 200
        self.assertEqual(self.retention_list(), self.interviews)
        found = (
            self.env["hr.exit.interview"]
            .with_user(self.officer)
            .search([("anonymise_on", "=", date(2030, 7, 1))])
        )
        self.assertEqual(self.made_here(found), self.soon)

    @freeze_time("2030-07-01")
    def test_the_date_is_the_day_the_job_anonymises(self):
        with freeze_time("2030-06-30"):
            self.assertFalse(
                self.made_here(self.env["hr.exit.interview"]._cron_anonymise_expired())
            )
        self.assertEqual(
            self.made_here(self.env["hr.exit.interview"]._cron_anonymise_expired()),
            self.soon,
        )

    @mute_logger(*ACCESS_LOGGERS)
    def test_only_officers_open_the_list(self):
        for user in (self.interviewer, self.board, self.manager_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env["hr.exit.interview"].with_user(
                        user
                    )._retention_ahead_action()
                with self.assertRaises(AccessError):
                    self.soon.with_user(user).read(["anonymise_on"])

    def activities(self):
        return self.env["mail.activity"].search(
            [
                ("activity_type_id", "=", self.env.ref(ACTIVITY).id),
                ("res_model", "=", "hr.exit.interview"),
                ("res_id", "in", self.interviews.ids),
            ]
        )

    @freeze_time("2030-06-15")
    def test_weekly_one_to_do_for_the_responsible_officer(self):
        cron = self.env.ref(RETENTION_CRON)
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "weeks"))
        cron.method_direct_trigger()
        self.assertFalse(self.activities(), "no responsible officer: no to-do")
        self.company.exit_interview_retention_user_id = self.officer
        cron.method_direct_trigger()
        activity = self.activities()
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.officer)
        self.assertEqual(activity.res_id, self.soon.id)
        self.assertIn("1 exit interview", activity.summary)
        self.assertNotIn("Dirk", activity.summary)
        # Still open a week later: none more.
        with freeze_time("2030-06-22"):
            cron.method_direct_trigger()
        self.assertEqual(len(self.activities()), 1)
        activity.action_feedback()
        with freeze_time("2030-06-29"):
            cron.method_direct_trigger()
        self.assertEqual(len(self.activities()), 1)

    @freeze_time("2030-01-15")
    def test_no_to_do_when_the_list_is_empty(self):
        self.company.exit_interview_retention_user_id = self.officer
        self.env.ref(RETENTION_CRON).method_direct_trigger()
        self.assertFalse(self.activities())

    @freeze_time("2030-06-15")
    def test_a_new_period_shows_what_the_next_run_anonymises_before_saving(self):
        self.assertEqual(self.company._exit_interview_retention_preview(24), 0)
        self.env["hr.exit.interview.hold"].with_user(self.officer).create(
            {"interview_id": self.later.id, "reason": "Dispute"}
        ).action_confirm()
        settings = Form(self.env["res.config.settings"])
        self.assertEqual(settings.company_id, self.company)
        self.assertIn(" 0 exit", settings.exit_interview_retention_preview)
        settings.exit_interview_retention_months = 12
        # Both ended more than 12 months ago; the one on hold is kept.
        self.assertIn(" 1 exit", settings.exit_interview_retention_preview)
        # Not saved yet.
        self.assertEqual(self.company.exit_interview_retention_months, 24)
