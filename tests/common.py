import json
import re
import subprocess
from datetime import date

from odoo.fields import Command
from odoo.tests import HttpCase, TransactionCase
from odoo.tests.common import new_test_user

from odoo.addons.mail.tests.common import MockEmail

from ..models.hr_exit_interview import BOARD_GROUP, INTERVIEWER_GROUP, OFFICER_GROUP

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
BASE = re.compile(r'name="(base_\d+)" value="([^"]+)"')
# The employee's personal link in a mail: the interview's id and the token.
LINK = re.compile(r"/my/exit-interviews/(\d+)\?access_token=([A-Za-z0-9_-]+)")
# The addon's reports, by their actions.
BOARD_REPORT = "hr_exit_interview.action_report_exit_interview"
QUESTIONS_REPORT = "hr_exit_interview.action_report_exit_interview_questions"
ANSWERS_REPORT = "hr_exit_interview.action_report_exit_interview_answers"
CONVERSATION_REPORT = "hr_exit_interview.action_report_exit_interview_conversation"
SUMMARY_REPORT = "hr_exit_interview.action_report_exit_interview_summary"
# What Odoo logs when it refuses an access, muted where a test expects the refusal.
ACCESS_LOGGERS = ("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
# The portal helpers' default token: the one of the test's own interview.
OWN_LINK = object()


def pdf_text(pdf):
    """The PDF's text, read back by poppler's pdftotext."""
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def csrf_token(html):
    """The CSRF token of a rendered portal form; empty when the page has no form (the
    neutral page of a link that opens nothing)."""
    match = CSRF.search(html)
    return match.group(1) if match else ""


def answer_bases(html):
    """The base_<line id> fields of a rendered portal form: what the page showed of
    each answer, which a post sends back with it."""
    return dict(BASE.findall(html))


ROLE_GROUPS = {
    "officer": OFFICER_GROUP,
    "interviewer": INTERVIEWER_GROUP,
    "board": BOARD_GROUP,
    "hr_user": "hr.group_hr_user",
    "internal": "base.group_user",
}


class ExitInterviewCase(TransactionCase):
    """Users of every role, a departing employee and the guide's template."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.use_english_by_default(cls.env)
        cls.company = cls.env.company
        cls.company.exit_interview_days_before = 7
        cls.company.exit_interview_forbid_manager = False
        # The demo data names who follows former employees up; the tests say it.
        cls.company.exit_interview_keep_in_touch_user_id = False
        # A database with demo data holds interviews of its own: tests leave them out.
        cls.interviews_before = (
            cls.env["hr.exit.interview"]
            .sudo()
            .with_context(active_test=False)
            .search([])
        )
        cls.users = {}
        for role, group in ROLE_GROUPS.items():
            cls.users[role] = new_test_user(
                cls.env,
                login=f"exit_{role}",
                groups=f"base.group_user,{group}",
                tz="Europe/Brussels",
            )
        cls.officer = cls.users["officer"]
        cls.interviewer = cls.users["interviewer"]
        cls.board = cls.users["board"]
        cls.other_interviewer = new_test_user(
            cls.env,
            login="exit_other_interviewer",
            groups=f"base.group_user,{INTERVIEWER_GROUP}",
        )
        cls.manager_user = new_test_user(
            cls.env, login="exit_manager", groups="base.group_user,hr.group_hr_user"
        )
        cls.department = cls.env["hr.department"].create({"name": "Youth Work"})
        cls.manager = cls.env["hr.employee"].create(
            {"name": "Mia Manager", "user_id": cls.manager_user.id}
        )
        cls.employee = cls.env["hr.employee"].create(
            {
                "name": "Dirk Departing",
                "department_id": cls.department.id,
                "job_title": "Youth Worker",
                "parent_id": cls.manager.id,
                "private_email": "dirk@example.com",
                # Where the organisation works, as its users do.
                "tz": "Europe/Brussels",
            }
        )
        cls.template = cls.env.ref("hr_exit_interview.template_guide")
        cls.resigned = cls.env.ref("hr.departure_resigned")
        cls.fired = cls.env.ref("hr.departure_fired")

    def made_here(self, records):
        """The records among these that the test made, not those a database with
        demo data brought."""
        return records - self.interviews_before

    @staticmethod
    def use_english_by_default(env):
        """English for the people the tests make and the visitors of the portal,
        as in a database that knows no other language: a Flemish one makes Dutch
        the default of new contacts and of its website."""
        english = env["res.lang"]._activate_lang("en_US")
        env["ir.default"].set("res.partner", "lang", "en_US")
        if "website" in env:
            env["website"].search([]).write(
                {
                    "language_ids": [Command.link(english.id)],
                    "default_lang_id": english.id,
                }
            )

    @classmethod
    def load_dutch(cls):
        """Activate Dutch with the addon's nl.po, as a Flemish database has it."""
        cls.env["res.lang"]._activate_lang("nl_NL")
        cls.env["ir.module.module"].search(
            [("name", "=", "hr_exit_interview")]
        )._update_translations(["nl_NL"])

    @classmethod
    def create_template(cls, *questions, name="Short", section="General"):
        """A template of one section; each question a (text, type) pair."""
        return cls.env["hr.exit.interview.template"].create(
            {
                "name": name,
                "section_ids": [
                    Command.create(
                        {
                            "name": section,
                            "question_ids": [
                                Command.create(
                                    {"name": text, "question_type": kind, "sequence": i}
                                )
                                for i, (text, kind) in enumerate(questions, start=1)
                            ],
                        }
                    )
                ],
            }
        )

    @classmethod
    def make_portal_user(cls, login):
        """A portal user unrelated to the departing employee."""
        return new_test_user(cls.env, login=login, groups="base.group_portal")

    @classmethod
    def make_employee_portal_user(cls, login):
        """A portal user who is the departing employee."""
        user = cls.make_portal_user(login)
        cls.employee.work_contact_id = user.partner_id
        return user

    @classmethod
    def create_invited_interview(cls, **values):
        """An interview whose questions were sent to the employee's address (and user,
        if they have one), and the token of its personal link."""
        interview = cls.create_interview(**values)
        interview.with_user(cls.officer)._send_employee_link(
            interview._leaver_email() or "leaver@example.com",
            interview._leaver_user(),
        )
        # The mail carried its own link; a test needs one it knows.
        return interview, interview._portal_new_token()

    @staticmethod
    def agree_board_reads_answers(interview):
        """The employee agreed on the portal, and the interviewer includes the
        answers in the board report."""
        interview.sudo().write({"board_consent": True, "report_include_answers": True})

    @staticmethod
    def portal_path(interview, token=None, suffix=""):
        """The path of the employee's page (or of one below it), with the link's
        token."""
        path = f"/my/exit-interviews/{interview.id}{suffix}"
        return f"{path}?access_token={token}" if token else path

    @classmethod
    def create_interview(cls, **values):
        defaults = {
            "employee_id": cls.employee.id,
            "interviewer_id": cls.interviewer.id,
            "template_id": cls.template.id,
            "departure_reason_id": cls.resigned.id,
            "last_working_day": date(2031, 6, 30),
        }
        return cls.env["hr.exit.interview"].create(dict(defaults, **values))


class SendingCase(MockEmail, ExitInterviewCase):
    """The questions sent to the employee as an officer sends them, mails caught."""

    def send_with_wizard(self, interview, email=None, user=None):
        """Send the questions as an officer would, through the wizard; returns the
        link the employee received."""
        wizard = (
            self.env["hr.exit.interview.send"]
            .with_user(user or self.officer)
            .create({"interview_id": interview.id})
        )
        if email is not None:
            wizard.email = email
        with self.mock_mail_gateway(mail_unlink_sent=True):
            wizard.action_send()
        links = [m for m in self._mails if LINK.search(m["body"])]
        self.assertEqual(len(links), 1, "one mail carries the link")
        return links[0]

    @staticmethod
    def token_of(mail):
        return LINK.search(mail["body"]).group(2)


class PortalCase(HttpCase, ExitInterviewCase):
    """The employee's page as their browser uses it: opened, its form posted or
    autosaved. Each helper works on the test's interview (self.interview) through
    its link (self.token) unless given others; token=None goes without a link, as
    the employee logged in does."""

    def portal_url(self, interview=None, token=OWN_LINK, suffix=""):
        """The path of the employee's page, or of one below it."""
        return self.portal_path(
            interview or self.interview,
            self.token if token is OWN_LINK else token,
            suffix,
        )

    def page(self, interview=None, token=OWN_LINK, suffix="", headers=None):
        """The response of the employee's page. The link's exchange for a session
        (a redirect to the page without the link) is followed, as a browser does;
        any other redirect is not."""
        response = self.url_open(
            self.portal_url(interview, token, suffix),
            headers=headers,
            allow_redirects=False,
        )
        page = self.portal_path(interview or self.interview, None, suffix)
        if response.status_code == 303 and response.headers["Location"].endswith(page):
            response = self.url_open(page, headers=headers, allow_redirects=False)
        return response

    def post(
        self,
        values,
        page=None,
        *,
        interview=None,
        token=OWN_LINK,
        route="answer",
        files=None,
        headers=None,
    ):
        """Post the page's form to `route` (answer or autosave) as the browser
        does: the link's token, the CSRF token and the bases of the answers of
        `page` (a page's HTML, by default of one opened now), the notice
        confirmed, then `values`. A key of `values` may be a question line, for its
        answer; a value None leaves the field out."""
        interview = interview or self.interview
        token = self.token if token is OWN_LINK else token
        if page is None:
            page = self.page(interview, token, headers=headers).text
        data = {
            "access_token": token,
            "csrf_token": csrf_token(page),
            "acknowledge_notice": "1",
            **answer_bases(page),
            **{
                key if isinstance(key, str) else f"answer_{key.id}": value
                for key, value in values.items()
            },
        }
        return self.url_open(
            f"/my/exit-interviews/{interview.id}/{route}",
            data={key: value for key, value in data.items() if value is not None},
            files=files,
            headers=headers,
            allow_redirects=False,
        )

    def save(self, values, page=None, **kwargs):
        """The page's Save button: post() with the action save."""
        return self.post({"action": "save", **values}, page, **kwargs)

    def autosave(self, values, page=None, **kwargs):
        """The page's autosave of what post() sends: (status, JSON answer)."""
        response = self.post(values, page, route="autosave", **kwargs)
        self.assertIn("application/json", response.headers["Content-Type"])
        self.assertEqual(response.headers["Cache-Control"], "no-store")
        return response.status_code, json.loads(response.text)
