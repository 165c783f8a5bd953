"""The talk itself, as the guide has it: the interviewer's conversation sheet,
and the checklist of its opening and closing."""

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import BOARD_REPORT, CONVERSATION_REPORT, ExitInterviewCase


@tagged("post_install", "-at_install")
class TestConversationSheet(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.interview = cls.create_interview(
            excelled_at="The summer camps", thank_for="Ten years of Saturdays"
        )
        cls.interview.action_invite()
        line = cls.interview.line_ids.sorted()[0]
        line.sudo().answer_text = "The team spirit"
        line.interviewer_note = "Ask about the camps"

    def render(self, user):
        return (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(CONVERSATION_REPORT, self.interview.ids)[0]
            .decode()
        )

    def test_the_interviewer_prints_the_sheet_of_the_talk(self):
        html = self.render(self.interviewer)
        for text in (
            "The summer camps",
            "Ten years of Saturdays",
            "A short report of this conversation goes to the board.",
            "speak freely",
            "We will not argue about past events",
            "The team spirit",
            "Ask about the camps",
            "Wish them success.",
        ):
            self.assertIn(text, html)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_no_one_else_prints_it(self):
        self.interview.sudo().write({"state": "held", "report_summary": "Report"})
        self.interview.action_share_with_board()
        for user in (self.board, self.other_interviewer, self.manager_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.render(user)


@tagged("post_install", "-at_install")
class TestChecklist(ExitInterviewCase):
    def test_marking_held_with_the_checklist_open_asks_first(self):
        interview = self.create_interview()
        interview.action_invite()
        form_click = interview.with_user(self.interviewer).with_context(
            exit_interview_checklist_check=True
        )
        action = form_click.action_mark_held()
        self.assertEqual(action["res_model"], "hr.exit.interview.held")
        self.assertEqual(interview.state, "invited")
        wizard = (
            self.env["hr.exit.interview.held"]
            .with_user(self.interviewer)
            .with_context(**action["context"])
            .create({})
        )
        wizard.action_confirm()
        self.assertEqual(interview.state, "held")

    def test_with_the_checklist_ticked_it_is_held_at_once(self):
        interview = self.create_interview(
            confidentiality_explained=True, appreciation_given=True
        )
        interview.action_invite()
        interview.with_user(self.interviewer).with_context(
            exit_interview_checklist_check=True
        ).action_mark_held()
        self.assertEqual(interview.state, "held")

    def test_the_board_report_states_the_checklist(self):
        interview = self.create_interview(
            state="held", report_summary="Report", confidentiality_explained=True
        )
        interview.action_share_with_board()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.board)
            ._render_qweb_html(BOARD_REPORT, interview.ids)[0]
            .decode()
        )
        self.assertRegex(html, r"o_exit_interview_checklist_opening\">\s*Yes")
        self.assertRegex(html, r"o_exit_interview_checklist_closing\">\s*No")
