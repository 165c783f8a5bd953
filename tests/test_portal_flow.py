import logging

from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..models.hr_exit_interview_portal import ANSWER_MAX_LENGTH
from .common import PortalCase


@tagged("post_install", "-at_install")
class TestPortal(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = cls.make_employee_portal_user("dirk_portal")
        cls.other_portal_user = cls.make_portal_user("other_portal")
        cls.rating_template = cls.create_template(
            ("What did you enjoy?", "text"),
            ("How do you rate us?", "rating"),
            ("Would you come back?", "yes_no"),
        )
        cls.rating_template.letter = (
            "<p>Dear [employee name], thank you from [organisation].</p>"
        )
        cls.interview, cls.token = cls.create_invited_interview(
            template_id=cls.rating_template.id
        )
        cls.text_line, cls.rating_line, cls.yes_no_line = (
            cls.interview.line_ids.sorted()
        )
        other_employee = cls.env["hr.employee"].create({"name": "Other Leaver"})
        cls.other, cls.other_token = cls.create_invited_interview(
            employee_id=other_employee.id, template_id=cls.rating_template.id
        )

    # Reaching the page

    def test_token_opens_the_page(self):
        response = self.page()
        self.assertEqual(response.status_code, 200)
        self.assertIn("Dear Dirk Departing, thank you from", response.text)
        self.assertIn(self.company.name, response.text)
        self.assertIn("How do you rate us?", response.text)
        self.assertIn(
            "The board reads a short report of the conversation", response.text
        )
        self.assertEqual(response.headers["Cache-Control"], "no-store")

    def test_no_page_of_the_employee_can_be_framed_or_kept(self):
        """The page, a post, the autosave, the PDF, the list and the neutral page
        of a link that opens nothing: never framed, never stored."""
        self.authenticate("dirk_portal", "dirk_portal")
        responses = {
            "page": self.page(),
            "post": self.post({}),
            "autosave": self.url_open(
                f"/my/exit-interviews/{self.interview.id}/autosave",
                data={"access_token": self.token},
            ),
            "pdf": self.page(token=None, suffix="/answers.pdf"),
            "list": self.url_open("/my/exit-interviews"),
            "invalid": self.page(token="wrong"),
        }
        for what, response in responses.items():
            with self.subTest(what=what):
                self.assertEqual(response.headers["X-Frame-Options"], "DENY")
                self.assertEqual(
                    response.headers["Content-Security-Policy"],
                    "frame-ancestors 'none'",
                )
                self.assertEqual(response.headers["Cache-Control"], "no-store")

    def test_the_request_log_keeps_no_link(self):
        """Odoo's server writes each request's line to its log (werkzeug's)."""
        # Odoo names its level 25 "INFO": the number says which one.
        with self.assertLogs("werkzeug", logging.INFO) as logs:
            self.page()
            self.post({self.text_line: "Fine"})
        requests = [line for line in logs.output if "/my/exit-interviews/" in line]
        self.assertEqual(
            len(requests),
            5,
            "the link and its page, the link again and its page, the post",
        )
        self.assertFalse([line for line in requests if self.token in line])
        self.assertIn(
            f'"GET /my/exit-interviews/{self.interview.id}?access_token=[redacted] '
            'HTTP/1.1" 303',
            requests[0],
        )

    def test_every_link_that_opens_nothing_shows_one_neutral_page(self):
        missing_id = self.interview.id + 1000
        for url in (
            self.portal_url(token=None),
            self.portal_url(token="wrong"),
            self.portal_url(token=self.other_token),
            f"/my/exit-interviews/{missing_id}?access_token={self.token}",
            f"/my/exit-interviews/{missing_id}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url, allow_redirects=False)
                self.assertEqual(response.status_code, 404)
                self.assertIn("This link is no longer valid", response.text)
                self.assertNotIn("Dirk Departing", response.text)
                self.assertEqual(response.headers["Cache-Control"], "no-store")

    def test_other_interview_token_never_opens_this_one(self):
        response = self.page(self.other, self.other_token)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("Dear Dirk Departing", response.text)

    def test_owner_logged_in_reaches_it_from_my(self):
        self.authenticate("dirk_portal", "dirk_portal")
        response = self.page(token=None)
        self.assertEqual(response.status_code, 200)
        self.assertIn("How do you rate us?", response.text)
        listing = self.url_open("/my/exit-interviews")
        self.assertIn(self.portal_url(token=None), listing.text)
        self.assertNotIn(self.portal_url(self.other, None), listing.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["exit_interview_count"]}
        )
        self.assertEqual(counters["exit_interview_count"], 1)

    def test_other_portal_user_gets_the_neutral_page_whether_it_exists_or_not(self):
        self.authenticate("other_portal", "other_portal")
        existing = self.page(token=None)
        missing = self.url_open(
            f"/my/exit-interviews/{self.interview.id + 1000}", allow_redirects=False
        )
        self.assertEqual(existing.status_code, 404)
        self.assertEqual(missing.status_code, 404)
        self.assertNotIn(
            self.portal_url(token=None), self.url_open("/my/exit-interviews").text
        )

    def test_copy_has_no_link_and_no_answers(self):
        self.text_line.sudo().answer_text = "Mine"
        copy = self.interview.copy()
        self.assertFalse(copy.sudo().access_token_digest)
        self.assertFalse(copy.sudo().link_sending_ids)
        self.assertFalse(any(copy.line_ids.mapped("answer_text")))

    def test_share_wizard_mints_no_link(self):
        for user in (self.officer, self.env.ref("base.user_admin")):
            share = (
                self.env["portal.share"]
                .with_user(user)
                .with_context(
                    active_model=self.interview._name, active_id=self.interview.id
                )
            )
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                share.default_get(["share_link"])

    def test_draft_interview_is_not_shown(self):
        draft = self.create_interview(template_id=self.rating_template.id)
        response = self.page(draft, draft._portal_new_token())
        self.assertEqual(response.status_code, 404)

    def test_employee_never_sees_notes_or_report(self):
        self.text_line.interviewer_note = "INTERVIEWER NOTE"
        self.interview.report_summary = "BOARD REPORT"
        response = self.page()
        self.assertNotIn("INTERVIEWER NOTE", response.text)
        self.assertNotIn("BOARD REPORT", response.text)

    # Answering

    def test_save_draft_twice_then_submit(self):
        response = self.save(
            {
                self.text_line: "The camps",
                self.rating_line: "4",
                self.yes_no_line: "yes",
            }
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Your answers are saved", response.text)
        self.assertEqual(self.text_line.answer_text, "The camps")
        self.assertEqual(self.rating_line.answer_rating, "4")
        self.assertEqual(self.yes_no_line.answer_yes_no, "yes")
        self.save({self.text_line: "The camps!"})
        self.assertEqual(self.text_line.answer_text, "The camps!")
        self.assertIn("The camps!", self.page().text)
        response = self.post({"action": "submit"})
        self.assertIn("sent to the interviewer", response.text)
        self.assertEqual(self.interview.state, "prepared")
        self.assertTrue(self.interview.answers_submitted_on)
        self.assertEqual(self.text_line.answer_text, "The camps!")
        activity = self.interview.activity_ids
        self.assertEqual(activity.user_id, self.interviewer)
        bodies = "".join(self.interview.message_ids.mapped("body"))
        self.assertIn("submitted the answers", bodies)
        self.assertNotIn("The camps", bodies)
        self.assertEqual(self.page().status_code, 404, "link ended")
        self.authenticate("dirk_portal", "dirk_portal")
        page = self.page(token=None).text
        self.assertIn("can no longer change", page)
        self.assertNotIn("o_exit_interview_save", page)

    def test_submit_on_a_locked_interview_keeps_the_stored_answer(self):
        self.post({"action": "submit", self.text_line: "Final"})
        response = self.save({self.text_line: "Old"})
        self.assertEqual(response.status_code, 404, "the old link no longer works")
        self.authenticate("dirk_portal", "dirk_portal")
        response = self.save({self.text_line: "Late"}, token=None)
        self.assertEqual(response.status_code, 400)
        self.assertIn("already submitted", response.text)
        self.assertEqual(self.text_line.answer_text, "Final")

    def test_too_long_answer_is_refused_and_kept_on_the_page(self):
        self.save({self.text_line: "Earlier"})
        long_text = "x" * (ANSWER_MAX_LENGTH + 1)
        response = self.save({self.text_line: long_text})
        self.assertEqual(response.status_code, 400)
        self.assertIn(f"longer than {ANSWER_MAX_LENGTH:,} characters", response.text)
        self.assertIn(long_text, response.text)
        self.assertEqual(self.text_line.answer_text, "Earlier")

    def test_foreign_or_malformed_question_ids_are_refused(self):
        foreign_line = self.other.line_ids[0]
        for key in (f"answer_{foreign_line.id}", "answer_abc", "answer_999999999"):
            with self.subTest(key=key):
                response = self.save({key: "Intruder", self.text_line: "Mine"})
                self.assertEqual(response.status_code, 400)
                self.assertIn("does not belong to your questions", response.text)
                self.assertFalse(foreign_line.answer_text)
                self.assertFalse(self.text_line.answer_text)

    def test_notice_is_acknowledged_before_the_first_answer(self):
        page = self.page().text
        self.assertIn("kept for 24 months after your last working day", page)
        # A draft needs no notice; the choices ticked wait for it, still ticked.
        response = self.save(
            {
                "acknowledge_notice": "",
                "board_consent": "1",
                self.text_line: "Typed first",
            }
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.text_line.unconfirmed_answer, "Typed first")
        self.assertFalse(self.text_line.answer_text, "the interviewer reads none yet")
        self.assertFalse(self.interview.notice_acknowledged_on)
        self.assertFalse(self.interview.board_consent)
        self.assertRegex(response.text, r'id="board_consent"[^>]*checked')
        # Submitting does.
        response = self.post(
            {"action": "submit", "acknowledge_notice": "", self.text_line: "Typed"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("Please confirm that you have read", response.text)
        self.assertIn("Typed", response.text)
        self.assertEqual(self.text_line.unconfirmed_answer, "Typed first")
        self.assertEqual(self.interview.state, "invited")
        self.assertFalse(self.interview.notice_acknowledged_on)
        self.save({self.text_line: "Typed first"})
        self.assertTrue(self.interview.notice_acknowledged_on)
        self.assertEqual(self.text_line.answer_text, "Typed first")
        self.assertNotIn("o_exit_interview_acknowledge", self.page().text)

    def test_company_notice_adds_to_the_generated_one(self):
        self.company.exit_interview_privacy_notice = "Our own notice"
        page = self.page().text
        self.assertIn("Our own notice", page)
        self.assertIn("The board reads your answers only if you agree", page)

    def test_employee_downloads_own_answers(self):
        self.save({self.text_line: "My own words"})
        self.text_line.interviewer_note = "NOT FOR THE EMPLOYEE"
        self.assertIn("answers.pdf", self.page().text)
        response = self.url_open(
            f"/my/exit-interviews/{self.interview.id}/answers.pdf"
            f"?access_token={self.token}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        # Odoo renders reports to HTML in test mode; the PDF itself is tested in
        # test_board_report.
        self.assertIn(b"My own words", response.content)
        self.assertNotIn(b"NOT FOR THE EMPLOYEE", response.content)
        # Another browser, without the session the link opened.
        self.opener.cookies.clear()
        for url in (
            f"/my/exit-interviews/{self.interview.id}/answers.pdf",
            f"/my/exit-interviews/{self.interview.id}/answers.pdf"
            f"?access_token={self.other_token}",
        ):
            with self.subTest(url=url):
                denied = self.url_open(url, allow_redirects=False)
                self.assertEqual(denied.status_code, 404)

    def test_wrong_type_answers_are_refused(self):
        response = self.save({self.rating_line: "9"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("from 1 to 5", response.text)
        response = self.save({self.yes_no_line: "maybe"})
        self.assertEqual(response.status_code, 400)

    def test_missing_csrf_keeps_the_typed_text(self):
        response = self.save(
            {self.text_line: "Typed before expiry", "csrf_token": None}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("This page has expired", response.text)
        self.assertIn("Typed before expiry", response.text)
        self.assertFalse(self.text_line.answer_text)

    def test_post_with_another_interview_token_is_refused(self):
        response = self.save({self.text_line: "Hijack"}, token=self.other_token)
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.text_line.answer_text)

    def test_markup_is_stored_as_text_and_rendered_escaped(self):
        payload = '<script>alert("x")</script><b>bold</b>'
        self.save({self.text_line: payload})
        self.assertEqual(self.text_line.answer_text, payload)
        page = self.page().text
        self.assertNotIn("<script>alert", page)
        self.assertIn("&lt;script&gt;alert", page)

    def test_decline_with_reason(self):
        response = self.post({"action": "decline", "decline_reason": "Too painful"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.interview.state, "declined")
        self.assertEqual(self.interview.decline_reason, "Too painful")
        bodies = "".join(self.interview.message_ids.mapped("body"))
        self.assertIn("prefers not to take part", bodies)
        self.assertNotIn("Too painful", bodies)
        self.assertEqual(self.page().status_code, 404, "link ended")
        self.authenticate("dirk_portal", "dirk_portal")
        page = self.page(token=None).text
        self.assertIn("You chose not to take part", page)
        self.assertNotIn("o_exit_interview_submit", page)
        response = self.post({"action": "submit"}, token=None)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.interview.state, "declined")

    def test_tour_answer_save_reload_submit(self):
        self.start_tour(self.portal_url(), "hr_exit_interview_portal")
        self.assertEqual(self.interview.state, "prepared")
        self.assertEqual(self.text_line.answer_text, "I enjoyed the youth camps")
        self.assertEqual(self.rating_line.answer_rating, "4")
