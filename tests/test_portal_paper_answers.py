"""Answers received on paper: typed in by the interviewer, marked so, never the
employee's own input, never read by the board."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ACCESS_LOGGERS, ANSWERS_REPORT, BOARD_REPORT, PortalCase

PAPER = "PAPER-ANSWER"


@tagged("post_install", "-at_install")
class TestPaperAnswers(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = cls.make_employee_portal_user("dirk_paper")
        template = cls.create_template(("Why leave?", "text"), ("Rate us", "rating"))
        cls.interview, cls.token = cls.create_invited_interview(template_id=template.id)
        cls.text_line, cls.rating_line = cls.interview.line_ids.sorted()
        # The employee had agreed on the portal that the board reads the answers.
        cls.interview.sudo().board_consent = True

    def type_in(self, user=None):
        as_user = self.interview.with_user(user or self.interviewer)
        as_user.action_type_in_paper_answers()
        as_user.write(
            {
                "line_ids": [
                    (1, self.text_line.id, {"answer_text": PAPER}),
                    (1, self.rating_line.id, {"answer_rating": "1"}),
                ]
            }
        )

    def report_it(self):
        as_interviewer = self.interview.with_user(self.interviewer)
        as_interviewer.action_mark_held()
        as_interviewer.report_summary = "Short report"
        as_interviewer.action_share_with_board()

    def test_the_interviewer_types_in_marked_as_typed_in(self):
        self.type_in()
        self.assertEqual(self.interview.state, "prepared")
        self.assertTrue(self.interview.answers_transcribed)
        self.assertEqual(self.interview.transcribed_by_id, self.interviewer)
        self.assertTrue(self.interview.transcribed_on)
        self.assertFalse(self.interview.answers_submitted_on)
        self.assertEqual(self.text_line.answer_text, PAPER)
        self.assertEqual(self.interview.sudo().rating_sum, 1)
        # The employee's copy and the interviewer's sheet say who typed them in.
        html = str(
            self.env["ir.actions.report"]
            .with_user(self.interviewer)
            ._render_qweb_html(ANSWERS_REPORT, self.interview.ids)[0]
        )
        self.assertIn("Received on paper and typed in by", html)
        self.assertIn(self.interviewer.name, html)

    def test_an_officer_may_type_in_too(self):
        self.type_in(self.officer)
        self.assertEqual(self.interview.transcribed_by_id, self.officer)
        # Typed in later by the interviewer: the mark follows who typed last.
        self.text_line.with_user(self.interviewer).answer_text = f"{PAPER} 2"
        self.assertEqual(self.interview.transcribed_by_id, self.interviewer)

    @mute_logger(*ACCESS_LOGGERS)
    def test_no_one_else_types_answers_in(self):
        with self.assertRaises(UserError):
            self.text_line.with_user(self.interviewer).answer_text = "Before the action"
        with self.assertRaises(AccessError):
            self.interview.with_user(
                self.other_interviewer
            ).action_type_in_paper_answers()
        with self.assertRaises(AccessError):
            self.interview.with_user(self.board).action_type_in_paper_answers()
        with self.assertRaises(AccessError):
            self.interview.with_user(self.officer).write({"answers_transcribed": True})
        self.type_in()
        with self.assertRaises(AccessError):
            self.text_line.with_user(self.board).answer_text = "Board"
        self.report_it()
        # Once the report is shared, the answers stay as they were.
        with self.assertRaises(UserError):
            self.text_line.with_user(self.interviewer).answer_text = "Later"

    def test_not_after_the_employee_submitted(self):
        self.interview.sudo()._portal_submit_answers({self.text_line.id: "Mine"})
        with self.assertRaisesRegex(UserError, "before the employee submits"):
            self.interview.with_user(self.interviewer).action_type_in_paper_answers()

    def test_the_link_ends_and_the_portal_says_paper(self):
        self.type_in()
        response = self.page()
        self.assertIn("This link is no longer valid", response.text)
        self.assertNotIn(PAPER, response.text)
        self.authenticate("dirk_paper", "dirk_paper")
        response = self.page(token=None)
        self.assertIn(
            "received on paper and typed in by the interviewer", response.text
        )
        self.assertNotIn("o_exit_interview_submit", response.text)

    @mute_logger(*ACCESS_LOGGERS)
    def test_the_board_never_reads_typed_in_answers(self):
        self.type_in()
        with self.assertRaises(ValidationError):
            self.interview.sudo().report_include_answers = True
        self.report_it()
        # Even when a report with answers is forced past the constraint.
        self.env.cr.execute(
            "UPDATE hr_exit_interview SET report_include_answers = TRUE WHERE id = %s",
            [self.interview.id],
        )
        self.interview.invalidate_recordset()
        as_board = self.interview.with_user(self.board)
        self.assertFalse(as_board.line_ids)
        self.assertFalse(as_board.board_rating_average)
        lines = self.env["hr.exit.interview.line"].with_user(self.board)
        self.assertFalse(lines.search([("interview_id", "=", self.interview.id)]))
        with self.assertRaises(AccessError):
            self.text_line.with_user(self.board).read(["answer_text"])
        self.board.groups_id |= self.env.ref("base.group_allow_export")
        exported = as_board.export_data(["line_ids/answer_text", "report_summary"])
        self.assertNotIn(PAPER, str(exported))
        html = str(
            self.env["ir.actions.report"]
            .with_user(self.board)
            ._render_qweb_html(BOARD_REPORT, self.interview.ids)[0]
        )
        self.assertIn("Short report", html)
        self.assertNotIn(PAPER, html)
