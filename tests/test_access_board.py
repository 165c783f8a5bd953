"""What the board reads of a reported interview, by every path a probe of the back
office tried: not the chatter, not answers the employee kept from it, nothing
without a line in the reading log; the report stays as the board received it, and
measures come while the board evaluates."""

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ACCESS_LOGGERS, ExitInterviewCase

MARK = "PROBE-MARK"


@tagged("post_install", "-at_install")
class TestWhatTheBoardReads(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.short = cls.create_template(("Why leave?", "text"))
        cls.reported = cls.create_interview(
            template_id=cls.short.id, state="held", report_summary=f"{MARK}-report"
        )
        cls.reported.line_ids.sudo().answer_text = f"{MARK}-answer"
        cls.reported.with_user(cls.interviewer).message_post(
            body=f"{MARK}-note", subtype_xmlid="mail.mt_note"
        )
        cls.reported.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=f"{MARK}-summary",
            note=f"{MARK}-activity-note",
            user_id=cls.interviewer.id,
        )
        cls.agree_board_reads_answers(cls.reported)
        cls.reported.action_share_with_board()
        colleague = cls.env["hr.employee"].create({"name": "Other Leaver"})
        cls.without_consent = cls.create_interview(
            employee_id=colleague.id, template_id=cls.short.id, state="held"
        )
        cls.without_consent.line_ids.sudo().answer_text = f"{MARK}-no-consent"

    def log_count(self):
        return self.env["hr.exit.interview.reading"].sudo().search_count([])

    def test_the_board_cannot_search_the_chatter_through_the_interview(self):
        interviews = self.env["hr.exit.interview"].with_user(self.board)
        for domain in (
            [("message_ids.body", "ilike", f"{MARK}-note")],
            [("activity_ids.note", "ilike", f"{MARK}-activity-note")],
            [("activity_ids.summary", "ilike", f"{MARK}-summary")],
            [("message_ids.body", "like", "%PROBE%")],
        ):
            with self.subTest(domain=domain):
                self.assertEqual(interviews.search_count(domain), 0)
        # The interviewer, who reads the chatter, finds it.
        self.assertEqual(
            self.env["hr.exit.interview"]
            .with_user(self.interviewer)
            .search_count([("message_ids.body", "ilike", f"{MARK}-note")]),
            1,
        )

    @mute_logger(*ACCESS_LOGGERS)
    def test_answers_stay_with_their_interview_and_their_employee(self):
        line = self.without_consent.line_ids.with_user(self.interviewer)
        with self.assertRaisesRegex(UserError, "belongs to its exit interview"):
            line.write({"interview_id": self.reported.id})
        draft = self.create_interview(template_id=self.short.id)
        with self.assertRaisesRegex(UserError, "the employee's own words"):
            self.env["hr.exit.interview.line"].with_user(self.officer).create(
                {"interview_id": draft.id, "question": "Q", "answer_text": "Forged"}
            )
        with self.assertRaisesRegex(UserError, "the employee's own words"):
            draft.with_user(self.officer).line_ids = [
                Command.create({"question": "Q", "answer_rating": "1"})
            ]
        board_lines = self.env["hr.exit.interview.line"].with_user(self.board)
        self.assertNotIn(
            f"{MARK}-no-consent", board_lines.search([]).mapped("answer_text")
        )

    def test_every_board_reading_of_answers_or_search_of_texts_is_logged(self):
        self.board.groups_id |= self.env.ref("base.group_allow_export")
        lines = self.env["hr.exit.interview.line"].with_user(self.board)
        interviews = self.env["hr.exit.interview"].with_user(self.board)
        for read in (
            lambda: lines.search_read([], ["answer_text"]),
            lambda: lines.search([]).export_data(["answer_text"]),
            lambda: lines.read_group([], ["answer_text"], ["interview_id"]),
            lambda: interviews.search_count([("report_summary", "ilike", MARK)]),
        ):
            before = self.log_count()
            read()
            self.assertGreater(self.log_count(), before)

    def test_board_exports_through_measures_searches_of_answers_are_logged(self):
        self.board.groups_id |= self.env.ref("base.group_allow_export")
        measure = self.env["hr.exit.interview.measure"].create(
            {"interview_id": self.reported.id, "name": "Buddy"}
        )
        lines = self.env["hr.exit.interview.line"].with_user(self.board)
        for read in (
            lambda: measure.with_user(self.board).export_data(
                ["interview_id/report_summary"]
            ),
            lambda: self.reported.with_user(self.board).export_data(
                ["measure_ids/interview_id/report_summary"]
            ),
            lambda: lines.search_count([("answer_text", "ilike", MARK)]),
            lambda: self.reported.with_user(self.board).read(
                ["keep_in_touch", "confidentiality_explained"]
            ),
        ):
            before = self.log_count()
            read()
            self.assertGreater(self.log_count(), before)

    @mute_logger(*ACCESS_LOGGERS)
    def test_a_shared_report_stays_as_the_board_received_it(self):
        as_interviewer = self.reported.with_user(self.interviewer)
        for vals in (
            {"report_summary": "Rewritten"},
            {"report_include_answers": False},
            {"keep_in_touch": "none"},
            {"active": False},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                as_interviewer.write(vals)
        with self.assertRaisesRegex(UserError, "follows its reason"):
            self.without_consent.with_user(self.officer).write(
                {"departure_kind": "involuntary"}
            )

    @mute_logger(*ACCESS_LOGGERS)
    def test_the_board_decides_measures_while_it_evaluates(self):
        measures = self.env["hr.exit.interview.measure"].with_user(self.board)
        measures.create({"interview_id": self.reported.id, "name": "While reported"})
        self.reported.with_user(self.board).action_evaluate()
        with self.assertRaisesRegex(UserError, "while it evaluates"):
            measures.create({"interview_id": self.reported.id, "name": "Afterwards"})
