"""The sheets the interviewer and the officer print: the question sheet, which may
be copied and forwarded, and the interviewer's conversation sheet."""

from datetime import datetime

from freezegun import freeze_time
from markupsafe import escape

from odoo.tests import tagged

from .common import (
    ANSWERS_REPORT,
    CONVERSATION_REPORT,
    QUESTIONS_REPORT,
    ExitInterviewCase,
)

# 10:30:15 in Brussels, where the employee and the interviewer are: a second that no
# sheet should print.
MEETING = datetime(2031, 6, 20, 8, 30, 15)


@tagged("post_install", "-at_install")
class TestInterviewSheets(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        template = cls.create_template(
            ("What did you like?", "text"),
            ("What would you change?", "text"),
            ("How do you rate the team?", "rating"),
        )
        cls.interview = cls.create_interview(
            template_id=template.id, planned_start=MEETING
        )
        cls.interview.action_invite()
        cls.liked, cls.change, cls.rating = cls.interview.line_ids.sorted()
        cls.liked.sudo().answer_text = "The summer camps"

    def render(self, report, user=None):
        return (
            self.env["ir.actions.report"]
            .with_user(user or self.interviewer)
            ._render_qweb_html(report, self.interview.ids)[0]
            .decode()
        )

    def test_question_sheet_says_who_reads_the_answers(self):
        html = self.render(QUESTIONS_REPORT)
        self.assertIn("Who reads your answers", html)
        for paragraph in self.interview._privacy_notice():
            self.assertIn(str(escape(paragraph)), html)

    def test_question_sheet_names_the_meeting_without_seconds(self):
        html = self.render(QUESTIONS_REPORT)
        self.assertIn("Friday 20 June 2031", html)
        self.assertIn("10:30", html)
        self.assertNotIn("10:30:15", html)

    def test_question_sheet_without_meeting_names_none(self):
        self.interview.planned_start = False
        html = self.render(QUESTIONS_REPORT)
        self.assertNotIn("Meeting planned on", html)
        self.assertIn("Who reads your answers", html)

    def test_conversation_sheet_lists_every_question(self):
        html = self.render(CONVERSATION_REPORT)
        for line in (self.liked, self.change, self.rating):
            self.assertIn(str(escape(line.question)), html)
        self.assertIn("The summer camps", html)
        self.assertEqual(html.count("o_exit_interview_unanswered"), 2)
        self.assertIn("1 of 3 questions answered", html)

    def test_conversation_sheet_meeting_without_seconds(self):
        html = self.render(CONVERSATION_REPORT)
        self.assertIn("10:30", html)
        self.assertNotIn("10:30:15", html)

    def test_conversation_sheet_has_no_empty_rows(self):
        self.assertIn("<th>Department</th>", self.render(CONVERSATION_REPORT))
        self.interview.write(
            {"department_id": False, "hire_date": False, "planned_start": False}
        )
        html = self.render(CONVERSATION_REPORT)
        for label in ("Department", "Period of Employment", "Meeting"):
            self.assertNotIn(f"<th>{label}</th>", html)

    def test_paper_answers_note_without_seconds(self):
        with freeze_time("2031-06-10 12:05:42"):
            self.interview.with_user(self.interviewer).action_type_in_paper_answers()
        for report in (CONVERSATION_REPORT, ANSWERS_REPORT):
            with self.subTest(report=report):
                html = self.render(report)
                self.assertIn("Received on paper and typed in by", html)
                self.assertIn("14:05", html)
                self.assertNotIn("14:05:42", html)
