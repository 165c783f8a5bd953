"""The employee's own requests: the copy of their data (PDF and JSON, the
interviewer's notes per the company's setting, mailed in their language to the
address of the latest sending), and a restriction that keeps the interview from
the board until it is lifted."""

import base64
import json

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ACCESS_LOGGERS, SUMMARY_REPORT, SendingCase


@tagged("post_install", "-at_install")
class TestAccessRequest(SendingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        template = cls.create_template(("Why do you leave?", "text"))
        cls.interview = cls.create_interview(template_id=template.id)

    def prepare(self):
        self.send_with_wizard(self.interview, email="dirk.private@example.com")
        line = self.interview.line_ids
        line.sudo().answer_text = "ANSWER-MARK"
        line.with_user(self.interviewer).interviewer_note = "NOTE-MARK"
        self.interview.sudo().write(
            {"keep_in_touch": "newsletter", "keep_in_touch_consent": True}
        )

    def produce(self, delivery="mail"):
        wizard = (
            self.env["hr.exit.interview.access"]
            .with_user(self.officer)
            .create({"interview_id": self.interview.id, "delivery": delivery})
        )
        with self.mock_mail_gateway(mail_unlink_sent=True):
            action = wizard.action_confirm()
        request = self.interview.sudo().request_ids
        self.assertEqual((request.kind, request.outcome), ("access", "granted"))
        files = request.with_user(self.officer).file_ids
        return action, {file.mimetype: file for file in files}

    def test_the_copy_holds_the_answers_consents_and_sendings_without_notes(self):
        self.prepare()
        action, files = self.produce()
        self.assertEqual(action["type"], "ir.actions.act_window_close")
        data = json.loads(base64.b64decode(files["application/json"].datas))
        self.assertEqual(data["employee"], "Dirk Departing")
        self.assertEqual(data["answers"][0]["answer"], "ANSWER-MARK")
        self.assertNotIn("interviewer_note", data["answers"][0])
        self.assertEqual(data["consents"]["keep_in_touch"], "Through the Newsletter")
        self.assertTrue(data["consents"]["may_be_contacted"])
        self.assertEqual(data["sendings"][0]["email"], "dirk.private@example.com")
        self.assertIsNone(data["report_shared_with_board"])
        pdf = files["application/pdf"].raw.decode(errors="replace")
        self.assertIn("ANSWER-MARK", pdf)
        self.assertNotIn("NOTE-MARK", pdf)
        # Mailed to the address of the latest sending, with both files.
        mail = self._find_sent_mail_wemail("dirk.private@example.com")
        self.assertEqual(
            sorted(name for name, *_rest in mail["attachments"]),
            sorted(files[kind].name for kind in files),
        )
        # The chatter notes it, without content and with the address masked.
        note = self.interview.message_ids[0]
        self.assertIn("copy of the employee's personal data", note.body)
        self.assertNotIn("ANSWER-MARK", note.body)
        self.assertNotIn("dirk.private@example.com", note.body)

    def test_the_notes_are_in_it_when_the_company_says_so(self):
        self.company.exit_interview_access_include_notes = True
        self.prepare()
        _action, files = self.produce(delivery="download")
        data = json.loads(base64.b64decode(files["application/json"].datas))
        self.assertEqual(data["answers"][0]["interviewer_note"], "NOTE-MARK")
        self.assertIn(
            "NOTE-MARK", files["application/pdf"].raw.decode(errors="replace")
        )

    def test_in_the_employees_language(self):
        self.load_dutch()
        self.employee.lang = "nl_NL"
        self.prepare()
        with self.mock_mail_gateway(mail_unlink_sent=True):
            self.env["hr.exit.interview.access"].with_user(self.officer).create(
                {"interview_id": self.interview.id}
            ).action_confirm()
        mail = self._find_sent_mail_wemail("dirk.private@example.com")
        template = self.env.ref(
            "hr_exit_interview.mail_template_exit_interview_access_request"
        ).with_context(lang="nl_NL")
        self.assertEqual(
            mail["subject"],
            template._render_field("subject", self.interview.ids)[self.interview.id],
        )

    def test_without_any_sending_it_is_downloaded_not_mailed(self):
        with self.assertRaises(UserError):
            self.produce()
        self.assertFalse(self.interview.sudo().request_ids.file_ids)
        action, files = self.produce(delivery="download")
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn(str(files["application/pdf"].id), action["url"])

    @mute_logger(*ACCESS_LOGGERS, "odoo.http")
    def test_only_officers_produce_or_read_the_copy(self):
        self.prepare()
        _action, files = self.produce(delivery="download")
        pdf = files["application/pdf"]
        for user in (self.interviewer, self.board, self.manager_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env["hr.exit.interview.access"].with_user(user).create(
                        {"interview_id": self.interview.id}
                    )
                with self.assertRaises(AccessError):
                    pdf.with_user(user).read(["datas"])
                with self.assertRaises(AccessError):
                    self.env["ir.actions.report"].with_user(user)._render_qweb_html(
                        "hr_exit_interview.action_report_exit_interview_access",
                        self.interview.ids,
                    )
        self.assertTrue(pdf.with_user(self.officer).datas)

    def test_anonymisation_removes_the_copies(self):
        self.prepare()
        _action, files = self.produce(delivery="download")
        self.interview._anonymise()
        self.assertFalse(any(file.exists() for file in files.values()))
        request = self.interview.sudo().request_ids
        self.assertEqual(request.kind, "access", "the request itself stays")


@tagged("post_install", "-at_install")
class TestRestriction(SendingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shared = cls.create_interview(state="held", report_summary="REPORT-MARK")
        cls.shared.action_share_with_board()

    def record(self, kind, outcome, user=None):
        return (
            self.env["hr.exit.interview.request"]
            .with_user(user or self.officer)
            .create({"interview_id": self.shared.id, "kind": kind, "outcome": outcome})
        )

    def board_reads(self):
        return (
            self.env["hr.exit.interview"]
            .with_user(self.board)
            .search([("id", "=", self.shared.id)])
        )

    @mute_logger(*ACCESS_LOGGERS)
    def test_a_restriction_hides_the_interview_from_the_board_until_lifted(self):
        self.assertEqual(self.board_reads(), self.shared)
        self.record("restriction", "pending")
        self.assertEqual(self.board_reads(), self.shared, "pending: no effect yet")
        request = self.shared.sudo().request_ids
        request.with_user(self.officer).outcome = "granted"
        self.assertTrue(self.shared.sudo().restricted)
        self.assertFalse(self.board_reads())
        with self.assertRaises(AccessError):
            self.shared.with_user(self.board).read(["report_summary"])
        with self.assertRaises(AccessError):
            self.shared.measure_ids.with_user(self.board).create(
                {"interview_id": self.shared.id, "name": "Buddy", "category": "other"}
            )
        # The interviewer and the officers still open it.
        self.assertEqual(
            self.shared.with_user(self.interviewer).report_summary, "REPORT-MARK"
        )
        request.with_user(self.officer).outcome = "lifted"
        self.assertFalse(self.shared.sudo().restricted)
        self.assertEqual(self.board_reads(), self.shared)

    def test_the_board_summary_counts_no_restricted_interview(self):
        report = self.env["report.hr_exit_interview.report_exit_interview_summary"]
        year = self.shared.departure_month.year
        before = report.with_user(self.board)._read_figures(self.company, year)
        self.record("restriction", "granted")
        after = report.with_user(self.board)._read_figures(self.company, year)
        self.assertEqual(after["read_count"], before["read_count"] - 1)
        domain = report._period_domain(
            self.company, self.shared.departure_month, self.shared.departure_month
        )
        self.assertNotIn(
            self.shared, self.env["hr.exit.interview"].sudo().search(domain)
        )
        self.assertTrue(SUMMARY_REPORT)

    @mute_logger(*ACCESS_LOGGERS)
    def test_requests_are_the_officers_alone(self):
        self.record("rectification", "granted")
        for user in (self.interviewer, self.board, self.manager_user):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.record("restriction", "granted", user=user)
                with self.assertRaises(AccessError):
                    self.env["hr.exit.interview.request"].with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.shared.with_user(user).write({"restricted": True})
        with self.assertRaises(AccessError):
            self.shared.with_user(self.officer).write({"restricted": True})
        self.assertFalse(self.shared.sudo().restricted)

    def test_a_bad_outcome_is_refused_with_what_to_do(self):
        with self.assertRaises(UserError):
            self.record("access", "lifted")
