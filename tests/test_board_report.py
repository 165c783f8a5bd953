"""The reports: the board's, in a real PDF, with what the interviewer wrote and
nothing else; the employee's answers, the question sheet, the conversation sheet;
who may print each, in the reader's language, never kept, every rendering logged."""

import html
import re
import subprocess

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import (
    ANSWERS_REPORT,
    BOARD_REPORT,
    CONVERSATION_REPORT,
    QUESTIONS_REPORT,
    SUMMARY_REPORT,
    ExitInterviewCase,
    pdf_text,
)

BOARD_REPORT_LOGGED = "report.hr_exit_interview.report_exit_interview"
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
    r'xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def pdf_first_page_words(pdf):
    """The words of the PDF's first page with their boxes (x_min, y_min, x_max,
    y_max, in points from the top left), read back by pdftotext."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [
        (html.unescape(word), *map(float, box)) for *box, word in WORD.findall(xhtml)
    ]


def line_box(words, first_word, second_word):
    """The box of the first line of words that starts with these two words."""
    for index, (word, *box) in enumerate(words[:-1]):
        if word == first_word and words[index + 1][0] == second_word:
            following = words[index + 1]
            return (
                box[0],
                min(box[1], following[2]),
                following[3],
                max(box[3], following[4]),
            )
    raise AssertionError(f"{first_word} {second_word} not found in {words}")


@tagged("post_install", "-at_install")
class TestReports(HttpCase, ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.interview = cls.create_interview(
            state="held",
            report_summary="Kind words about the team",
            points_to_improve="Onboarding plan",
            keep_in_touch="volunteer",
        )
        cls.interview.line_ids.sorted()[0].sudo().answer_text = "A great time overall"
        cls.agree_board_reads_answers(cls.interview)
        cls.interview.action_share_with_board()

    # Debian's wkhtmltopdf is built on an unpatched Qt and says so on every render.
    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def render_pdf_bytes(self, user, report, interview=None):
        interview = interview or self.interview
        reports = self.env["ir.actions.report"].with_user(user)
        pdf, kind = reports.with_context(force_report_rendering=True)._render_qweb_pdf(
            report, interview.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        return pdf

    def render_pdf(self, user, report, interview=None):
        return pdf_text(self.render_pdf_bytes(user, report, interview))

    def test_board_report_is_a_real_pdf_with_the_report(self):
        # One wkhtmltopdf run for what the board reads and where it stands.
        pdf = self.render_pdf_bytes(self.board, BOARD_REPORT)
        text = pdf_text(pdf)
        for expected in (
            "Dirk Departing",
            "Short Report",
            "Kind words about the team",
            "Points to Improve",
            "Onboarding plan",
            "As a Volunteer",
            "A great time overall",
            "Confidential",
        ):
            self.assertIn(expected, text)
        # The confidentiality line stands above the title, measured in the PDF that
        # this machine's wkhtmltopdf (Debian's, on an unpatched Qt, which prints no
        # header) renders.
        words = pdf_first_page_words(pdf)
        confidential = line_box(words, "Confidential:", "for")
        title = line_box(words, "Exit", "interview")
        self.assertLessEqual(confidential[3], title[1])

    def test_board_report_leaves_out_what_the_interviewer_left_empty(self):
        texts = {}
        for kind, values in (
            ("short", {}),
            (
                "full",
                {
                    "reasons_for_leaving": "A new challenge",
                    "advice_for_successor": "Ask the team",
                    "strengths": "Warm colleagues",
                    "points_to_improve": "Onboarding plan",
                    "keep_in_touch": "newsletter",
                },
            ),
        ):
            interview = self.create_interview(
                state="held", report_summary="Kind words", **values
            )
            interview.action_share_with_board()
            texts[kind] = self.render_pdf(self.board, BOARD_REPORT, interview)
        self.assertIn("Short Report", texts["short"])
        for heading in (
            "Reasons for Leaving",
            "Advice for the Successor",
            "Strengths of the Organisation",
            "Points to Improve",
            "Keeping in Touch",
        ):
            with self.subTest(heading=heading):
                self.assertIn(heading, texts["full"])
                self.assertNotIn(heading, texts["short"])

    def test_reports_name_the_job_once(self):
        consultant = self.env["hr.job"].create({"name": "Consultant"})
        interview = self.create_interview(
            job_id=consultant.id,
            job_title="Consultant",
            state="held",
            report_summary="Short report",
        )
        interview.action_share_with_board()
        for user, report in (
            (self.interviewer, CONVERSATION_REPORT),
            (self.board, BOARD_REPORT),
        ):
            with self.subTest(report=report):
                text = self.render_pdf(user, report, interview)
                self.assertEqual(text.count("Consultant"), 1, text)
        interview.sudo().job_title = "Youth Worker"
        self.assertEqual(interview._job_display(), "Youth Worker (Consultant)")
        interview.sudo().job_title = "Senior Consultant"
        self.assertEqual(interview._job_display(), "Senior Consultant")

    def test_unanswered_questions_are_counted_not_listed(self):
        """In what is read; the conversation sheet, which the interviewer asks
        every question from, lists them all (test_interview_sheets.py)."""
        unanswered = self.interview.line_ids.sorted()[1].question
        for user, report in (
            (self.board, BOARD_REPORT),
            (self.officer, ANSWERS_REPORT),
        ):
            with self.subTest(report=report):
                text = self.render_pdf(user, report)
                self.assertIn("1 of 41 questions answered", text)
                self.assertIn("A great time overall", text)
                self.assertNotIn("Not answered", text)
                self.assertNotIn(unanswered, text)

    def test_board_report_may_leave_the_answers_out(self):
        self.interview.sudo().report_include_answers = False
        text = self.render_pdf(self.officer, BOARD_REPORT)
        self.assertIn("Kind words about the team", text)
        self.assertNotIn("A great time overall", text)

    def test_answers_pdf_for_the_employee_has_no_notes(self):
        self.interview.line_ids.sorted()[0].sudo().interviewer_note = "Private note"
        text = self.render_pdf(self.officer, ANSWERS_REPORT)
        self.assertIn("A great time overall", text)
        self.assertNotIn("Private note", text)
        self.assertNotIn("Kind words about the team", text)

    def test_question_sheet_has_the_letter_and_no_answers(self):
        text = self.render_pdf(self.interviewer, QUESTIONS_REPORT)
        self.assertIn("Dear Dirk Departing", text)
        self.assertIn("General", text)
        self.assertIn("What was your best moment with us?", text)
        self.assertNotIn("A great time overall", text)

    @mute_logger("odoo.http")
    def test_board_report_refused_to_everyone_else_by_every_path(self):
        for role in ("interviewer", "hr_user", "internal"):
            user = self.users[role]
            with self.subTest(role=role):
                with self.assertRaises(AccessError):
                    self.env["ir.actions.report"].with_user(user)._render_qweb_pdf(
                        BOARD_REPORT, self.interview.ids
                    )
                with self.assertRaises(AccessError):
                    self.env["ir.actions.report"].with_user(user)._render_qweb_html(
                        BOARD_REPORT, self.interview.ids
                    )
        self.authenticate("exit_interviewer", "exit_interviewer")
        response = self.url_open(
            f"/report/pdf/hr_exit_interview.report_exit_interview/{self.interview.id}"
        )
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(b"Kind words", response.content)

    def test_reports_translate_into_the_reader_language(self):
        self.load_dutch()
        self.board.lang = "nl_NL"
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.board)
            ._render_qweb_html(BOARD_REPORT, self.interview.ids)
        )
        self.assertIn("Kort verslag", html.decode())
        self.assertIn("Vertrouwelijk", html.decode())

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.http")
    def test_question_sheet_for_the_interview_managers_only(self):
        other = self.create_interview(interviewer_id=self.other_interviewer.id)
        reports = self.env["ir.actions.report"]
        with self.assertRaises(AccessError):
            reports.with_user(self.interviewer)._render_qweb_html(
                QUESTIONS_REPORT, other.ids
            )
        for role in ("board", "hr_user", "internal"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                reports.with_user(self.users[role])._render_qweb_html(
                    QUESTIONS_REPORT, other.ids
                )
        reports.with_user(self.officer)._render_qweb_html(QUESTIONS_REPORT, other.ids)

    def test_no_report_is_kept_by_a_browser_or_a_proxy(self):
        self.authenticate("exit_board", "exit_board")
        path = f"hr_exit_interview.report_exit_interview/{self.interview.id}"
        for url in (f"/report/html/{path}", f"/report/pdf/{path}"):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.headers["Cache-Control"], "no-store")

    def test_every_rendering_is_logged_for_the_officers_only(self):
        logs = self.env["hr.exit.interview.reading"]
        self.render_pdf(self.board, BOARD_REPORT)
        self.authenticate("exit_board", "exit_board")
        self.url_open(
            f"/report/html/hr_exit_interview.report_exit_interview/{self.interview.id}"
        )
        readings = logs.search([("interview_id", "=", self.interview.id)])
        self.assertEqual(readings.mapped("user_id"), self.board)
        self.assertEqual(len(readings), 2)
        self.assertEqual(logs.with_user(self.officer).search_count([]), 2)
        with self.assertRaises(AccessError):
            logs.with_user(self.board).search([])
        with self.assertRaises(AccessError):
            readings.with_user(self.officer).unlink()

    def test_readings_list_names_each_way_in_words(self):
        logs = self.env["hr.exit.interview.reading"]
        board = self.board
        self.env["ir.actions.report"].with_user(board)._render_qweb_html(
            BOARD_REPORT, self.interview.ids
        )
        self.env["ir.actions.report"].with_user(board)._render_qweb_html(
            SUMMARY_REPORT,
            [],
            data={"date_from": "2025-01-01", "date_to": "2025-12-31"},
        )
        self.interview.with_user(board).read(["report_summary"])
        self.env["hr.exit.interview"].with_user(board).search(
            [("report_summary", "ilike", "Kind")]
        )
        self.env["hr.exit.interview.line"].with_user(board).search(
            [("answer_text", "ilike", "great")]
        )
        logged = set(logs.search([]).mapped("read_through"))
        self.assertEqual(len(logged), 5)

        def labels(user):
            readings = logs.with_user(user).with_context(lang=user.lang)
            selection = readings.fields_get(["read_through"])["read_through"][
                "selection"
            ]
            return dict(selection)

        english = labels(self.officer)
        for name in logged:
            with self.subTest(name=name):
                self.assertNotIn(name, english.values())
                self.assertNotRegex(english[name], r"[._]")
        self.assertEqual(english[BOARD_REPORT_LOGGED], "Board report (PDF or page)")
        self.load_dutch()
        self.officer.lang = "nl_NL"
        dutch = labels(self.officer)
        for name in logged:
            with self.subTest(name=name, lang="nl_NL"):
                self.assertNotEqual(dutch[name], english[name])

    def test_board_report_over_http_for_the_board(self):
        self.authenticate("exit_board", "exit_board")
        response = self.url_open(
            f"/report/html/hr_exit_interview.report_exit_interview/{self.interview.id}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Kind words about the team", response.text)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_board_cannot_print_an_interview_before_it_is_reported(self):
        draft = self.create_interview()
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.board)._render_qweb_html(
                BOARD_REPORT, draft.ids
            )

    def test_print_menu_shows_the_board_report_to_readers_only(self):
        def print_actions(user):
            views = (
                self.env["hr.exit.interview"]
                .with_user(user)
                .get_views([(False, "form")], {"toolbar": True})
            )
            toolbar = views["views"]["form"].get("toolbar", {})
            return [action["id"] for action in toolbar.get("print", [])]

        board_report = self.env.ref(BOARD_REPORT).id
        self.assertIn(board_report, print_actions(self.board))
        self.assertIn(board_report, print_actions(self.officer))
        self.assertNotIn(board_report, print_actions(self.interviewer))

    def test_reports_are_never_stored_as_attachments(self):
        reports = self.env["ir.actions.report"].search(
            [("report_name", "like", "hr_exit_interview.")]
        )
        self.assertEqual(len(reports), 6)
        self.assertFalse(any(reports.mapped("attachment")))
        self.assertFalse(any(reports.mapped("attachment_use")))
