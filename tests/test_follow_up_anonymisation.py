from datetime import date

from freezegun import freeze_time

from odoo.fields import Command
from odoo.tests import tagged

from .common import ExitInterviewCase


@tagged("post_install", "-at_install")
class TestRetention(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        template = cls.create_template(("Rate us", "rating"), ("Why?", "text"))
        cls.old = cls.create_interview(
            template_id=template.id,
            hire_date=date(2020, 3, 1),
            last_working_day=date(2028, 6, 30),
            state="held",
            report_summary="Secret report",
            points_to_improve="Secret point",
            excelled_at="Secret praise",
        )
        rating, text = cls.old.line_ids.sorted()
        rating.sudo().answer_rating = "4"
        text.sudo().answer_text = "Secret answer"
        text.interviewer_note = "Secret note"
        cls.old.action_share_with_board()
        cls.old.measure_ids = [
            Command.create({"name": "Secret action", "category": "hr_policy"})
        ]
        cls.old.message_post(body="Mentions Dirk Departing")
        cls.recent = cls.create_interview(last_working_day=date(2030, 6, 30))

    @freeze_time("2030-07-15")
    def test_anonymise_after_retention_keeps_the_statistics(self):
        anonymised = self.env["hr.exit.interview"]._cron_anonymise_expired()
        self.assertEqual(self.made_here(anonymised), self.old)
        old = self.old
        # gone
        self.assertFalse(old.employee_id)
        self.assertFalse(old.manager_id)
        self.assertFalse(old.hire_date)
        self.assertFalse(old.last_working_day)
        self.assertFalse(old.report_summary)
        self.assertFalse(old.points_to_improve)
        self.assertFalse(old.excelled_at)
        self.assertFalse(old.sudo().access_token_digest)
        self.assertFalse(old.sudo().link_sending_ids)
        self.assertFalse(old.notice_text)
        self.assertFalse(any(old.line_ids.mapped("answer_text")))
        self.assertFalse(any(old.line_ids.mapped("interviewer_note")))
        self.assertNotIn("Secret action", old.measure_ids.mapped("name"))
        self.assertFalse(old.message_ids.filtered(lambda m: "Dirk" in (m.body or "")))
        self.assertEqual(old.name, "Anonymised exit interview")
        # kept
        self.assertEqual(old.departure_reason_id, self.resigned)
        self.assertEqual(old.department_id, self.department)
        self.assertEqual(old.year, "2028")
        self.assertEqual(old.departure_month, date(2028, 6, 1))
        self.assertEqual(old.seniority_band, "5to10")
        self.assertEqual(old.line_ids.sorted()[0].answer_rating, "4")
        self.assertEqual(old.rating_average, 4.0)
        self.assertEqual(old.measure_ids.category, "hr_policy")
        self.assertEqual(old.measure_ids.state, "open")
        self.assertEqual(old.state, "shared")
        # untouched, and idempotent
        self.assertEqual(self.recent.employee_id, self.employee)
        self.assertFalse(self.env["hr.exit.interview"]._cron_anonymise_expired())

    @freeze_time("2030-07-15")
    def test_retention_is_a_company_setting(self):
        self.company.exit_interview_retention_months = 48
        self.assertFalse(self.env["hr.exit.interview"]._cron_anonymise_expired())
