"""An interviewer from outside the organisation: a portal user an officer names on
one interview, who reads and writes that interview on the portal and nothing else.
Tested as they use it, over HTTP, with the hostile cases of the issue."""

from datetime import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import MockEmail

from .common import ACCESS_LOGGERS, PortalCase, csrf_token

EXTERNAL_EMAIL = "erik@federation.example"


def interviewer_path(interview, suffix=""):
    return f"/my/exit-interviews/interviewer/{interview.id}{suffix}"


class ExternalCase(MockEmail, PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.short = cls.create_template(("Why leave?", "text"))
        cls.interview, cls.token = cls.create_invited_interview(
            template_id=cls.short.id,
            planned_start=datetime(2031, 6, 23, 10, 0),
        )

    def name_external(self, interview=None, email=EXTERNAL_EMAIL, name="Erik Extern"):
        """Name the external interviewer as an officer does, through the window;
        returns the mails sent."""
        interview = interview or self.interview
        wizard = (
            self.env["hr.exit.interview.external"]
            .with_user(self.officer)
            .create(
                {
                    "interview_id": interview.id,
                    "name": name,
                    "email": email,
                    "lang": "en_US",
                }
            )
        )
        with self.mock_mail_gateway():
            wizard.action_confirm()
        return self._mails

    def answered(self, interview=None, answer="The Saturday shifts, every week"):
        """The employee submitted their answers."""
        interview = interview or self.interview
        interview.line_ids.write({"answer_text": answer})
        interview.action_mark_prepared()

    def login_external(self, user=None):
        user = user or self.interview.sudo().external_interviewer_id
        # The portal user chose their password after the invitation.
        user.sudo().password = user.login
        self.authenticate(user.login, user.login)

    def post_page(self, interview, values, page=None):
        page = page or self.url_open(interviewer_path(interview)).text
        return self.url_open(
            interviewer_path(interview),
            data={"csrf_token": csrf_token(page), **values},
            allow_redirects=False,
        )


@tagged("post_install", "-at_install")
class TestExternalNaming(ExternalCase):
    def test_an_officer_names_a_new_portal_user_invited_by_odoos_mail(self):
        mails = self.name_external()
        external = self.interview.external_interviewer_id
        self.assertEqual(external.login, EXTERNAL_EMAIL)
        self.assertTrue(external._is_portal())
        self.assertFalse(external._is_internal())
        # Portal, and no role of the addon (other modules may add groups that
        # Odoo's portal template implies).
        self.assertIn(self.env.ref("base.group_portal"), external.groups_id)
        for role in ("interviewer", "officer", "board"):
            self.assertFalse(
                external.has_group(f"hr_exit_interview.group_exit_interview_{role}")
            )
        self.assertEqual(self.interview.external_interviewer_officer_id, self.officer)
        invitations = [m for m in mails if EXTERNAL_EMAIL in m["email_to"][0]]
        self.assertTrue(invitations, "Odoo's portal invitation was mailed")
        self.assertIn("/web/signup", invitations[0]["body"])
        # The meeting invites them, by their contact.
        event = self.interview.calendar_event_id.sudo()
        self.assertIn(external.partner_id, event.partner_ids)
        self.assertIn(external.partner_id, event.attendee_ids.partner_id)

    def test_the_portal_user_of_the_address_is_reused(self):
        known = new_test_user(
            self.env,
            login=EXTERNAL_EMAIL,
            email=EXTERNAL_EMAIL,
            groups="base.group_portal",
        )
        users_before = self.env["res.users"].search_count([])
        self.name_external()
        self.assertEqual(self.interview.external_interviewer_id, known)
        self.assertEqual(self.env["res.users"].search_count([]), users_before)

    @mute_logger(*ACCESS_LOGGERS)
    def test_refused_internal_users_the_employee_and_whom_it_is_kept_from(self):
        self.manager.work_email = "mia@example.com"
        employee_portal = self.make_employee_portal_user("ext_employee_portal")
        employee_portal.partner_id.email = "dirk.portal@example.com"
        refused = {
            "an internal user": self.interviewer.email,
            "the employee's private address": "dirk@example.com",
            "the employee's portal user": "dirk.portal@example.com",
            "the employee's manager, as for internal interviewers": "mia@example.com",
            "the manager's user": self.manager_user.email,
            "not an address": "erik at federation",
        }
        for case, email in refused.items():
            with self.subTest(case=case), self.assertRaises(UserError):
                self.name_external(email=email)
            self.assertFalse(self.interview.external_interviewer_id)
        # Named on the record itself: the constraint says the same.
        for user in (self.interviewer, employee_portal):
            with self.subTest(user=user.login), self.assertRaises(ValidationError):
                self.interview.sudo()._external_name(user, user.name, user.email, "")

    @mute_logger(*ACCESS_LOGGERS)
    def test_named_by_officers_only(self):
        external = self.make_portal_user("ext_forged")
        for user in (self.interviewer, self.board, self.officer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.interview.with_user(user).write(
                    {"external_interviewer_id": external.id}
                )
        with self.assertRaises(AccessError):
            self.env["hr.exit.interview.external"].with_user(self.interviewer).create(
                {
                    "interview_id": self.interview.id,
                    "name": "Erik",
                    "email": EXTERNAL_EMAIL,
                    "lang": "en_US",
                }
            )
        self.assertFalse(self.interview.external_interviewer_id)


@tagged("post_install", "-at_install")
class TestExternalInterviewerPortal(ExternalCase):
    def test_the_page_shows_the_answers_once_submitted_and_saves_the_report(self):
        self.interview.excelled_at = "Kept the youth club going"
        self.name_external()
        external = self.interview.external_interviewer_id
        self.login_external()
        home = self.url_open("/my/home").text
        self.assertIn("/my/exit-interviews/interviewer", home)
        page = self.url_open(interviewer_path(self.interview))
        self.assertEqual(page.status_code, 200)
        self.assertEqual(page.headers["Cache-Control"], "no-store")
        self.assertIn("Kept the youth club going", page.text)
        self.assertIn("Why leave?", page.text)
        self.assertIn("has not submitted their answers yet", page.text)
        self.answered()
        page = self.url_open(interviewer_path(self.interview)).text
        self.assertIn("The Saturday shifts, every week", page)
        line = self.interview.line_ids
        response = self.post_page(
            self.interview,
            {
                "action": "save",
                f"note_{line.id}": "Talked about the rota",
                "report_summary": "<b>A calm talk</b>",
                "confidentiality_explained": "1",
            },
            page,
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.interview.report_summary, "<b>A calm talk</b>")
        self.assertIn("&lt;b&gt;A calm talk", response.text)
        self.assertEqual(line.interviewer_note, "Talked about the rota")
        self.assertTrue(self.interview.confidentiality_explained)
        # Attributed to them: the chatter and the reading log.
        note = self.interview.message_ids.filtered(
            lambda m: "the external interviewer, saved" in (m.body or "")
        )
        self.assertEqual(note.author_id, external.partner_id)
        self.assertEqual(self.interview.write_uid, external)
        readings = self.env["hr.exit.interview.reading"].search(
            [("interview_id", "=", self.interview.id)]
        )
        self.assertEqual(
            set(readings.mapped("read_through")),
            {"hr.exit.interview.external", "hr.exit.interview.external.write"},
        )
        self.assertEqual(readings.user_id, external)
        # The officer is told, once.
        activity = self.interview.activity_ids.filtered(
            lambda a: a.user_id == self.officer
        )
        self.assertEqual(len(activity), 1)
        self.post_page(self.interview, {"action": "save", "strengths": "Team spirit"})
        self.assertEqual(
            len(
                self.interview.activity_ids.filtered(
                    lambda a: a.user_id == self.officer
                )
            ),
            1,
        )
        # The talk held; sharing with the board stays the officer's.
        response = self.post_page(self.interview, {"action": "held"})
        self.assertEqual(self.interview.state, "held")
        self.assertNotIn('value="share"', response.text)
        response = self.post_page(self.interview, {"action": "share"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.interview.state, "held")
        self.assertFalse(self.interview.board_consent)

    def test_nothing_is_written_after_the_report_is_shared(self):
        self.name_external()
        self.interview.action_mark_held()
        self.interview.report_summary = "The officer reading"
        self.interview.action_share_with_board()
        self.login_external()
        page = self.url_open(interviewer_path(self.interview)).text
        self.assertIn("The officer reading", page)
        response = self.post_page(
            self.interview, {"action": "save", "report_summary": "Changed"}, page
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("Changed", response.text, "what was typed is kept")
        self.assertEqual(self.interview.report_summary, "The officer reading")

    def test_the_conversation_and_question_sheets(self):
        self.name_external()
        self.answered()
        self.interview.line_ids.interviewer_note = "Rota note"
        self.login_external()
        for sheet, text in (
            ("conversation", b"Rota note"),
            ("questions", b"Why leave?"),
        ):
            with self.subTest(sheet=sheet):
                response = self.url_open(
                    interviewer_path(self.interview, f"/{sheet}.pdf")
                )
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.headers["Content-Type"], "application/pdf")
                self.assertEqual(response.headers["Cache-Control"], "no-store")
                # Odoo renders reports to HTML in test mode.
                self.assertIn(text, response.content)


@tagged("post_install", "-at_install")
class TestExternalInterviewerHostile(ExternalCase):
    @mute_logger("odoo.http", *ACCESS_LOGGERS)
    def test_a_replaced_external_interviewer_loses_access_at_once(self):
        self.name_external()
        replaced = self.interview.external_interviewer_id
        self.name_external(email="nora@coach.example", name="Nora Coach")
        successor = self.interview.external_interviewer_id
        self.assertNotEqual(successor, replaced)
        event = self.interview.calendar_event_id.sudo()
        self.assertNotIn(replaced.partner_id, event.partner_ids)
        self.assertIn(successor.partner_id, event.partner_ids)
        self.login_external(replaced)
        for suffix in ("", "/conversation.pdf", "/questions.pdf"):
            with self.subTest(suffix=suffix):
                response = self.url_open(interviewer_path(self.interview, suffix))
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("Why leave?", response.text)
        response = self.post_page(
            self.interview,
            {"action": "save", "report_summary": "Forged"},
            page=self.url_open("/my/account").text,
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.interview.report_summary)
        listed = self.url_open("/my/exit-interviews/interviewer").text
        self.assertNotIn(interviewer_path(self.interview), listed)
        self.login_external(successor)
        self.assertEqual(
            self.url_open(interviewer_path(self.interview)).status_code, 200
        )

    @mute_logger("odoo.http", *ACCESS_LOGGERS)
    def test_no_bearer_link_no_stranger_no_one_who_takes_the_address(self):
        self.name_external()
        external = self.interview.external_interviewer_id
        # No account: the page asks to log in, whatever is in the address.
        self.authenticate(None, None)
        response = self.url_open(
            interviewer_path(self.interview) + f"?access_token={self.token}",
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])
        # An internal user who takes the external interviewer's address or contact.
        taker = new_test_user(
            self.env, login="ext_taker", groups="base.group_user,hr.group_hr_user"
        )
        taker.email = EXTERNAL_EMAIL
        partner_taker = new_test_user(
            self.env, login="ext_partner_taker", groups="base.group_user"
        )
        partner_taker.partner_id = external.partner_id
        other_portal = self.make_portal_user("ext_other_portal")
        other_portal.partner_id.email = EXTERNAL_EMAIL
        for user in (
            taker,
            partner_taker,
            other_portal,
            self.interviewer,
            self.officer,
        ):
            with self.subTest(user=user.login):
                self.authenticate(user.login, user.login)
                response = self.url_open(interviewer_path(self.interview))
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("Why leave?", response.text)
        # Through the ORM they read nothing, the interview they hold included.
        for model in ("hr.exit.interview", "hr.exit.interview.line", "hr.employee"):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(external).search_read([], ["id"])

    @mute_logger("odoo.http", *ACCESS_LOGGERS)
    def test_also_the_employee_of_another_interview(self):
        """Their portal user is also a departing employee elsewhere: each role
        gives what it gives, nothing more."""
        self.name_external()
        external = self.interview.external_interviewer_id
        colleague = self.env["hr.employee"].create(
            {
                "name": "Erik Employee",
                "work_contact_id": external.partner_id.id,
                "private_email": EXTERNAL_EMAIL,
            }
        )
        own, _token = self.create_invited_interview(
            employee_id=colleague.id, template_id=self.short.id
        )
        self.login_external()
        self.assertEqual(self.url_open(self.portal_path(own)).status_code, 200)
        self.assertEqual(self.url_open(interviewer_path(own)).status_code, 404)
        self.assertEqual(
            self.url_open(self.portal_path(self.interview)).status_code, 404
        )
        listed = self.url_open("/my/exit-interviews/interviewer").text
        self.assertIn(interviewer_path(self.interview), listed)
        self.assertNotIn(interviewer_path(own), listed)
        # They cannot be named on their own exit.
        with self.assertRaises(ValidationError):
            own.sudo()._external_name(external, external.name, EXTERNAL_EMAIL, "")

    @mute_logger("odoo.http", *ACCESS_LOGGERS)
    def test_named_on_two_interviews_of_different_companies(self):
        self.name_external()
        other_company = self.env["res.company"].create({"name": "Other Federation"})
        self.officer.company_ids |= other_company
        stranger = self.env["hr.employee"].create(
            {"name": "Sara Stranger", "company_id": other_company.id}
        )
        elsewhere = self.create_interview(
            employee_id=stranger.id,
            company_id=other_company.id,
            template_id=False,
        )
        elsewhere.excelled_at = "Praise for Sara"
        self.interview.excelled_at = "Praise for Dirk"
        self.name_external(interview=elsewhere)
        external = self.interview.external_interviewer_id
        self.assertEqual(elsewhere.external_interviewer_id, external)
        self.login_external()
        listed = self.url_open("/my/exit-interviews/interviewer").text
        self.assertIn("Sara Stranger", listed)
        self.assertIn("Dirk Departing", listed)
        page = self.url_open(interviewer_path(self.interview)).text
        self.assertIn("Praise for Dirk", page)
        self.assertNotIn("Sara", page)
        page = self.url_open(interviewer_path(elsewhere)).text
        self.assertIn("Praise for Sara", page)
        self.assertNotIn("Dirk", page)


@tagged("post_install", "-at_install")
class TestExternalInterviewerOnAPhone(ExternalCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_tour_the_report_on_a_phone(self):
        self.name_external()
        self.answered()
        external = self.interview.external_interviewer_id
        external.sudo().password = external.login
        self.start_tour(
            "/my", "hr_exit_interview_interviewer_phone", login=external.login
        )
        self.assertEqual(self.interview.state, "held")
        self.assertEqual(
            self.interview.report_summary, "A calm talk about the weekend rota"
        )
        self.assertEqual(
            self.interview.line_ids.interviewer_note, "Talked about the rota"
        )
