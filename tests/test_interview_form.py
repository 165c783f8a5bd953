"""The interview's form as the officer and the interviewer use it: the
questions before saving, all of them on one page, fixed once sent."""

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools.safe_eval import safe_eval

from ..models.hr_exit_interview import STATES
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

    def test_tour_the_header_leaves_the_status_bar_its_room(self):
        interview = self.create_interview()
        interview.action_invite()
        self.start_tour(
            self.form_url(interview),
            "hr_exit_interview_form_header",
            login=self.officer.login,
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


@tagged("post_install", "-at_install")
class TestFormHeader(ExitInterviewCase):
    """Each state's header offers the few steps forward that make sense there, with
    labels that say what they do, and leaves the status bar its room."""

    def form_arch(self, user):
        views = (
            self.env["hr.exit.interview"].with_user(user).get_views([(False, "form")])
        )
        return etree.fromstring(views["views"]["form"]["arch"])

    def header_buttons(self, user, state, written_only=False):
        values = {
            "state": state,
            "successor_advice_consent": True,
            "successor_advice_id": False,
            "written_only": written_only,
            "can_tell_what_was_done": True,
            "report_reading_waiting": False,
        }
        return [
            button.get("string")
            for button in self.form_arch(user).xpath("//header/button")
            if not safe_eval(button.get("invisible") or "False", values)
        ]

    def test_at_most_three_buttons_in_each_state(self):
        for user in (self.officer, self.interviewer, self.board):
            for state, _label in STATES:
                for written_only in (False, True):
                    with self.subTest(
                        user=user.login, state=state, written_only=written_only
                    ):
                        buttons = self.header_buttons(user, state, written_only)
                        self.assertLessEqual(len(buttons), 3)

    def test_the_officer_waiting_for_answers(self):
        self.assertEqual(
            self.header_buttons(self.officer, "invited"),
            ["Mark as Held", "Type In Paper Answers", "Send the Link Again"],
        )

    def test_the_status_bar_shows_the_main_road(self):
        bar = self.form_arch(self.officer).xpath("//header/field[@name='state']")[0]
        self.assertEqual(
            bar.get("statusbar_visible").split(","),
            ["draft", "invited", "held", "shared"],
        )

    def bound_actions(self, user):
        bindings = (
            self.env["ir.actions.actions"]
            .with_user(user)
            .get_bindings("hr.exit.interview")
        )
        return {action["name"]: action for action in bindings.get("action", [])}

    def test_the_ways_out_are_in_the_actions_menu(self):
        officer = self.bound_actions(self.officer)
        interviewer = self.bound_actions(self.interviewer)
        for name in ("Answers Received, Not Typed In", "Employee Declined"):
            self.assertIn(name, officer)
            self.assertIn(name, interviewer)
        self.assertIn("Cancel the Interview", officer)
        self.assertNotIn("Cancel the Interview", interviewer)
        self.assertFalse(self.bound_actions(self.board))

    def run_bound(self, user, name, interview):
        action = self.env["ir.actions.server"].browse(
            self.bound_actions(user)[name]["id"]
        )
        action.with_user(user).with_context(
            active_model="hr.exit.interview",
            active_id=interview.id,
            active_ids=interview.ids,
        ).run()

    def test_the_actions_menu_moves_the_interview(self):
        interview = self.create_interview()
        interview.action_invite()
        self.run_bound(self.interviewer, "Answers Received, Not Typed In", interview)
        self.assertEqual(interview.state, "prepared")
        self.assertFalse(interview.answers_transcribed)
        self.run_bound(self.officer, "Cancel the Interview", interview)
        self.assertEqual(interview.state, "cancelled")
        other = self.create_interview()
        other.action_invite()
        self.run_bound(self.interviewer, "Employee Declined", other)
        self.assertEqual(other.state, "declined")


@tagged("post_install", "-at_install")
class TestPaperAnswerColumns(ExitInterviewCase):
    """Typing in paper answers: the Rating and Yes/No columns only when a question
    needs them, beside a wide answer column."""

    def lines_field(self, name):
        views = (
            self.env["hr.exit.interview"]
            .with_user(self.interviewer)
            .get_views([(False, "form")])
        )
        arch = etree.fromstring(views["views"]["form"]["arch"])
        return arch.xpath(
            f"//page[@name='questions']//field[@name='line_ids']//field[@name='{name}']"
        )[0]

    def test_the_guide_asks_only_for_text(self):
        interview = self.create_interview()
        self.assertEqual(set(interview.line_ids.mapped("question_type")), {"text"})
        self.assertFalse(interview.has_rating_questions)
        self.assertFalse(interview.has_yes_no_questions)
        self.assertIn(
            "not parent.has_rating_questions",
            self.lines_field("answer_rating").get("column_invisible"),
        )
        self.assertIn(
            "not parent.has_yes_no_questions",
            self.lines_field("answer_yes_no").get("column_invisible"),
        )
        self.assertEqual(self.lines_field("answer_text").get("width"), "320px")

    def test_a_template_with_ratings_shows_their_column(self):
        template = self.create_template(("Why?", "text"), ("Rate us", "rating"))
        interview = self.create_interview(template_id=template.id)
        self.assertTrue(interview.has_rating_questions)
        self.assertFalse(interview.has_yes_no_questions)
