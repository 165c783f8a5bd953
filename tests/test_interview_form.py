"""The interview's form as the officer and the interviewer use it: the
questions before saving, all of them on one page, fixed once sent."""

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common import ExitInterviewCase

LONG_ANSWER = "A long answer\n" + "More to say about the team.\n" * 60 + "The very end"


@tagged("post_install", "-at_install")
class TestInterviewFormInTheBrowser(HttpCase, ExitInterviewCase):
    @staticmethod
    def form_url(interview):
        return f"/odoo/action-hr_exit_interview.hr_exit_interview_action/{interview.id}"

    def test_tour_a_draft_questions_can_change(self):
        interview = self.create_interview(last_working_day=False)
        self.start_tour(
            self.form_url(interview),
            "hr_exit_interview_form_draft",
            login=self.officer.login,
        )

    def test_tour_sent_questions_are_fixed_and_readable(self):
        interview = self.create_interview()
        interview.action_invite()
        interview.line_ids.sorted()[0].sudo().answer_text = LONG_ANSWER
        self.start_tour(
            self.form_url(interview),
            "hr_exit_interview_form_sent",
            login=self.interviewer.login,
        )


@tagged("post_install", "-at_install")
class TestShareReportWithBoard(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.interview = cls.create_interview(state="held")

    def share(self):
        """The form's button: it asks for the check."""
        return (
            self.interview.with_user(self.interviewer)
            .with_context(exit_interview_share_check=True)
            .action_share_with_board()
        )

    def test_the_button_asks_no_confirmation_before_the_check(self):
        arch = self.env["hr.exit.interview"].get_views([(False, "form")])["views"]
        button = etree.fromstring(arch["form"]["arch"]).xpath(
            "//button[@name='action_share_with_board']"
        )[0]
        self.assertFalse(button.get("confirm"))
        self.assertIn("exit_interview_share_check", button.get("context"))

    def test_a_missing_report_is_said_at_once(self):
        with self.assertRaisesRegex(UserError, "Write at least the Short Report"):
            self.share()
        self.assertEqual(self.interview.state, "held")

    def test_an_empty_report_lists_what_is_missing(self):
        """A plain refusal that says what to write, not an access error."""
        self.interview.strengths = "The team"
        with self.assertRaises(UserError) as caught:
            self.share()
        self.assertIs(type(caught.exception), UserError)
        message = str(caught.exception)
        for label in (
            "Short Report",
            "Reasons For Leaving",
            "Advice for the Successor",
            "Points to Improve",
            "Confidentiality and Board Report Explained",
            "Appreciation Given, Thanked, Success Wished",
        ):
            self.assertIn(f"- {label}", message)
        self.assertNotIn("Strengths of the Organisation", message)
        self.assertIn(self.employee.name, message)
        self.assertEqual(self.interview.state, "held")

    def test_what_is_missing_then_the_confirmation(self):
        self.interview.write(
            {"report_summary": "A warm goodbye", "strengths": "The team"}
        )
        action = self.share()
        self.assertEqual(action["res_model"], "hr.exit.interview.share")
        self.assertEqual(self.interview.state, "held", "not shared yet")
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.interviewer)
            .with_context(**action["context"])
            .create({})
        )
        missing = wizard.missing.splitlines()
        self.assertIn("Reasons For Leaving", missing)
        self.assertIn("Advice for the Successor", missing)
        self.assertIn("Confidentiality and Board Report Explained", missing)
        self.assertNotIn("Strengths of the Organisation", missing)
        wizard.action_confirm()
        self.assertEqual(self.interview.state, "shared")

