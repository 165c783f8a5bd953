"""Hearing what was done ("you said, we did"): the employee's wish ticked on the
portal's submit, withdrawable from every mail that follows; the officer tells, in
one mail, the measures the board lets leavers hear of; the anonymisation wins."""

import base64
import json
import re
from datetime import date

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.hr_exit_interview_told import TOLD_REMINDER
from .common import ACCESS_LOGGERS, MockEmail, PortalCase, csrf_token

WITHDRAW_LINK = re.compile(
    r"/my/exit-interviews/(\d+)/told-withdraw\?access_token=([A-Za-z0-9_-]+)"
)
WISH = "Let me know later what the organisation does with my feedback."


@tagged("post_install", "-at_install")
class TestToldWhatWasDone(MockEmail, PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The questions of the portal's tour.
        template = cls.create_template(
            ("What did you enjoy?", "text"),
            ("How do you rate us?", "rating"),
            ("Would you come back?", "yes_no"),
        )
        template.letter = "<p>Dear [employee name], thank you from [organisation].</p>"
        # Planned by the officer, who is reminded to tell.
        cls.interview = (
            cls.env["hr.exit.interview"]
            .with_user(cls.officer)
            .create(
                {
                    "employee_id": cls.employee.id,
                    "interviewer_id": cls.interviewer.id,
                    "template_id": template.id,
                    "last_working_day": date(2031, 6, 30),
                }
            )
            .sudo()
        )
        cls.interview.with_user(cls.officer)._send_employee_link(
            "dirk@example.com", cls.env["res.users"]
        )
        cls.token = cls.interview._portal_new_token()
        cls.as_officer = cls.interview.with_user(cls.officer)

    def told_reminders(self, interview=None):
        return (
            (interview or self.interview)
            .sudo()
            .activity_ids.filtered(
                lambda a: a.activity_type_id == self.env.ref(TOLD_REMINDER)
            )
        )

    def evaluate(self, interview=None, measures=None):
        """The interview held, its report shared, the board's measures written and
        its evaluation done."""
        interview = interview or self.interview
        interview.sudo()._write_state("held")
        interview.sudo().report_summary = "Dirk found the onboarding chaotic"
        interview.sudo().action_share_with_board()
        as_board = interview.with_user(self.board)
        as_board.write(
            {
                "measure_ids": [
                    Command.create(values)
                    for values in measures
                    or [
                        {
                            "name": "Internal: Mia's onboarding of Dirk failed",
                            "leaver_shareable": True,
                            "leaver_text": "A buddy for every newcomer",
                        },
                        {
                            "name": "Internal: talk to the coordinator",
                            "leaver_text": "Not to be told",
                        },
                        {
                            "name": "Internal: a dropped idea",
                            "leaver_shareable": True,
                            "leaver_text": "A dropped measure",
                        },
                    ]
                ]
            }
        )
        interview.sudo().measure_ids.filtered(
            lambda m: m.leaver_text == "A dropped measure"
        ).action_drop()
        as_board.action_evaluate()
        return interview

    def tell(self):
        with self.mock_mail_gateway(mail_unlink_sent=True):
            self.as_officer.action_tell_what_was_done()
        self.assertEqual(len(self._mails), 1)
        return self._mails[0]

    def test_the_employee_ticks_the_wish_when_submitting(self):
        page = self.page().text
        self.assertIn(WISH, page)
        self.assertNotIn('name="told_consent" value="1" checked', page)
        before = fields.Datetime.now()
        response = self.post({"action": "submit", "told_consent": "1"}, page)
        interview = self.interview.sudo()
        self.assertEqual(interview.state, "prepared")
        self.assertTrue(interview.told_consent)
        self.assertGreaterEqual(interview.told_consent_on, before)
        self.assertEqual(interview.told_consent_lang, "en_US")
        self.assertEqual(interview.told_consent_text, WISH)
        self.assertIn(
            "You asked to hear later what the organisation does", response.text
        )

    def test_the_wish_is_off_by_default_and_changes_until_submitted(self):
        self.post({"action": "submit"})
        self.assertEqual(self.interview.state, "prepared")
        self.assertFalse(self.interview.sudo().told_consent)

    def test_a_saved_wish_stays_ticked_and_may_be_unticked(self):
        response = self.post({"action": "save", "told_consent": "1"})
        self.assertTrue(self.interview.sudo().told_consent)
        self.assertIn('name="told_consent" value="1" checked', response.text)
        status, _answer = self.autosave({})
        self.assertEqual(status, 200)
        self.assertFalse(self.interview.sudo().told_consent, "unticked")
        self.post({"action": "submit", "told_consent": "1"})
        self.assertTrue(self.interview.sudo().told_consent)

    def test_tour_the_employee_ticks_the_wish_on_submit(self):
        self.start_tour(self.portal_url(), "hr_exit_interview_portal")
        self.assertEqual(self.interview.state, "prepared")
        self.assertTrue(self.interview.sudo().told_consent)

    @freeze_time("2031-07-01 09:00:00")
    def test_the_officer_tells_the_shareable_measures_only(self):
        self.interview._told_record_consent(True)
        self.evaluate()
        self.assertTrue(self.as_officer.can_tell_what_was_done)
        mail = self.tell()
        self.assertEqual(mail["email_to"], ["dirk@example.com"])
        body, subject = mail["body"], mail["subject"]
        self.assertIn("A buddy for every newcomer", body)
        self.assertIn("Planned", body)
        for hidden in (
            "Not to be told",
            "A dropped measure",
            "Internal",
            "onboarding chaotic",
            self.employee.name,
            "Dirk",
            self.interviewer.name,
            self.officer.name,
            self.board.name,
            "Mia",
        ):
            self.assertNotIn(hidden, body)
            self.assertNotIn(hidden, subject)
        self.assertNotIn("exit interview", subject.lower())
        self.assertRegex(body, WITHDRAW_LINK)
        note = self.interview.message_ids[0]
        self.assertIn("d...@example.com", note.body)
        self.assertNotIn("dirk@example.com", note.body)
        shared = self.interview.sudo().measure_ids.filtered("leaver_shareable")
        told = shared.filtered(lambda m: m.state == "open")
        self.assertEqual(self.interview.sudo().told_measure_ids, told)
        self.assertEqual(told.with_user(self.board).told_interview_ids, self.interview)
        self.assertFalse((shared - told).told_interview_ids)
        self.assertFalse(self.told_reminders(), "the reminder is done")
        # Done since: the next mail says so.
        told.action_done()
        self.assertIn("Done", self.tell()["body"])

    def test_the_copy_of_the_employee_s_data_holds_what_they_were_told(self):
        """Art. 15: the measures as the employee was told them (the text for
        leavers, never the internal one) and the wish with its text."""
        self.interview._told_record_consent(True)
        self.evaluate()
        self.tell()
        wizard = (
            self.env["hr.exit.interview.access"]
            .with_user(self.officer)
            .create({"interview_id": self.interview.id, "delivery": "download"})
        )
        wizard.action_confirm()
        files = self.interview.sudo().request_ids.with_user(self.officer).file_ids
        data = json.loads(
            base64.b64decode(
                files.filtered(lambda f: f.mimetype == "application/json").datas
            )
        )
        self.assertEqual(
            data["measures_told"],
            [{"measure": "A buddy for every newcomer", "state": "Planned"}],
        )
        self.assertTrue(data["told_on"])
        self.assertTrue(data["consents"]["hear_what_was_done"])
        self.assertEqual(data["consents"]["hear_what_was_done_text"], WISH)
        self.assertNotIn("Internal", json.dumps(data))

    def test_the_mail_follows_the_employee_s_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.employee.lang = "fr_FR"
        self.officer.lang = "en_US"
        self.interview._told_record_consent(True)
        self.assertEqual(self.interview.sudo().told_consent_lang, "fr_FR")
        self.evaluate()
        template = self.env.ref("hr_exit_interview.mail_template_exit_interview_told")
        template.with_context(lang="fr_FR").subject = "Ce que nous faisons"
        self.assertIn("Ce que", self.tell()["subject"])

    def test_no_tell_before_the_evaluation(self):
        self.interview._told_record_consent(True)
        self.interview.sudo()._write_state("held")
        self.interview.sudo().report_summary = "A report"
        self.interview.sudo().action_share_with_board()
        self.interview.with_user(self.board).write(
            {
                "measure_ids": [
                    Command.create(
                        {
                            "name": "Internal",
                            "leaver_shareable": True,
                            "leaver_text": "A buddy",
                        }
                    )
                ]
            }
        )
        self.assertFalse(self.as_officer.can_tell_what_was_done)
        with self.assertRaisesRegex(UserError, "evaluation"):
            self.as_officer.action_tell_what_was_done()

    def test_no_tell_without_the_wish_or_a_shareable_measure(self):
        self.evaluate(measures=[{"name": "Internal only"}])
        self.assertFalse(self.as_officer.can_tell_what_was_done)
        with self.assertRaisesRegex(UserError, "did not ask"):
            self.as_officer.action_tell_what_was_done()
        self.interview._told_record_consent(True)
        with self.assertRaisesRegex(UserError, "No measure"):
            self.as_officer.action_tell_what_was_done()

    @mute_logger(*ACCESS_LOGGERS)
    def test_only_officers_tell(self):
        self.interview._told_record_consent(True)
        self.evaluate()
        for user in (self.interviewer, self.board):
            with self.assertRaises(AccessError):
                self.interview.with_user(user).action_tell_what_was_done()

    def test_a_shareable_measure_needs_its_text_for_leavers(self):
        self.evaluate()
        measure = self.interview.sudo().measure_ids[:1].with_user(self.board)
        with self.assertRaisesRegex(ValidationError, "text for leavers"):
            measure.write({"leaver_text": " "})

    def test_the_withdrawal_link_of_a_mail(self):
        self.interview._told_record_consent(True)
        self.evaluate()
        mail = self.tell()
        interview_id, token = WITHDRAW_LINK.search(mail["body"]).groups()
        self.assertEqual(int(interview_id), self.interview.id)
        path = f"/my/exit-interviews/{interview_id}/told-withdraw"
        self.assertEqual(self.url_open(f"{path}?access_token=forged").status_code, 404)
        self.opener.cookies.clear()
        response = self.url_open(f"{path}?access_token={token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_exit_interview_told_withdraw_confirm", response.text)
        self.assertNotIn(self.employee.name, response.text)
        # The click shows the question only; the button withdraws.
        self.assertFalse(self.interview.sudo().told_withdrawn_on)
        response = self.url_open(
            path,
            data={"access_token": token, "csrf_token": csrf_token(response.text)},
        )
        self.assertIn("o_exit_interview_told_withdrawn", response.text)
        self.assertTrue(self.interview.sudo().told_withdrawn_on)
        self.assertFalse(self.told_reminders())
        self.assertFalse(self.as_officer.can_tell_what_was_done)
        with self.assertRaisesRegex(UserError, "withdrew"):
            self.as_officer.action_tell_what_was_done()
        self.assertEqual(self.url_open(f"{path}?access_token={token}").status_code, 404)

    def test_a_withdrawal_without_csrf_withdraws_nothing(self):
        self.interview._told_record_consent(True)
        self.evaluate()
        token = WITHDRAW_LINK.search(self.tell()["body"]).group(2)
        path = f"/my/exit-interviews/{self.interview.id}/told-withdraw"
        response = self.url_open(
            path, data={"access_token": token, "csrf_token": "stale"}
        )
        self.assertIn("o_exit_interview_told_withdraw_confirm", response.text)
        self.assertFalse(self.interview.sudo().told_withdrawn_on)

    def test_every_mail_after_the_wish_can_withdraw_it(self):
        self.post({"action": "submit", "told_consent": "1"})
        with self.mock_mail_gateway(mail_unlink_sent=True):
            self.env["hr.exit.interview"]._cron_mail_answers_copies()
        (copy,) = self._mails
        self.assertRegex(copy["body"], WITHDRAW_LINK)

    def test_the_reminder_comes_after_the_company_s_months(self):
        self.company.exit_interview_told_months = 3
        self.interview._told_record_consent(True)
        with freeze_time("2031-07-01 09:00:00"):
            self.evaluate()
        reminder = self.told_reminders()
        self.assertEqual(reminder.user_id, self.officer)
        self.assertEqual(reminder.date_deadline, date(2031, 10, 1))
        self.assertEqual(self.as_officer.told_reminder_date, date(2031, 10, 1))
        # The day the governance tab gives, the first the job finds it expired.
        self.assertEqual(self.as_officer.anonymisation_date, date(2033, 7, 1))
        self.assertEqual(
            self.as_officer.anonymisation_date, self.as_officer.anonymise_on
        )
        with self.assertRaises(ValidationError):
            self.company.exit_interview_told_months = 0

    def test_no_reminder_without_the_wish(self):
        self.evaluate()
        self.assertFalse(self.told_reminders())

    def test_the_anonymisation_wins(self):
        self.interview._told_record_consent(True)
        self.evaluate()
        self.assertTrue(self.told_reminders())
        self.interview._anonymise()
        interview = self.interview.sudo()
        self.assertFalse(interview.told_consent)
        self.assertFalse(interview.told_consent_text)
        self.assertFalse(interview.link_sending_ids)
        self.assertFalse(self.told_reminders())
        self.assertFalse(self.as_officer.can_tell_what_was_done)
        with self.assertRaisesRegex(UserError, "anonymised"):
            self.as_officer.action_tell_what_was_done()

    @mute_logger(*ACCESS_LOGGERS)
    def test_no_officer_forges_the_wish(self):
        for user in (self.officer, self.interviewer):
            for values in (
                {"told_consent": True},
                {"told_withdrawn_on": False, "told_on": "2031-01-01 00:00:00"},
            ):
                with self.assertRaises(AccessError):
                    self.interview.with_user(user).write(values)
        self.assertFalse(self.interview.sudo().told_consent)
