# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import hashlib
import secrets
from datetime import timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import consteq, formataddr

from .hr_exit_interview import HELD_STATES, INTERVIEWER_GROUP, OFFICER_GROUP

# What the employee sees, logged in: interviews whose questions were sent.
PORTAL_STATES = ("invited", "prepared", *HELD_STATES, "declined")

# What the employee's side records: written by the addon's own code only (the portal
# in superuser mode, the sending), never by a user, so that no one forges a consent,
# a confirmation or a link.
PORTAL_FIELDS = {
    "access_token_digest",
    "notice_acknowledged_on",
    "notice_text",
    "notice_lang",
    "board_consent",
    "board_consent_on",
    "answers_submitted_on",
    "reminder_sent",
}

# A generous limit: a page of text per answer, and no unbounded payload.
ANSWER_MAX_LENGTH = 10000


def _clean_text(text):
    """Text typed by the employee, trimmed and without NUL characters, which no
    browser sends and PostgreSQL cannot store."""
    return (text or "").replace("\x00", "").strip()


def _token_digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


def mask_email(email):
    """d...@example.com: enough to recognise an address, too little to reuse it."""
    local, _at, domain = (email or "").partition("@")
    return f"{local[:1]}...@{domain}" if domain else "..."


class HrExitInterview(models.Model):
    """The departing employee's side: the personal link and who holds it, the letter,
    the notice and the consent, the answers given on the portal, the reminder.

    The link is a bearer secret that only the employee may hold. Odoo's portal.mixin
    keeps its token in clear on the record and hands it out (share wizard,
    notification buttons, get_portal_url), so the interview does not use it: only a
    digest of the link is stored, and the link itself exists in the mail that
    carries it, which is no chatter message and is deleted once sent."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

    access_token_digest = fields.Char(groups="base.group_system", copy=False)
    invitation_ids = fields.One2many(
        "hr.exit.interview.invitation",
        "interview_id",
        string="Sendings of the Link",
        groups=OFFICER_GROUP,
        readonly=True,
    )
    notice_acknowledged_on = fields.Datetime(
        string="Notice Read On",
        readonly=True,
        copy=False,
        help="When the employee confirmed reading who reads what and how long it "
        "is kept.",
    )
    notice_text = fields.Text(
        string="Notice Read",
        readonly=True,
        copy=False,
        groups=INTERVIEWER_GROUP,
        help="The notice exactly as the employee read it when they last confirmed "
        "it or chose whether the board may read their answers.",
    )
    notice_lang = fields.Char(
        string="Language of the Notice",
        readonly=True,
        copy=False,
        groups=INTERVIEWER_GROUP,
    )
    board_consent = fields.Boolean(
        string="Employee Agrees the Board Reads the Answers",
        readonly=True,
        copy=False,
        help="The employee's own choice on the portal. Without it, the board never "
        "reads the answers.",
    )
    board_consent_on = fields.Datetime(
        string="Choice Made On", readonly=True, copy=False
    )
    answers_submitted_on = fields.Datetime(readonly=True, copy=False)
    reminder_sent = fields.Boolean(readonly=True, copy=False)

    # === CONSTRAINT METHODS === #

    @api.constrains("report_include_answers", "board_consent")
    def _check_answers_consent(self):
        for interview in self:
            if interview.report_include_answers and not interview.board_consent:
                raise ValidationError(
                    self.env._(
                        "%(employee)s did not agree that the board reads their "
                        "answers: the board report can only hold the short report.",
                        employee=interview.employee_id.name,
                    )
                )

    # === CRUD METHODS === #

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self._check_portal_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_portal_fields(vals)
        result = super().write(vals)
        # The link opens the open questions of one employee for the interviewer it
        # was sent for: a new state, interviewer or employee ends it; a new sending
        # makes a new one.
        if {"state", "interviewer_id", "employee_id", "active"} & vals.keys():
            self.sudo().access_token_digest = False
        return result

    # === ACTION METHODS === #

    def action_send_questions(self):
        """Open the sending wizard, which shows where the personal link goes."""
        self.ensure_one()
        self._check_officer()
        if self.state != "invited":
            self._check_transition("invited")
        self._check_can_invite()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send the Questions"),
            "res_model": "hr.exit.interview.send",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_interview_id": self.id},
        }

    # === CORE METHODS OVERRIDES === #

    def _get_share_url(
        self, redirect=False, signup_partner=False, pid=None, share_token=True
    ):
        # Odoo's share wizard asks any record for a link: the interview has none to
        # share, the employee's own is never handed out.
        raise AccessError(
            self.env._(
                "An exit interview cannot be shared: only the employee receives its "
                "link, by mail."
            )
        )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._(
            "Exit interview answers - %(employee)s",
            employee=self.employee_id.name or "",
        )

    # === BUSINESS METHODS === #

    @api.model
    def _portal_find(self, interview_id, access_token, user):
        """The interview in superuser mode when the token is its current link and its
        questions are open, or the user is the one its latest sending names; an empty
        recordset otherwise, also when it does not exist."""
        interview = self.sudo().browse(interview_id).exists()
        if not interview.active or interview.state not in PORTAL_STATES:
            return self.browse()
        if interview._portal_token_matches(access_token) or interview._is_owned_by(
            user
        ):
            return interview
        return self.browse()

    @api.model
    def _portal_interviews_of(self, user):
        """The user's own interviews: those whose latest sending names them."""
        if not user or user._is_public():
            return self.browse()
        sendings = (
            self.env["hr.exit.interview.invitation"]
            .sudo()
            .search([("user_id", "=", user.id)])
        )
        return sendings.interview_id.filtered(
            lambda interview: interview.state in PORTAL_STATES
            and interview._is_owned_by(user)
        ).sorted()

    def _portal_token_matches(self, access_token):
        self.ensure_one()
        digest = self.sudo().access_token_digest
        return bool(
            access_token
            and isinstance(access_token, str)
            and digest
            and self._portal_is_open()
            and consteq(digest, _token_digest(access_token))
        )

    def _is_owned_by(self, user):
        """Whether the user is the departing employee, as the latest sending of the
        link recorded them, for this employee: nothing another user edits later
        changes it."""
        self.ensure_one()
        sending = self._latest_sending()
        return bool(
            sending.user_id
            and sending.employee_id == self.employee_id
            and user
            and not user._is_public()
            and sending.user_id == user
        )

    @api.model
    def _check_portal_fields(self, vals):
        if PORTAL_FIELDS & vals.keys():
            raise AccessError(
                self.env._(
                    "What the employee confirms and chooses on the portal, and the "
                    "sending of their link, are recorded by Odoo only."
                )
            )

    def _latest_sending(self):
        self.ensure_one()
        return self.sudo().invitation_ids.sorted()[:1]

    def _portal_is_open(self):
        """The employee may still change the answers."""
        return self.state == "invited"

    def _portal_new_token(self):
        """A new personal link, of which only the digest is kept: the link sent
        before stops working. Returns the token, for the mail that carries it."""
        self.ensure_one()
        token = secrets.token_urlsafe(32)
        self.sudo().access_token_digest = _token_digest(token)
        return token

    def _portal_url(self, access_token=None):
        self.ensure_one()
        url = f"{self.get_base_url()}/my/exit-interviews/{self.id}"
        return f"{url}?access_token={access_token}" if access_token else url

    def _send_employee_link(self, email, user, kind="invitation"):
        """Mail the employee a new personal link and record the sending; callers
        checked the officer (or are the reminder job)."""
        self.ensure_one()
        if self.state == "draft":
            self._write_state("invited")
        link = self._portal_url(self._portal_new_token())
        self._send_private_mail(
            f"hr_exit_interview.mail_template_exit_interview_{kind}", email, link=link
        )
        self.env["hr.exit.interview.invitation"].sudo().create(
            {
                "interview_id": self.id,
                "employee_id": self.employee_id.id,
                "kind": kind,
                "email": email,
                "user_id": user.id,
                "sent_by_id": self.env.user.id,
                "sent_on": fields.Datetime.now(),
            }
        )
        address = mask_email(email)
        self.message_post(
            body=self.env._("A reminder was sent to %(address)s.", address=address)
            if kind == "reminder"
            else self.env._("The questions were sent to %(address)s.", address=address),
            subtype_xmlid="mail.mt_note",
        )

    def _send_private_mail(self, template_xmlid, email, link=False, attachments=()):
        """Mail the employee, in their language, a mail that is no chatter message:
        no model, no record, no author who could read it back, deleted once sent."""
        self.ensure_one()
        template = self.env.ref(template_xmlid).with_context(
            lang=self._invitation_lang(), exit_interview_link=link
        )
        rendered = {
            name: template._render_field(name, self.ids, compute_lang=True)[self.id]
            for name in ("subject", "body_html", "email_from")
        }
        attachment_ids = [
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": name,
                    "datas": base64.b64encode(content),
                    "res_model": "mail.message",
                    "res_id": 0,
                }
            )
            .id
            for name, content in attachments
        ]
        mail = (
            self.env["mail.mail"]
            .sudo()
            .create(
                {
                    "subject": rendered["subject"],
                    "body_html": rendered["body_html"],
                    "email_from": rendered["email_from"]
                    or self.company_id.email_formatted
                    or self.env.user.email_formatted,
                    "email_to": email,
                    "author_id": False,
                    "auto_delete": True,
                    "attachment_ids": [fields.Command.set(attachment_ids)],
                }
            )
        )
        mail.send()
        if mail.exists() and mail.state != "sent":
            # What could not go leaves nothing behind: the link, or the answers,
            # would wait in the queue for anyone who reads it.
            mail.unlink()
            raise UserError(
                self.env._(
                    "The mail to %(address)s could not be sent. Check the outgoing "
                    "mail server, then try again.",
                    address=email,
                )
            )

    def _portal_email_from(self):
        """The sender of what the employee does on the portal: the employee, whose
        contact often has no address, so through the company's."""
        self.ensure_one()
        email = self.company_id.email or self.interviewer_id.email
        return email and formataddr((self.employee_id.sudo().name or "", email))

    def _check_can_invite(self):
        for interview in self:
            if not interview.line_ids:
                raise UserError(
                    self.env._(
                        "Add at least one question before inviting %(employee)s.",
                        employee=interview.employee_id.name,
                    )
                )

    def _invitation_email(self):
        """The employee's private email, else the work email: the link is personal."""
        employee = self.employee_id.sudo()
        return employee.private_email or employee.work_email

    def _invitation_user(self):
        """The employee's own user, if any: the internal one, else the portal user of
        the work contact."""
        employee = self.employee_id.sudo()
        return employee.user_id or employee.work_contact_id.user_ids[:1]

    def _invitation_lang(self):
        employee = self.employee_id.sudo()
        return employee.lang or employee.work_contact_id.lang or self.env.lang

    def _render_letter(self):
        """The template's letter with the employee's and organisation's names, in the
        employee's language; the names are escaped, the letter is sanitized HTML."""
        self.ensure_one()
        self_lang = self.with_context(lang=self._invitation_lang())
        letter = self_lang.template_id.letter or Markup()
        replacements = {
            self_lang.env._("[employee name]"): self.employee_id.name,
            self_lang.env._("[organisation]"): self.company_id.name,
        }
        for placeholder, value in replacements.items():
            letter = letter.replace(escape(placeholder), escape(value or ""))
        return Markup(letter)

    def _privacy_notice(self):
        """Who reads what and for how long, under the company's settings and in the
        employee's language, as paragraphs: the company's own text adds to them and
        never replaces them."""
        self.ensure_one()
        self_lang = self.with_context(lang=self._invitation_lang())
        company = self_lang.company_id
        _ = self_lang.env._
        paragraphs = [
            _(
                "Your interviewer, %(interviewer)s, reads your answers, and so do the "
                "exit interview officers of %(company)s, the HR staff who organise "
                "exit interviews.",
                interviewer=self.interviewer_id.name,
                company=company.name,
            ),
            _(
                "Your manager and your coach may read them if they are exit interview "
                "officers themselves."
            )
            if company.exit_interview_manager_officer_access
            else _(
                "Your manager and your coach do not read them, unless one of them is "
                "your interviewer."
            ),
            _(
                "The board reads a short report of the conversation, written by the "
                "interviewer, to improve the organisation and its HR policy. The "
                "board reads your answers only if you agree below; you can change "
                "your choice until you submit your answers."
            ),
            _(
                "Your answers and the report are kept for %(months)s months after your "
                "last working day; after that only anonymous statistics remain.",
                months=company.exit_interview_retention_months,
            ),
        ]
        if company.exit_interview_privacy_notice:
            paragraphs.append(company.exit_interview_privacy_notice)
        return paragraphs

    def _portal_check_answers(self, answers):
        """Validate answers posted by the employee: {line id: text}. Raise UserError
        with a message for the employee; nothing is stored then."""
        self.ensure_one()
        if not self._portal_is_open():
            raise UserError(
                self.env._(
                    "Your answers were already submitted, or you chose not to take "
                    "part: they can no longer change."
                )
            )
        lines = {line.id: line for line in self.line_ids}
        values = {}
        for line_id, answer in answers.items():
            line = lines.get(line_id)
            if not line:
                raise UserError(
                    self.env._("One of the answers does not belong to your questions.")
                )
            answer = _clean_text(answer)
            if len(answer) > ANSWER_MAX_LENGTH:
                raise UserError(
                    self.env._(
                        "An answer is longer than %(limit)s characters: please "
                        "shorten it. The interviewer will gladly hear more in the "
                        "conversation.",
                        limit=ANSWER_MAX_LENGTH,
                    )
                )
            values[line] = line._portal_answer_values(answer)
        return values

    def _portal_record_choices(self, acknowledged, board_consent):
        """The notice is read before the first answer; the choice whether the board
        may read the answers is kept with its moment, its language and the notice
        exactly as the employee read it."""
        self.ensure_one()
        if not self.notice_acknowledged_on and not acknowledged:
            raise UserError(
                self.env._(
                    "Please confirm that you have read who reads your answers and how "
                    "long they are kept."
                )
            )
        board_consent = bool(board_consent)
        if self.notice_acknowledged_on and board_consent == self.board_consent:
            return
        now = fields.Datetime.now()
        values = {
            "notice_text": "\n\n".join(self._privacy_notice()),
            "notice_lang": self._invitation_lang(),
            "board_consent": board_consent,
            "board_consent_on": now,
        }
        if not self.notice_acknowledged_on:
            values["notice_acknowledged_on"] = now
        if not board_consent:
            values["report_include_answers"] = False
        self.sudo().write(values)

    def _portal_save_answers(self, answers):
        """Store the employee's answers; callers checked the token or the owner."""
        for line, values in self._portal_check_answers(answers).items():
            line.write(values)

    def _portal_submit_answers(self, answers):
        """Store the answers, hand them to the interviewer and mail the employee a
        copy: once submitted, the link no longer opens them."""
        self._portal_save_answers(answers)
        self._write_state("prepared")
        self.answers_submitted_on = fields.Datetime.now()
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=self.interviewer_id.id,
            summary=self.env._("Prepare the exit interview: the answers are in"),
        )
        self.message_post(
            body=self.env._(
                "%(employee)s submitted the answers to the preparatory questions.",
                employee=self.employee_id.name,
            ),
            author_id=self.employee_id.work_contact_id.id,
            email_from=self._portal_email_from(),
            partner_ids=self.interviewer_id.partner_id.ids,
            subtype_xmlid="mail.mt_note",
        )
        return self._mail_answers_copy()

    def _mail_answers_copy(self):
        """Mail the employee's answers as a PDF to the address the link was sent to;
        returns that address, or False when the questions went out on paper or the
        mail could not go (the answers are submitted all the same)."""
        self.ensure_one()
        email = self._latest_sending().email
        if not email:
            return False
        pdf, _type = (
            self.env["ir.actions.report"]
            .sudo()
            .with_context(lang=self._invitation_lang())
            ._render_qweb_pdf(
                "hr_exit_interview.action_report_exit_interview_answers", self.ids
            )
        )
        try:
            with self.env.cr.savepoint():
                self._send_private_mail(
                    "hr_exit_interview.mail_template_exit_interview_answers",
                    email,
                    attachments=[(f"{self._get_report_base_filename()}.pdf", pdf)],
                )
        except UserError:
            return False
        return email

    def _portal_decline(self, reason):
        reason = _clean_text(reason)
        if len(reason) > ANSWER_MAX_LENGTH:
            raise UserError(
                self.env._(
                    "The reason is longer than %(limit)s characters: please "
                    "shorten it.",
                    limit=ANSWER_MAX_LENGTH,
                )
            )
        if not self._portal_is_open():
            raise UserError(
                self.env._("You can no longer decline: your answers were submitted.")
            )
        self._write_state("declined")
        self.decline_reason = reason or False
        officers = self.message_partner_ids
        self.message_post(
            body=self.env._(
                "%(employee)s prefers not to take part in the exit interview.",
                employee=self.employee_id.name,
            ),
            author_id=self.employee_id.work_contact_id.id,
            email_from=self._portal_email_from(),
            partner_ids=officers.ids,
            subtype_xmlid="mail.mt_note",
        )

    @api.model
    def _cron_send_reminders(self):
        """Remind once, at the address the link was sent to, the employees who have
        not answered when the meeting is near; the reminder carries a new link."""
        now = fields.Datetime.now()
        waiting = self.search(
            [
                ("state", "=", "invited"),
                ("reminder_sent", "=", False),
                ("planned_start", ">", now),
            ]
        )
        reminded = waiting.filtered(
            lambda interview: interview.planned_start
            <= now + timedelta(days=interview.company_id.exit_interview_reminder_days)
            and interview._latest_sending()
        )
        sent = self.browse()
        for interview in reminded:
            sending = interview._latest_sending()
            try:
                with self.env.cr.savepoint():
                    interview._send_employee_link(
                        sending.email, sending.user_id, "reminder"
                    )
            except UserError:
                continue  # the next run tries again
            sent |= interview
        sent.write({"reminder_sent": True})
        return sent
