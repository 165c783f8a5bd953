"""Only the employee holds the link: the sending, who owns the interview,
the notice and the consent, the employee's rights after submitting."""

from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.base.models.ir_mail_server import IrMailServer, MailDeliveryException

from ..models.hr_exit_interview import CONFIDENTIAL_TEXT_FIELDS
from ..models.hr_exit_interview_portal import ANSWERS_COPY_CRON
from .common import LINK, PortalCase, SendingCase

# A marker in every free text of the interview, its lines and its measures.
MARKERS = {name: f"MARK-{name.upper()}" for name in CONFIDENTIAL_TEXT_FIELDS}
ANSWER_MARKER = "MARK-ANSWER"
NOTE_MARKER = "MARK-NOTE"


@tagged("post_install", "-at_install")
class TestSending(SendingCase):
    def test_the_link_goes_only_to_the_employee_and_is_kept_nowhere(self):
        interview = self.create_interview()
        mail = self.send_with_wizard(interview)
        token = self.token_of(mail)
        self.assertEqual(mail["email_to"], ["dirk@example.com"])
        self.assertIn("Dear Dirk Departing", mail["body"])
        self.assertIn("The board reads your answers only if you agree", mail["body"])
        self.assertEqual(interview.state, "invited")
        # Every mail of the sending: the link in exactly one, to the employee.
        for other in self._mails:
            if other is not mail:
                self.assertNotIn(token, other["body"])
        self.env.flush_all()
        self.assertEqual(self.tables_holding(token), [])
        self.assertEqual(
            self.tables_holding(f"/my/exit-interviews/{interview.id}?"), []
        )
        note = interview.message_ids[0]
        self.assertIn("The questions were sent to d...@example.com", note.body)
        sending = interview.link_sending_ids
        self.assertEqual(sending.email, "dirk@example.com")
        self.assertEqual(sending.sent_by_id, self.officer)
        self.assertEqual(sending.kind, "invitation")

    def tables_holding(self, text):
        """Every (table, column) of the database whose text holds the given text."""
        cr = self.env.cr
        cr.execute(
            """
            SELECT c.table_name, c.column_name
              FROM information_schema.columns c
              JOIN information_schema.tables t
                ON t.table_name = c.table_name AND t.table_schema = c.table_schema
             WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
               AND c.data_type IN ('text', 'character varying', 'jsonb')
            """
        )
        found = []
        for table, column in cr.fetchall():
            cr.execute(
                f'SELECT 1 FROM "{table}" WHERE "{column}"::text LIKE %s LIMIT 1',
                [f"%{text}%"],
            )
            if cr.fetchone():
                found.append((table, column))
        return found

    def test_the_officer_sees_and_may_correct_the_address(self):
        interview = self.create_interview()
        wizard = (
            self.env["hr.exit.interview.send"]
            .with_user(self.officer)
            .create({"interview_id": interview.id})
        )
        self.assertEqual(wizard.email, "dirk@example.com")
        mail = self.send_with_wizard(interview, email="Dirk <dirk.home@example.com>")
        self.assertEqual(mail["email_to"], ["dirk.home@example.com"])
        self.assertEqual(interview.link_sending_ids.email, "dirk.home@example.com")

    def test_a_bad_address_is_refused_and_nothing_is_sent(self):
        interview = self.create_interview()
        self.employee.private_email = False
        wizard = (
            self.env["hr.exit.interview.send"]
            .with_user(self.officer)
            .create({"interview_id": interview.id, "email": "not an address"})
        )
        with self.assertRaisesRegex(UserError, "is not an email address"):
            wizard.action_send()
        self.assertEqual(interview.state, "draft")
        self.assertFalse(interview.link_sending_ids)

    @mute_logger("odoo.addons.base.models.ir_model")
    def test_a_mail_that_cannot_go_leaves_no_link_behind(self):
        interview = self.create_interview()
        wizard = (
            self.env["hr.exit.interview.send"]
            .with_user(self.officer)
            .create({"interview_id": interview.id})
        )
        with (
            patch.object(
                IrMailServer, "send_email", side_effect=MailDeliveryException("down")
            ),
            mute_logger("odoo.addons.mail.models.mail_mail"),
            self.assertRaisesRegex(UserError, "could not be sent"),
        ):
            wizard.action_send()
        self.env.flush_all()
        self.assertEqual(
            self.tables_holding(f"/my/exit-interviews/{interview.id}?"), []
        )

    def test_the_user_the_officer_saw_is_the_one_recorded(self):
        interview = self.create_interview()
        wizard = (
            self.env["hr.exit.interview.send"]
            .with_user(self.officer)
            .create({"interview_id": interview.id})
        )
        self.assertFalse(wizard.user_id)
        self.employee.user_id = self.users["internal"]
        with self.assertRaisesRegex(UserError, "changed while this window was open"):
            wizard.action_send()
        self.assertFalse(interview.link_sending_ids)

    def test_only_officers_send(self):
        interview = self.create_interview()
        for user in (self.interviewer, self.board, self.manager_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                interview.with_user(user).action_send_questions()
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["hr.exit.interview.send"].with_user(user).create(
                    {"interview_id": interview.id}
                ).action_send()

    @mute_logger("odoo.addons.base.models.ir_model")
    def test_the_log_is_append_only_and_for_officers(self):
        interview = self.create_interview()
        self.send_with_wizard(interview)
        sending = interview.link_sending_ids
        with self.assertRaises(AccessError):
            sending.with_user(self.officer).write({"email": "officer@example.com"})
        with self.assertRaises(AccessError):
            sending.with_user(self.officer).unlink()
        with self.assertRaises(AccessError):
            self.env["hr.exit.interview.link.sending"].with_user(self.officer).create(
                {
                    "interview_id": interview.id,
                    "kind": "invitation",
                    "email": "officer@example.com",
                    "sent_by_id": self.officer.id,
                    "sent_on": datetime.now(),
                }
            )
        with self.assertRaises(AccessError):
            sending.sudo().write({"email": "root@example.com"})
        self.assertEqual(sending.with_user(self.officer).email, "dirk@example.com")
        for user in (self.interviewer, self.board, self.manager_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                sending.with_user(user).read(["email"])

    def test_sending_again_ends_the_earlier_link_and_keeps_the_drafts(self):
        interview = self.create_interview()
        first = self.token_of(self.send_with_wizard(interview))
        interview.line_ids[0].sudo().answer_text = "Draft kept"
        self.assertEqual(
            interview.with_user(self.officer).action_send_questions()["res_model"],
            "hr.exit.interview.send",
        )
        second = self.token_of(self.send_with_wizard(interview))
        self.assertFalse(interview._portal_token_matches(first))
        self.assertTrue(interview._portal_token_matches(second))
        self.assertEqual(interview.line_ids[0].answer_text, "Draft kept")
        self.assertEqual(len(interview.link_sending_ids), 2)

    def test_the_link_ends_with_the_employees_part(self):
        for step in ("submit", "decline", "cancel", "held", "interviewer"):
            with self.subTest(step=step):
                interview, token = self.create_invited_interview()
                self.assertTrue(interview._portal_token_matches(token))
                if step == "submit":
                    interview._portal_submit_answers({})
                elif step == "decline":
                    interview._portal_decline("")
                elif step == "cancel":
                    interview.action_cancel()
                elif step == "held":
                    interview.action_mark_held()
                else:
                    interview.interviewer_id = self.other_interviewer
                self.assertFalse(interview._portal_token_matches(token))

    @freeze_time("2031-06-20 09:00:00")
    def test_reminder_goes_once_to_the_recorded_address_with_a_new_link(self):
        soon = datetime(2031, 6, 21, 8, 0)
        waiting, old_token = self.create_invited_interview(planned_start=soon)
        declined, _token = self.create_invited_interview(planned_start=soon)
        declined._portal_decline("")
        on_paper = self.create_interview(planned_start=soon)
        on_paper.action_invite()
        later, _token = self.create_invited_interview(
            planned_start=datetime(2031, 6, 28, 8, 0)
        )
        # A later change of the employee's address hands the link to no one.
        self.employee.private_email = "intruder@example.com"
        cron = self.env["hr.exit.interview"]
        with self.mock_mail_gateway(mail_unlink_sent=True):
            self.assertEqual(cron._cron_send_reminders(), waiting)
        self.assertEqual(len(self._mails), 1)
        mail = self._mails[0]
        self.assertEqual(mail["email_to"], ["dirk@example.com"])
        self.assertIn("Reminder", mail["subject"])
        self.assertTrue(waiting._portal_token_matches(self.token_of(mail)))
        self.assertFalse(waiting._portal_token_matches(old_token))
        self.assertTrue(waiting.reminder_sent)
        self.assertEqual(waiting.link_sending_ids[0].kind, "reminder")
        self.assertFalse(cron._cron_send_reminders())

    def test_work_email_when_no_private_one(self):
        self.employee.private_email = False
        self.employee.work_email = "dirk.work@example.com"
        self.assertEqual(
            self.create_interview()._leaver_email(), "dirk.work@example.com"
        )

    def test_names_in_the_letter_are_escaped(self):
        self.employee.name = "<b>Dirk</b>"
        self.assertIn(
            "&lt;b&gt;Dirk&lt;/b&gt;", self.create_interview()._render_letter()
        )

    def test_dutch_employee_gets_a_dutch_invitation(self):
        self.load_dutch()
        self.employee.lang = "nl_NL"
        mail = self.send_with_wizard(self.create_interview())
        self.assertIn("Dag Dirk Departing,", mail["body"])
        self.assertIn(f"periode bij {self.company.name}.", mail["body"])
        self.assertIn("Het bestuur leest je antwoorden alleen", mail["body"])


@tagged("post_install", "-at_install")
class TestOwnership(SendingCase, PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = cls.make_employee_portal_user("link_owner")
        cls.interview, cls.token = cls.create_invited_interview()

    def test_the_latest_sending_names_the_owner(self):
        self.assertEqual(self.interview.link_sending_ids.user_id, self.portal_user)
        self.authenticate("link_owner", "link_owner")
        response = self.page(token=None)
        self.assertEqual(response.status_code, 200)

    def test_pointing_the_employee_at_oneself_hands_nothing(self):
        """An HR user edits the employee's user, contact and email after the sending:
        the page, its PDF and the listing stay closed to them."""
        hr_user = self.make_portal_user("link_hr_user")
        hr_user.groups_id = self.env.ref("hr.group_hr_user")
        employee = self.employee.with_user(hr_user)
        employee.write(
            {
                "user_id": hr_user.id,
                "work_contact_id": hr_user.partner_id.id,
                "private_email": hr_user.email or "mia@example.com",
            }
        )
        self.authenticate(hr_user.login, hr_user.login)
        for suffix in ("", "/answers.pdf"):
            with self.subTest(suffix=suffix):
                response = self.page(token=None, suffix=suffix)
                self.assertEqual(response.status_code, 404)
        self.assertNotIn(
            self.portal_url(token=None), self.url_open("/my/exit-interviews").text
        )

    def test_an_archived_interview_opens_for_no_one(self):
        self.interview.action_archive()
        self.assertFalse(self.interview._portal_token_matches(self.token))
        self.authenticate("link_owner", "link_owner")
        response = self.page(token=None)
        self.assertEqual(response.status_code, 404)

    def test_a_new_employee_on_the_interview_is_owned_by_no_earlier_user(self):
        self.interview.action_cancel()
        self.interview.action_reset_draft()
        other = self.env["hr.employee"].create({"name": "Another Leaver"})
        self.interview.with_user(self.officer).employee_id = other
        self.interview.action_invite()
        self.assertFalse(self.interview._is_owned_by(self.portal_user))

    def test_a_new_sending_to_another_user_moves_the_ownership(self):
        self.employee.work_contact_id = self.env["res.partner"].create(
            {"name": "Dirk's new contact"}
        )
        self.send_with_wizard(self.interview)
        self.assertFalse(self.interview._is_owned_by(self.portal_user))


@tagged("post_install", "-at_install")
class TestNoticeAndConsent(SendingCase, PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.create_template(("What did you enjoy?", "text"))
        cls.interview, cls.token = cls.create_invited_interview(
            template_id=cls.template.id
        )
        cls.line = cls.interview.line_ids

    def test_by_default_the_board_never_reads_the_answers(self):
        interview = self.create_interview()
        self.assertFalse(interview.report_include_answers)
        with self.assertRaisesRegex(ValidationError, "did not agree"):
            interview.with_user(self.interviewer).report_include_answers = True

    @mute_logger("odoo.addons.base.models.ir_model")
    def test_no_one_but_the_employee_records_a_choice(self):
        forged = {
            "board_consent": True,
            "notice_acknowledged_on": datetime(2030, 1, 1),
            "notice_text": "Forged",
            "answers_submitted_on": datetime(2030, 1, 1),
            "reminder_sent": True,
        }
        admin = self.env.ref("base.user_admin")
        for user in (self.interviewer, self.officer, admin, self.board):
            for field, value in forged.items():
                with (
                    self.subTest(user=user.login, field=field),
                    self.assertRaises(AccessError),
                ):
                    self.interview.with_user(user).write({field: value})
        with self.assertRaises(AccessError):
            self.interview.with_user(admin).write({"access_token_digest": "0" * 64})
        with self.assertRaises(AccessError):
            self.env["hr.exit.interview"].with_user(self.officer).create(
                {"employee_id": self.employee.id, "board_consent": True}
            )
        self.assertFalse(self.interview.board_consent)

    def test_the_employee_agrees_on_the_portal_with_the_notice_they_read(self):
        self.save({"board_consent": "1", self.line: "A"})
        self.assertTrue(self.interview.board_consent)
        self.assertTrue(self.interview.board_consent_on)
        self.assertEqual(self.interview.notice_lang, "en_US")
        self.assertIn(
            "The board reads your answers only if you agree",
            self.interview.notice_text,
        )
        self.interview.with_user(self.interviewer).report_include_answers = True
        # Withdrawn before submitting: the answers leave the board report.
        self.save({self.line: "A"})
        self.assertFalse(self.interview.board_consent)
        self.assertFalse(self.interview.report_include_answers)

    def test_the_notice_states_the_company_settings(self):
        notice = " ".join(self.interview._privacy_notice())
        self.assertIn(self.interviewer.name, notice)
        self.assertIn(
            "do not read them, unless one of them is your interviewer", notice
        )
        self.company.exit_interview_manager_officer_access = True
        self.company.exit_interview_retention_months = 12
        self.company.exit_interview_privacy_notice = "Ask Anna for questions."
        notice = " ".join(self.interview._privacy_notice())
        self.assertIn("may read them if they are exit interview officers", notice)
        self.assertIn("kept for 12 months", notice)
        self.assertTrue(notice.endswith("Ask Anna for questions."))

    def test_the_notice_is_in_the_employees_language(self):
        self.load_dutch()
        self.employee.lang = "nl_NL"
        page = self.page().text
        self.assertIn("Het bestuur leest je antwoorden alleen", page)


@tagged("post_install", "-at_install")
class TestAfterSubmitting(SendingCase, PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.create_template(("What did you enjoy?", "text"))
        cls.interview, cls.token = cls.create_invited_interview(
            template_id=cls.template.id
        )

    def submit_on_the_page(self):
        with self.mock_mail_gateway(mail_unlink_sent=True):
            response = self.post(
                {"action": "submit", self.interview.line_ids: "The summer camps"}
            )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.interview.state, "prepared")
        self.assertFalse(
            [m for m in self._mails if m["attachments"]],
            "the employee does not wait for the PDF",
        )
        return response

    def mail_copies(self):
        """Run the copies' job as the cron worker would; the mails it sent."""
        with self.mock_mail_gateway(mail_unlink_sent=True):
            mailed = self.env["hr.exit.interview"]._cron_mail_answers_copies()
        return mailed, [m for m in self._mails if m["attachments"]]

    def test_a_link_only_employee_gets_a_copy_of_the_answers_by_mail(self):
        cron = self.env.ref(ANSWERS_COPY_CRON)
        before = self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)])
        response = self.submit_on_the_page()
        self.assertIn(
            "A copy of them will be mailed to d...@example.com in a few minutes.",
            response.text,
        )
        self.assertEqual(response.headers["Cache-Control"], "no-store")
        self.assertNotIn("answers.pdf", response.text)
        self.assertTrue(self.interview.answers_copy_due)
        self.assertEqual(
            self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)]),
            before + 1,
            "the job is woken up at once",
        )
        mailed, copies = self.mail_copies()
        self.assertEqual(mailed, self.interview)
        self.assertFalse(self.interview.answers_copy_due)
        self.assertEqual(len(copies), 1)
        self.assertEqual(copies[0]["email_to"], ["dirk@example.com"])
        name, content, _mimetype = copies[0]["attachments"][0]
        self.assertTrue(name.endswith(".pdf"))
        # Odoo renders reports to HTML in test mode.
        self.assertIn(b"The summer camps", content)
        self.env.flush_all()
        self.assertFalse(
            self.env["ir.attachment"].sudo().search([("name", "=", name)]),
            "the copy leaves nothing behind once sent",
        )
        mailed, copies = self.mail_copies()
        self.assertFalse(mailed, "one copy, however often the job runs")
        self.assertFalse(copies)

    @mute_logger("odoo.addons.mail.models.mail_mail")
    def test_a_copy_the_mail_server_refused_goes_at_the_next_run(self):
        self.submit_on_the_page()
        with patch.object(
            IrMailServer, "send_email", side_effect=MailDeliveryException("down")
        ):
            mailed = self.env["hr.exit.interview"]._cron_mail_answers_copies()
        self.assertFalse(mailed)
        self.assertTrue(self.interview.answers_copy_due)
        self.env.flush_all()
        self.assertFalse(
            self.env["mail.mail"]
            .sudo()
            .search([("email_to", "=", "dirk@example.com")]),
            "what could not go leaves nothing in the queue",
        )
        mailed, copies = self.mail_copies()
        self.assertEqual(mailed, self.interview)
        self.assertEqual(len(copies), 1)

    def test_the_submit_goes_on_when_the_copies_job_was_removed(self):
        self.env.ref(ANSWERS_COPY_CRON).unlink()
        response = self.submit_on_the_page()
        self.assertIn("Your answers were sent to the interviewer.", response.text)
        self.assertTrue(self.interview.answers_copy_due)

    def test_only_odoo_marks_a_copy_due(self):
        for user in (self.officer, self.interviewer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.interview.with_user(user).write({"answers_copy_due": True})

    def test_the_old_link_says_the_answers_were_received(self):
        self.interview._portal_submit_answers({})
        response = self.page()
        self.assertEqual(response.status_code, 404, "as the neutral page")
        self.assertIn("Your answers were received", response.text)
        response = self.page(suffix="/answers.pdf")
        self.assertEqual(response.status_code, 404)
        self.assertIn("This link is no longer valid", response.text)


@tagged("post_install", "-at_install")
class TestNoRoleFindsALink(SendingCase, PortalCase):
    """Every role, with every token it could find in what it can read, reaches no
    employee's page and reads none of the interview's texts there."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.former_interviewer = cls.other_interviewer
        cls.interview, cls.token = cls.create_invited_interview(
            interviewer_id=cls.former_interviewer.id
        )
        cls.fill_every_text(cls.interview)
        export = cls.env.ref("base.group_allow_export")
        for user in (*cls.users.values(), cls.other_interviewer):
            user.groups_id |= export

    @classmethod
    def fill_every_text(cls, interview):
        interview.sudo().write(
            {
                field: f"{marker}-{interview.id}"
                for field, marker in MARKERS.items()
                if field != "board_evaluation"
            }
        )
        interview.line_ids.sudo().write(
            {"answer_text": ANSWER_MARKER, "interviewer_note": NOTE_MARKER}
        )

    def test_nothing_readable_holds_a_link(self):
        # The questions are sent (again) as in production; the interviewer is then
        # replaced; the interview goes on to the board.
        self.send_with_wizard(self.interview)
        self.interview.interviewer_id = self.interviewer
        self.send_with_wizard(self.interview)
        self.interview.action_mark_held()
        self.interview.sudo().board_evaluation = MARKERS["board_evaluation"]
        self.interview.action_share_with_board()
        self.env.flush_all()
        readers = {
            "interviewer": self.interviewer,
            "former interviewer": self.former_interviewer,
            "board": self.board,
            "manager (HR user)": self.manager_user,
            "other internal": self.users["internal"],
            "officer": self.officer,
        }
        for role, user in readers.items():
            with self.subTest(role=role):
                found = self.tokens_readable_by(user)
                self.assertEqual(found, set())
                self.authenticate(user.login, user.login)
                response = self.page(token=None)
                self.assertEqual(response.status_code, 404)
                for marker in (*MARKERS.values(), ANSWER_MARKER, NOTE_MARKER):
                    self.assertNotIn(marker, response.text)

    def tokens_readable_by(self, user):
        """The link tokens in every message, notification, activity, tracking value,
        attachment and export the user may read."""
        texts = []
        env = self.env(user=user)
        for model, fields_ in (
            ("mail.message", ["body", "subject", "record_name"]),
            ("mail.notification", ["mail_message_id"]),
            ("mail.activity", ["note", "summary"]),
            ("mail.tracking.value", ["old_value_char", "new_value_char"]),
            ("ir.attachment", ["name", "url", "index_content"]),
            ("mail.mail", ["body_html"]),
        ):
            records = env[model]
            if not records.has_access("read"):
                continue
            for values in records.search_read([], fields_):
                texts.append(str(values))
        interviews = env["hr.exit.interview"]
        if interviews.has_access("read"):
            readable = [
                name
                for name, field in interviews._fields.items()
                if field.type in ("char", "text", "html")
                and (not field.groups or user.has_groups(field.groups))
            ]
            texts.append(str(interviews.search([]).export_data(readable)))
        return {match.group(2) for text in texts for match in LINK.finditer(text)}
