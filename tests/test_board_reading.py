"""The board's way to a report: told that one waits, in words that name no one;
its first screen and its form open on the reports; three clicks in the browser."""

from lxml import etree

from odoo.tests import HttpCase, tagged
from odoo.tests.common import new_test_user

from ..models.hr_exit_interview import BOARD_GROUP
from .common import ExitInterviewCase


@tagged("post_install", "-at_install")
class TestTheBoard(HttpCase, ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        colleague = cls.env["hr.employee"].create({"name": "Rita Reported"})
        cls.interview = cls.create_interview(
            employee_id=colleague.id,
            state="held",
            report_summary="A warm goodbye",
            points_to_improve="Secret point",
        )
        other_company = cls.env["res.company"].create({"name": "Other Werking"})
        cls.other_board = new_test_user(
            cls.env,
            login="exit_other_board",
            groups=f"base.group_user,{BOARD_GROUP}",
            company_id=other_company.id,
            company_ids=[other_company.id],
        )

    def test_the_board_is_told_a_report_waits_naming_no_one(self):
        self.interview.action_share_with_board()
        notices = self.env["mail.message"].search(
            [
                ("model", "=", "hr.exit.interview"),
                ("res_id", "=", self.interview.id),
                ("partner_ids", "in", self.board.partner_id.ids),
            ]
        )
        self.assertEqual(len(notices), 1)
        self.assertIn("An exit interview report is ready", notices.body)
        for text in ("Rita", "warm goodbye", "Secret point"):
            self.assertNotIn(text, notices.body)
            self.assertNotIn(text, notices.subject or "")
            self.assertNotIn(text, notices.record_name or "")
        self.assertNotIn(self.other_board.partner_id, notices.partner_ids)
        self.assertNotIn(self.officer.partner_id, notices.partner_ids)
        # It opens the report.
        self.assertEqual(
            notices.with_user(self.board).read(["body"])[0]["body"], notices.body
        )

    def test_the_first_screen_depends_on_the_role(self):
        interviews = self.env["hr.exit.interview"]
        board_action = interviews.with_user(self.board).action_open_home()
        self.assertEqual(
            board_action["id"],
            self.env.ref("hr_exit_interview.hr_exit_interview_action_board").id,
        )
        for user in (self.interviewer, self.officer):
            action = interviews.with_user(user).action_open_home()
            self.assertEqual(
                action["id"],
                self.env.ref("hr_exit_interview.hr_exit_interview_action").id,
            )

    def test_the_board_form_opens_on_the_report(self):
        arch = (
            self.env["hr.exit.interview"]
            .with_user(self.board)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        form = etree.fromstring(arch)
        pages = [page.get("name") for page in form.iter("page")]
        self.assertEqual(pages[0], "report")
        self.assertNotIn("questions", pages)
        self.assertFalse(form.xpath("//button[@name='action_open_calendar_event']"))

    def test_tour_three_clicks_to_a_waiting_report(self):
        self.interview.action_share_with_board()
        self.start_tour("/odoo", "hr_exit_interview_board", login=self.board.login)
