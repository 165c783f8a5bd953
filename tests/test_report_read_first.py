"""The employee reads the short report before the board (a company setting): Share
Report with Board mails them a link of its own; the report goes to the board when
they agree or comment, or after the days set without an answer; the comment is
shown to the board beside the report, as theirs; the link then ends and leaves no
trace."""

import base64
import json
import logging
import re
from datetime import datetime, timedelta

from freezegun import freeze_time
from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from ..controllers.portal import SESSION_COOKIE
from ..controllers.report_read_first import READING_COOKIE
from .common import (
    ACCESS_LOGGERS,
    BOARD_REPORT,
    ExitInterviewCase,
    MockEmail,
    PortalCase,
    csrf_token,
)

# The reading link in its mail: the interview's id and the token.
READING_LINK = re.compile(r"/my/exit-interviews/(\d+)/report\?access_token=([\w-]+)")
SUMMARY = "The camps carried the team MKREPORT"
NOTE = "Interviewer's own note MKNOTE"
# A Friday: five days later is Wednesday 25 June 2031.
SHARED_ON = datetime(2031, 6, 20, 9, 0)


class ReadFirstCase(MockEmail, PortalCase):
    """A held interview with its short report, whose company has the employee read
    it first; its questions were mailed, so that a sending gives the address."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.exit_interview_report_read_first = True
        cls.company.exit_interview_report_read_first_days = 5
        cls.interview, cls.token = cls.create_invited_interview()
        cls.interview.line_ids[:1].sudo().interviewer_note = NOTE
        cls.question = cls.interview.line_ids[:1].question
        cls.interview.sudo().write(
            {
                "state": "held",
                "report_summary": SUMMARY,
                "strengths": "Warm colleagues",
                "confidentiality_explained": True,
            }
        )
        cls.interviewer.email = "interviewer@example.com"
        cls.board.email = "board@example.com"
        cls.board.notification_type = "email"

    def share(self, interview=None, user=None):
        """Share Report with Board through its wizard; the reading link mailed, if
        any (its token), the mails in self._mails."""
        interview = interview or self.interview
        wizard = (
            self.env["hr.exit.interview.share"]
            .with_user(user or self.interviewer)
            .create({"interview_id": interview.id})
        )
        with self.mock_mail_gateway(mail_unlink_sent=True):
            wizard.action_confirm()
        links = [m for m in self._mails if READING_LINK.search(m["body"])]
        return READING_LINK.search(links[0]["body"]).group(2) if links else None

    def send_queued(self):
        """The notices the portal queued, sent after its request commits."""
        self.env["mail.mail"].sudo().search([("state", "=", "outgoing")]).send()

    def mails_to(self, address):
        return [m for m in self._mails if any(address in to for to in m["email_to"])]

    def reading_url(self, token=None, interview=None):
        path = f"/my/exit-interviews/{(interview or self.interview).id}/report"
        return f"{path}?access_token={token}" if token else path

    def open_reading(self, token):
        """The reading link opened as a browser does: the exchange, then the page."""
        response = self.url_open(self.reading_url(token), allow_redirects=False)
        if response.status_code == 303:
            response = self.url_open(self.reading_url(), allow_redirects=False)
        return response

    def answer(self, action, comment="", page=None):
        page = page if page is not None else self.open_reading(None).text
        return self.url_open(
            f"{self.reading_url()}/answer",
            data={"csrf_token": csrf_token(page), "action": action, "comment": comment},
            allow_redirects=False,
        )


@tagged("post_install", "-at_install")
class TestReportReadFirst(ReadFirstCase):
    def test_off_by_default_with_five_days(self):
        company = self.env["res.company"].create({"name": "Another Organisation"})
        self.assertFalse(company.exit_interview_report_read_first)
        self.assertEqual(company.exit_interview_report_read_first_days, 5)
        with self.assertRaises(UserError):
            company.exit_interview_report_read_first_days = 0
        self.company.exit_interview_report_read_first = False
        self.assertIsNone(self.share())
        self.assertEqual(self.interview.state, "shared")
        self.assertFalse(self.interview.sudo().employee_report_outcome)

    def test_officers_set_it_in_their_settings(self):
        self.company.exit_interview_report_read_first = False
        settings = (
            self.env["hr.exit.interview.settings"].with_user(self.officer).create({})
        )
        settings.write(
            {
                "exit_interview_report_read_first": True,
                "exit_interview_report_read_first_days": 3,
            }
        )
        self.assertTrue(self.company.exit_interview_report_read_first)
        self.assertEqual(self.company.exit_interview_report_read_first_days, 3)

    @freeze_time(SHARED_ON)
    def test_sharing_mails_the_employee_and_waits(self):
        token = self.share()
        self.assertTrue(token)
        interview = self.interview.sudo()
        self.assertEqual(interview.state, "held")
        self.assertEqual(interview.report_reading_until, SHARED_ON + timedelta(days=5))
        # One mail, to the address of the latest sending, naming no one in its
        # subject; the board hears nothing yet.
        self.assertEqual(len(self._mails), 1)
        mail = self._mails[0]
        self.assertEqual(mail["email_to"], ["dirk@example.com"])
        self.assertNotIn("Dirk", mail["subject"])
        self.assertIn("Wednesday 25 June 2031", mail["body"])
        self.assertNotIn(SUMMARY, mail["body"])
        # The officers see that it waits; the report no longer changes.
        self.assertEqual(
            self.interview.with_user(self.officer).report_reading_until,
            SHARED_ON + timedelta(days=5),
        )
        with self.assertRaises(UserError):
            self.interview.with_user(self.interviewer).report_summary = "Changed"
        with self.assertRaises(UserError):
            self.share()
        # The board does not read it yet.
        with mute_logger(*ACCESS_LOGGERS), self.assertRaises(AccessError):
            self.interview.with_user(self.board).read(["report_summary"])
        # The chatter says where it went, masked, and never the link.
        bodies = " ".join(self.interview.sudo().message_ids.mapped("body"))
        self.assertIn("d...@example.com", bodies)
        self.assertNotIn("dirk@example.com", bodies)
        self.assertNotIn(token, bodies)

    def test_the_employee_agrees_through_the_link(self):
        token = self.share()
        response = self.url_open(self.reading_url(token), allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(self.reading_url()))
        cookie = response.headers["Set-Cookie"]
        self.assertIn(f"{READING_COOKIE}=", cookie)
        self.assertIn("HttpOnly", cookie)
        self.assertIn(f"Path={self.reading_url()}", cookie)
        self.assertNotIn(token, cookie)
        page = self.url_open(self.reading_url(), allow_redirects=False)
        self.assertEqual(page.status_code, 200)
        self.assertEqual(page.headers["Cache-Control"], "no-store")
        # The short report only: no note, no question, no checklist.
        self.assertIn(SUMMARY, page.text)
        self.assertIn("Warm colleagues", page.text)
        self.assertNotIn(NOTE, page.text)
        self.assertNotIn(self.question, page.text)
        self.assertNotIn("Confidentiality", page.text)
        self.assertIn(
            "Anything you want the board to know about this report?", page.text
        )
        with self.mock_mail_gateway(mail_unlink_sent=True):
            response = self.answer("agree", page=page.text)
            self.send_queued()
        self.assertEqual(response.status_code, 200)
        interview = self.interview.sudo()
        self.assertEqual(interview.state, "shared")
        self.assertEqual(interview.employee_report_outcome, "agreed")
        self.assertTrue(interview.employee_report_answered_on)
        self.assertFalse(interview.employee_report_comment)
        self.assertFalse(interview.report_reading_until)
        # The board is told once that a report waits.
        self.assertEqual(len(self.mails_to("board@example.com")), 1)
        self.assertFalse(self.mails_to("dirk@example.com"))
        # The link and the session have ended: their page says so, with nothing
        # of the report.
        for response in (
            self.url_open(self.reading_url(), allow_redirects=False),
            self.url_open(self.reading_url(token), allow_redirects=False),
        ):
            self.assertEqual(response.status_code, 404)
            self.assertIn("This link no longer opens the report", response.text)
            self.assertNotIn(SUMMARY, response.text)
        response = self.answer("comment", "Too late", page=page.text)
        self.assertEqual(response.status_code, 404)
        self.assertFalse(interview.employee_report_comment)

    def test_the_employee_comments_and_the_board_reads_it_as_theirs(self):
        token = self.share()
        page = self.open_reading(token).text
        # Comment without a comment: refused, nothing lost.
        response = self.answer("comment", "", page=page)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.interview.state, "held")
        comment = "<script>alert(1)</script>\r\nThe camps were too long"
        response = self.answer("comment", comment, page=page)
        self.assertEqual(response.status_code, 200)
        interview = self.interview.sudo()
        self.assertEqual(interview.state, "shared")
        self.assertEqual(interview.employee_report_outcome, "commented")
        self.assertEqual(
            interview.employee_report_comment,
            "<script>alert(1)</script>\nThe camps were too long",
        )
        # The board reads it, in the form and the report, as the employee's.
        as_board = self.interview.with_user(self.board)
        self.assertIn("The camps were too long", as_board.employee_report_comment)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.board)
            ._render_qweb_html(BOARD_REPORT, self.interview.ids)[0]
            .decode()
        )
        self.assertIn("o_exit_interview_employee_reading", html)
        self.assertIn("The camps were too long", html)
        self.assertIn("&lt;script&gt;", html)
        self.assertNotIn("<script>alert", html)
        # And the copy of the employee's data (art. 15) holds it, as theirs.
        self.env["hr.exit.interview.access"].with_user(self.officer).create(
            {"interview_id": self.interview.id, "delivery": "download"}
        ).action_confirm()
        copy = interview.request_ids.file_ids.filtered(
            lambda file: file.mimetype == "application/json"
        )
        reading = json.loads(base64.b64decode(copy.datas))["your_reading_of_the_report"]
        self.assertEqual(reading["answer"], "Commented")
        self.assertIn("The camps were too long", reading["comment"])

    def test_the_comment_is_for_the_board_and_officers_only(self):
        self.answer(
            "comment", "A word for the board", page=self.open_reading(self.share()).text
        )
        self.assertEqual(
            self.interview.with_user(self.officer).employee_report_comment,
            "A word for the board",
        )
        for user in (
            self.interviewer,
            self.other_interviewer,
            self.manager_user,
            self.users["hr_user"],
            self.users["internal"],
        ):
            with self.subTest(user=user.login), mute_logger(*ACCESS_LOGGERS):
                with self.assertRaises(AccessError):
                    self.interview.with_user(user).read(["employee_report_comment"])
        # No one writes it, or its outcome, by hand.
        for name, value in (
            ("employee_report_comment", "Forged"),
            ("employee_report_outcome", "agreed"),
            ("employee_report_answered_on", fields.Datetime.now()),
        ):
            with self.subTest(field=name), self.assertRaises(AccessError):
                self.interview.with_user(self.officer).write({name: value})

    def test_an_erased_interview_s_reading_link_opens_nothing(self):
        """Erase Now (art. 17) while the employee reads: the link opens no page."""
        token = self.share()
        self.env["hr.exit.interview.erase"].with_user(self.officer).create(
            {"interview_id": self.interview.id, "reason": "request"}
        ).action_confirm()
        self.assertTrue(self.interview.sudo().anonymised_on)
        response = self.open_reading(token)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(SUMMARY, response.text)

    def test_a_wrong_link_or_another_page_opens_nothing(self):
        token = self.share()
        other, other_token = self.create_invited_interview(
            employee_id=self.env["hr.employee"].create({"name": "Other Leaver"}).id
        )
        for url in (
            self.reading_url("wrong"),
            self.reading_url(),
            self.reading_url(token, interview=other),
            # The reading link is no link to the questions.
            self.portal_path(self.interview, token),
        ):
            with self.subTest(url=url):
                response = self.url_open(url, allow_redirects=False)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(SUMMARY, response.text)
        # Its session opens neither the questions nor another interview's report.
        self.open_reading(token)
        secret = self.opener.cookies.get(READING_COOKIE)
        self.assertTrue(secret)
        self.opener.cookies.set(
            SESSION_COOKIE, secret, path=f"/my/exit-interviews/{self.interview.id}"
        )
        self.opener.cookies.set(
            READING_COOKIE, secret, path=f"/my/exit-interviews/{other.id}/report"
        )
        self.assertEqual(self.page(token=None).status_code, 404)
        response = self.url_open(self.reading_url(interview=other))
        self.assertEqual(response.status_code, 404)
        # The link opened once opens nothing in another browser.
        self.opener.cookies.clear()
        response = self.url_open(self.reading_url(token), allow_redirects=False)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(SUMMARY, response.text)
        self.assertTrue(other_token)

    def test_no_trace_of_the_link(self):
        with self.assertLogs("werkzeug", logging.INFO) as logs:
            token = self.share()
            self.answer("agree", page=self.open_reading(token).text)
        self.assertTrue([line for line in logs.output if "/report" in line])
        self.assertFalse([line for line in logs.output if token in line])
        interview = self.interview.sudo()
        messages = (
            self.env["mail.message"]
            .sudo()
            .search([("model", "=", interview._name), ("res_id", "=", interview.id)])
        )
        self.assertTrue(messages)
        self.assertFalse([m for m in messages if token in (m.body or "")])
        tracked = messages.sudo().tracking_value_ids
        self.assertFalse(
            [
                value
                for value in tracked
                if token in str(value.old_value_char) + str(value.new_value_char)
            ]
        )
        self.assertFalse(
            self.env["mail.mail"].sudo().search([("body_html", "ilike", token)])
        )

    def test_the_job_shares_after_the_days_without_answer(self):
        with freeze_time(SHARED_ON):
            token = self.share()
        Interview = self.env["hr.exit.interview"]
        with freeze_time(SHARED_ON + timedelta(days=4, hours=23)):
            self.assertFalse(Interview._cron_share_unread_reports())
        self.assertEqual(self.interview.state, "held")
        with freeze_time(SHARED_ON + timedelta(days=5, minutes=1)):
            with self.mock_mail_gateway(mail_unlink_sent=True):
                self.assertEqual(Interview._cron_share_unread_reports(), self.interview)
            # Run again, or by a second server: nothing more.
            self.assertFalse(Interview._cron_share_unread_reports())
        interview = self.interview.sudo()
        self.assertEqual(interview.state, "shared")
        self.assertEqual(interview.employee_report_outcome, "no_answer")
        self.assertFalse(interview.employee_report_comment)
        self.assertEqual(len(self.mails_to("board@example.com")), 1)
        self.assertFalse(self.mails_to("dirk@example.com"))
        response = self.url_open(self.reading_url(token), allow_redirects=False)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(SUMMARY, response.text)

    @freeze_time(SHARED_ON)
    def test_the_mail_is_in_the_employee_language(self):
        days = {
            "en_US": "Wednesday 25 June 2031",
            "nl_NL": "woensdag 25 juni 2031",
            "fr_FR": "mercredi 25 juin 2031",
        }
        template = self.env.ref(
            "hr_exit_interview.mail_template_exit_interview_report_reading"
        )
        for lang, day in days.items():
            with self.subTest(lang=lang):
                self.env["res.lang"]._activate_lang(lang)
                employee = self.env["hr.employee"].create(
                    {
                        "name": f"Leaver {lang}",
                        "private_email": f"leaver.{lang[:2]}@example.com",
                    }
                )
                employee.lang = lang
                interview, _token = self.create_invited_interview(
                    employee_id=employee.id
                )
                interview.sudo().write({"state": "held", "report_summary": "Fine"})
                rendered = template._render_lang(interview.ids)
                self.assertEqual(rendered[interview.id], lang)
                self.share(interview)
                to_employee = self.mails_to(f"leaver.{lang[:2]}@example.com")
                self.assertEqual(len(self._mails), 1)
                self.assertEqual(len(to_employee), 1)
                self.assertIn(day, to_employee[0]["body"])


@tagged("post_install", "-at_install")
class TestReportReadFirstOnAPhone(ReadFirstCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_tour_reading_and_commenting_on_a_phone(self):
        token = self.share()
        self.start_tour(
            self.reading_url(token), "hr_exit_interview_report_read_first_phone"
        )
        interview = self.interview.sudo()
        self.assertEqual(interview.state, "shared")
        self.assertEqual(interview.employee_report_outcome, "commented")
        self.assertEqual(interview.employee_report_comment, "Please read it twice")


@tagged("post_install", "-at_install")
class TestReportReadFirstDemo(ReadFirstCase):
    def test_the_demo_shows_a_report_read_first_with_a_comment(self):
        demo = self.env.ref(
            "hr_exit_interview.demo_interview_read_first", raise_if_not_found=False
        )
        if not demo:
            self.skipTest("the demo data is not loaded")
        as_board = demo.with_user(self.env.ref("base.user_admin"))
        self.assertEqual(as_board.state, "shared")
        self.assertEqual(as_board.employee_report_outcome, "commented")
        self.assertTrue(as_board.employee_report_comment)


@tagged("post_install", "-at_install")
class TestReportReadFirstForm(ExitInterviewCase):
    def test_the_share_button_hides_while_the_employee_reads(self):
        views = (
            self.env["hr.exit.interview"]
            .with_user(self.interviewer)
            .get_views([(False, "form")])
        )
        arch = etree.fromstring(views["views"]["form"]["arch"])
        button = arch.xpath("//header/button[@name='action_share_with_board']")[0]
        for waiting in (False, True):
            with self.subTest(waiting=waiting):
                hidden = safe_eval(
                    button.get("invisible"),
                    {"state": "held", "report_reading_waiting": waiting},
                )
                self.assertEqual(hidden, waiting)
        notice = arch.xpath("//div[hasclass('o_exit_interview_report_reading')]")
        self.assertIn("Waiting for the employee's reading until", notice[0].text)
