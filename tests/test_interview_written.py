"""Taking part in writing only (issue 26, part 1): the employee chooses it on the
portal, or an officer offers it when planning; the meeting and the employee's
invitation are cancelled with a neutral mail, no checklist is asked for, the report
is written from the answers and shared, the board report says it in one line, and
the board summary counts it apart, under its disclosure control."""

import re
from collections import Counter
from datetime import date, datetime

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from ..models.hr_exit_interview_written import WRITTEN_FIELDS
from .common import (
    ACCESS_LOGGERS,
    BOARD_REPORT,
    LINK,
    SUMMARY_REPORT,
    ExitInterviewCase,
    MockEmail,
    PortalCase,
    pdf_text,
)

WRITTEN_LINE = "The interview took place in writing, without a meeting."
SUMMARY = "report.hr_exit_interview.report_exit_interview_summary"
WRITTEN_ACTION = "hr_exit_interview.hr_exit_interview_action_written"


def text_of(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


class WrittenMailCase(MockEmail, PortalCase):
    """The mails counted per person, as tests/test_interview_mails.py counts them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The loop as users walk it: the chatter tracks what they change.
        cls.env = cls.env(
            context={
                key: value
                for key, value in cls.env.context.items()
                if key != "tracking_disable"
            }
        )
        for user in (cls.officer, cls.interviewer, cls.board):
            user.email = f"{user.login}@example.com"
            user.notification_type = "email"
        cls.employee.work_email = "dirk.work@example.com"
        cls.people = {
            "employee": {cls.employee.private_email, cls.employee.work_email},
            "interviewer": {cls.interviewer.email},
            "officer": {cls.officer.email},
            "board": {cls.board.email},
        }

    def setUp(self):
        super().setUp()
        self.queued_before = self.env["mail.mail"].sudo().search([])

    @staticmethod
    def normalize(address):
        return address.rpartition("<")[2].rstrip(">").strip().lower()

    def mails_to(self, role):
        return [
            mail
            for mail in self._mails
            if self.people[role] & set(map(self.normalize, mail["email_to"]))
        ]

    def assert_mails(self, expected):
        """The mails to the people of the test since the last step, per person;
        those queued (the portal's, sent after its request commits) sent first."""
        self.env["mail.mail"].sudo().search(
            [("state", "=", "outgoing"), ("id", "not in", self.queued_before.ids)]
        ).send()
        roles = {
            email: role for role, emails in self.people.items() for email in emails
        }
        counts = Counter(
            roles[self.normalize(address)]
            for mail in self._mails
            for address in mail["email_to"]
            if self.normalize(address) in roles
        )
        sent = [(mail["email_to"], mail["subject"]) for mail in self._mails]
        self.assertEqual(dict(counts), expected, sent)
        self._mails.clear()

    def plan(self):
        return (
            self.env["hr.exit.interview"]
            .with_user(self.officer)
            .create(
                {
                    "employee_id": self.employee.id,
                    "interviewer_id": self.interviewer.id,
                    "template_id": self.create_template(
                        ("What did you enjoy?", "text")
                    ).id,
                    "departure_reason_id": self.resigned.id,
                    "last_working_day": date(2031, 6, 30),
                }
            )
        )

    def send_questions(self, interview):
        wizard = (
            self.env["hr.exit.interview.send"]
            .with_user(self.officer)
            .create({"interview_id": interview.id})
        )
        wizard.action_send()
        mail = self.mails_to("employee")[-1]
        self.token = LINK.search(mail["body"]).group(2)
        return mail


@tagged("post_install", "-at_install")
class TestWrittenOnThePortal(WrittenMailCase):
    """The employee's choice, through the page as the browser posts it."""

    @freeze_time("2031-06-01 09:00:00")
    def test_employee_answers_in_writing_and_the_report_goes_without_a_talk(self):
        with self.mock_mail_gateway(mail_unlink_sent=True):
            self.interview = interview = self.plan()
            self.send_questions(interview)
            event = interview.sudo().calendar_event_id
            self.assertTrue(event.active)
            # A meeting booked from the chatter, to be dropped with the meeting.
            interview.with_user(self.interviewer).activity_schedule(
                "mail.mail_activity_data_meeting", user_id=self.interviewer.id
            )
            self._mails.clear()
            page = self.page().text
            self.assertIn("I answer in writing, without a meeting", page)

            response = self.post({"action": "written"})
            self.assertEqual(response.status_code, 200)
            self.assertIn("There will be no meeting", response.text)
            self.assertIn("takes place in writing", response.text)
            self.assertNotIn("o_exit_interview_meeting", response.text)
            interview.invalidate_recordset()
            self.assertTrue(interview.written_only)
            self.assertEqual(interview.sudo().written_chosen_by, "employee")
            self.assertEqual(
                interview.sudo().written_chosen_on, datetime(2031, 6, 1, 9, 0)
            )
            self.assertFalse(interview.sudo().written_chosen_by_id)
            self.assertFalse(interview.planned_start)
            self.assertFalse(event.active, "the meeting is cancelled")
            self.assertFalse(interview.sudo().calendar_event_id)
            self.assertFalse(interview._meeting_activities(), "no meeting activity")
            self.assertEqual(interview.state, "invited", "the questions stay open")
            # The employee: one neutral mail, no invitation attached; the officer
            # and the interviewer are told in the chatter, as for a decline.
            cancelled = self.mails_to("employee")
            self.assert_mails({"employee": 1, "officer": 1, "interviewer": 1})
            self.assertFalse(cancelled[0]["attachments"])
            body = cancelled[0]["body"]
            self.assertIn("will take place in writing, without a meeting", body)
            self.assertIn("is cancelled", body)
            self.assertFalse(LINK.search(body), "no link in the cancellation")
            self.assertNotIn("prefer", body)
            # Chosen once: the page no longer offers it, a second post changes
            # nothing and mails no one.
            self.assertNotIn("o_exit_interview_written_confirm", self.page().text)
            self.assertEqual(self.post({"action": "written"}).status_code, 200)
            self.assert_mails({})

            # The answers, as usual; then the report from them, no talk held.
            self.save({interview.line_ids: "The team, from abroad"})
            self.post({"action": "submit"})
            self.assertEqual(interview.state, "prepared")
            self.env["hr.exit.interview"]._cron_mail_answers_copies()
            self.assert_mails({"employee": 1, "interviewer": 1})
            as_interviewer = interview.with_user(self.interviewer)
            as_interviewer.report_summary = "Written answers, read closely."
            self.assertFalse(interview.confidentiality_explained)
            # The form's button shows what is missing: no checklist of a talk.
            wizard_action = as_interviewer.with_context(
                exit_interview_share_check=True
            ).action_share_with_board()
            wizard = (
                self.env[wizard_action["res_model"]]
                .with_user(self.interviewer)
                .with_context(**wizard_action["context"])
                .create({})
            )
            self.assertNotIn("Confidentiality", wizard.missing)
            self.assertNotIn("Appreciation", wizard.missing)
            wizard.action_confirm()
            self.assertEqual(interview.state, "shared")
            # The board is told, as for any report.
            self.assert_mails({"board": 1})
        for message in interview.sudo().message_ids:
            self.assertNotIn(self.employee.name, message.subject or "")

    @mute_logger("odoo.http")
    def test_no_choice_without_the_link_or_once_submitted(self):
        self.interview, self.token = self.create_invited_interview(
            planned_start=datetime(2031, 6, 20, 8, 0)
        )
        other = self.env["hr.employee"].create({"name": "Other Leaver"})
        other_interview, _other_token = self.create_invited_interview(
            employee_id=other.id
        )
        # Another interview's link, no link, an expired page: nothing changes.
        self.assertEqual(self.post({"action": "written"}, token=None).status_code, 404)
        page = self.page().text
        response = self.post(
            {"action": "written"},
            page,
            interview=other_interview,
            token=self.token,
        )
        self.assertEqual(response.status_code, 404)
        response = self.post({"action": "written", "csrf_token": "expired"}, page)
        self.assertEqual(response.status_code, 400)
        self.assertIn("This page has expired", response.text)
        self.assertFalse(any((self.interview | other_interview).mapped("written_only")))
        self.assertTrue(self.interview.planned_start)
        # Submitted: the session ended, and there is nothing left to choose.
        self.post({"action": "submit"}, page)
        self.assertEqual(self.interview.state, "prepared")
        self.assertEqual(self.post({"action": "written"}, page).status_code, 404)
        interview = self.interview.sudo()
        with self.assertRaisesRegex(UserError, "no meeting to cancel"):
            interview._portal_answer_in_writing()
        self.assertFalse(interview.written_only)

    def test_without_a_planned_meeting_none_is_said_cancelled(self):
        self.interview, self.token = self.create_invited_interview(planned_start=False)
        page = self.page().text
        self.assertIn("I answer in writing, without a meeting", page)
        self.assertNotIn("The meeting is cancelled", page)
        self.assertEqual(self.post({"action": "written"}, page).status_code, 200)
        self.assertTrue(self.interview.written_only)

    def test_tour_the_employee_answers_in_writing(self):
        self.interview, self.token = self.create_invited_interview(
            planned_start=datetime(2031, 6, 20, 8, 0)
        )
        self.start_tour(self.portal_url(), "hr_exit_interview_portal_written")
        self.assertTrue(self.interview.written_only)
        self.assertFalse(self.interview.planned_start)
        self.assertEqual(self.interview.state, "prepared")
        self.assertIn(
            "Written from abroad", self.interview.line_ids.mapped("answer_text")
        )


@tagged("post_install", "-at_install")
class TestWrittenOfferedByTheOfficer(MockEmail, ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee.work_email = "dirk.work@example.com"

    def mails_to(self, address):
        return [mail for mail in self._mails if address in str(mail["email_to"])]

    @freeze_time("2031-06-01 09:00:00")
    def test_an_officer_plans_in_writing_for_an_employee_already_gone(self):
        self.employee.departure_date = date(2031, 5, 15)
        interview = self.create_interview(last_working_day=date(2031, 5, 15))
        event = interview.sudo().calendar_event_id
        self.assertTrue(event and interview.planned_start)
        with self.mock_mail_gateway(mail_unlink_sent=True):
            # From the form's Actions menu, as the officer finds it.
            self.env.ref(WRITTEN_ACTION).with_user(self.officer).with_context(
                active_model="hr.exit.interview",
                active_id=interview.id,
                active_ids=interview.ids,
            ).run()
            # Nothing sent yet: nobody to tell.
            self.assertFalse(self.mails_to("dirk"))
        self.assertTrue(interview.written_only)
        self.assertEqual(interview.sudo().written_chosen_by, "officer")
        self.assertEqual(interview.sudo().written_chosen_by_id, self.officer)
        self.assertFalse(interview.planned_start)
        self.assertFalse(event.active)
        self.assertIn(
            "take place in writing",
            interview.message_ids[0].body,
        )
        # A later date plans no meeting again.
        interview.with_user(self.officer).last_working_day = date(2031, 7, 15)
        self.assertFalse(interview.planned_start)
        self.assertFalse(interview.sudo().calendar_event_id)
        # The questions then carry no meeting and no invitation file.
        with self.mock_mail_gateway(mail_unlink_sent=True):
            wizard = (
                self.env["hr.exit.interview.send"]
                .with_user(self.officer)
                .create({"interview_id": interview.id})
            )
            wizard.action_send()
            (letter,) = self.mails_to("dirk@example.com")
        self.assertNotIn("We would like to meet", letter["body"])
        self.assertFalse(letter["attachments"])
        self.assertFalse(interview._planning_warning())
        # Shared before the answers: the error says what a written interview waits for.
        with self.assertRaisesRegex(UserError, "once the employee submitted"):
            interview.with_user(self.officer).action_share_with_board()
        # Reset after a cancel restores no meeting.
        interview.with_user(self.officer).action_cancel()
        interview.with_user(self.officer).action_reset_draft()
        self.assertFalse(event.active)
        self.assertTrue(interview.written_only)
        # Anonymised: who offered it and when go, the path stays for the figures.
        interview._anonymise()
        self.assertTrue(interview.written_only)
        self.assertFalse(interview.sudo().written_chosen_by_id)
        self.assertFalse(interview.sudo().written_chosen_on)

    @freeze_time("2031-06-01 09:00:00")
    def test_the_invited_employee_is_told_once_in_their_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.employee.lang = "fr_FR"
        interview, _token = self.create_invited_interview()
        with self.mock_mail_gateway(mail_unlink_sent=True):
            interview.with_user(self.officer).action_answer_in_writing()
            mails = self.mails_to("dirk@example.com")
        self.assertEqual(len(mails), 1)
        self.assertFalse(mails[0]["attachments"])
        self.assertFalse(self.mails_to("dirk.work@example.com"))
        # The meeting's day as French writes it.
        self.assertIn("juin 2031", mails[0]["body"])
        self.assertNotIn(self.employee.name, mails[0]["subject"])

    @mute_logger(*ACCESS_LOGGERS)
    def test_only_officers_offer_it_and_only_before_the_talk(self):
        interview = self.create_interview()
        for user in (self.interviewer, self.board, self.users["hr_user"]):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                interview.with_user(user).action_answer_in_writing()
        self.assertFalse(interview.written_only)
        held = self.create_interview(state="held")
        with self.assertRaisesRegex(UserError, "past its meeting"):
            held.with_user(self.officer).action_answer_in_writing()
        interview.with_user(self.officer).action_answer_in_writing()
        with self.assertRaisesRegex(UserError, "already takes place in writing"):
            interview.with_user(self.officer).action_answer_in_writing()

    @mute_logger(*ACCESS_LOGGERS, "odoo.models")
    def test_nobody_writes_the_choice_by_hand(self):
        """The forge test tries every way in for every declared field; here the
        declaration itself, and the form's own way (write) for the officer."""
        interview = self.create_interview()
        self.assertLessEqual(
            WRITTEN_FIELDS, self.env["hr.exit.interview"]._odoo_only_fields()
        )
        for user in (self.officer, self.interviewer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                interview.with_user(user).write({"written_only": True})
        defaults = (
            self.env["hr.exit.interview"]
            .with_user(self.officer)
            .with_context(default_written_only=True)
            .default_get(["written_only"])
        )
        self.assertFalse(defaults.get("written_only"))

    def test_the_form_offers_it_to_officers_and_shares_once_answered(self):
        def menu(user):
            bindings = (
                self.env["ir.actions.actions"]
                .with_user(user)
                .get_bindings("hr.exit.interview")
            )
            return {action["id"] for action in bindings.get("action", [])}

        action = self.env.ref(WRITTEN_ACTION)
        self.assertIn(action.id, menu(self.officer))
        for user in (self.interviewer, self.board):
            self.assertNotIn(action.id, menu(user))
        arch = etree.fromstring(
            self.env["hr.exit.interview"]
            .with_user(self.interviewer)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )

        def header(state, written_only):
            values = {
                "state": state,
                "written_only": written_only,
                "successor_advice_consent": False,
                "successor_advice_id": False,
                "report_reading_waiting": False,
                "can_tell_what_was_done": False,
            }
            return [
                button.get("string")
                for button in arch.xpath("//header/button")
                if not safe_eval(button.get("invisible") or "False", values)
            ]

        self.assertEqual(header("prepared", True), ["Share Report with Board"])
        self.assertEqual(header("prepared", False), ["Mark as Held"])
        self.assertEqual(header("invited", True), ["Type In Paper Answers"])

    def test_a_talk_interview_still_needs_its_talk(self):
        interview = self.create_interview(state="prepared")
        interview.report_summary = "Some words"
        with self.assertRaisesRegex(UserError, "mark it as held first"):
            interview.with_user(self.interviewer).action_share_with_board()
        self.assertIn(
            "Confidentiality and Board Report Explained", interview._report_missing()
        )


@tagged("post_install", "-at_install")
class TestWrittenForTheBoard(HttpCase, ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.written = cls.create_interview(
            state="prepared", written_only=True, report_summary="From the answers"
        )
        cls.written.with_user(cls.interviewer).action_share_with_board()
        other = cls.env["hr.employee"].create({"name": "Talking Leaver"})
        cls.talk = cls.create_interview(
            employee_id=other.id, state="held", report_summary="From the talk"
        )
        cls.talk.action_share_with_board()

    def board_html(self, interview):
        reports = self.env["ir.actions.report"].with_user(self.board)
        return text_of(
            reports._render_qweb_html(BOARD_REPORT, interview.ids)[0].decode()
        )

    def test_the_board_report_says_it_in_one_neutral_line(self):
        html = self.board_html(self.written)
        self.assertEqual(html.count(WRITTEN_LINE), 1)
        self.assertIn("From the answers", html)
        self.assertNotIn("Appreciation Given", html)
        talk = self.board_html(self.talk)
        self.assertNotIn(WRITTEN_LINE, talk)
        self.assertIn("Appreciation Given", talk)
        # The board's form says it too.
        self.assertTrue(self.written.with_user(self.board).written_only)

    # Debian's wkhtmltopdf is built on an unpatched Qt and says so on every render.
    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_the_board_pdf_says_it(self):
        reports = self.env["ir.actions.report"].with_user(self.board)
        pdf, _kind = reports.with_context(force_report_rendering=True)._render_qweb_pdf(
            BOARD_REPORT, self.written.ids
        )
        self.assertIn(WRITTEN_LINE, " ".join(pdf_text(pdf).split()))


@tagged("post_install", "-at_install")
class TestWrittenInTheSummary(HttpCase, ExitInterviewCase):
    """Participation counted apart: in a talk, in writing, declined, no answer,
    each cell under the minimum group hidden."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cases = [
            *[("shared", True)] * 3,
            ("prepared", True),
            *[("evaluated", False)] * 3,
            ("held", False),
            ("declined", False),
            ("invited", False),
            ("invited", True),
            ("cancelled", True),
        ]
        for index, (state, written) in enumerate(cases):
            employee = cls.env["hr.employee"].create({"name": f"Leaver {index}"})
            cls.create_interview(
                employee_id=employee.id,
                last_working_day=date(2031, 3, 1 + index),
                state=state,
                written_only=written,
            )

    def summary(self):
        report = self.env[SUMMARY].with_user(self.board)
        with freeze_time("2032-02-01"):
            return report._get_report_values([], {"year": 2031})

    def test_participation_is_counted_apart_with_small_cells_hidden(self):
        values = self.summary()
        # 11 interviews (the cancelled one left out), shown as 9.
        self.assertEqual(values["interview_count"], 9)
        self.assertEqual(values["written_count"], 3)  # 4
        self.assertEqual(values["held_count"], 3)  # 4
        self.assertIsNone(values["declined_count"])  # 1
        self.assertIsNone(values["no_answer_count"])  # 2
        with freeze_time("2032-02-01"):
            html = text_of(
                self.env["ir.actions.report"]
                .with_user(self.board)
                ._render_qweb_html(SUMMARY_REPORT, [], data={"year": 2031})[0]
                .decode()
            )
        self.assertIn("In writing 3", html)
        self.assertIn("No answer fewer than 3", html)

    def test_a_year_fixed_before_says_it_did_not_count_writing(self):
        # The figures of 2030, fixed before participation was counted.
        self.env["hr.exit.interview.summary.figures"].create(
            {
                "company_id": self.company.id,
                "year": 2030,
                "minimum": 3,
                "figures": {
                    "departure_count": None,
                    "interview_count": 3,
                    "held_count": 3,
                    "declined_count": None,
                    "by_reason": [],
                    "by_department": [],
                    "by_seniority": [],
                },
            }
        )
        with freeze_time("2032-02-01"):
            html = text_of(
                self.env["ir.actions.report"]
                .with_user(self.board)
                ._render_qweb_html(SUMMARY_REPORT, [], data={"year": 2031})[0]
                .decode()
            )
        self.assertIn("In writing 3 –", html)
