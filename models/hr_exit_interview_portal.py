# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid
from datetime import timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .hr_exit_interview import HELD_STATES, OFFICER_GROUP

# What the employee sees: interviews whose questions were sent.
PORTAL_STATES = ("invited", "prepared", *HELD_STATES, "declined")

# Once submitted, declined or cancelled, the link sent to the employee stops working.
TOKEN_ROTATING_STATES = ("prepared", "declined", "cancelled")

# A generous limit: a page of text per answer, and no unbounded payload.
ANSWER_MAX_LENGTH = 10000


def _clean_text(text):
    """Text typed by the employee, trimmed and without NUL characters, which no
    browser sends and PostgreSQL cannot store."""
    return (text or "").replace("\x00", "").strip()


class HrExitInterview(models.Model):
    """The departing employee's side: the personal link and its checks, the letter,
    the answers given on the portal, the reminder."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

    # The employee's personal link: only officers, who send it, may read it.
    access_token = fields.Char(groups=OFFICER_GROUP)
    notice_acknowledged_on = fields.Datetime(
        string="Notice Read On",
        readonly=True,
        copy=False,
        help="When the employee confirmed reading who reads what and how long it "
        "is kept.",
    )
    answers_submitted_on = fields.Datetime(readonly=True, copy=False)
    reminder_sent = fields.Boolean(readonly=True, copy=False)

    # === COMPUTE METHODS === #

    def _compute_access_url(self):
        for interview in self:
            interview.access_url = f"/my/exit-interviews/{interview.id}"

    # === CRUD METHODS === #

    def write(self, vals):
        result = super().write(vals)
        if vals.get("state") in TOKEN_ROTATING_STATES:
            self._rotate_access_token()
        return result

    # === ACTION METHODS === #

    def action_send_questions(self):
        """Open the mail composer with the invitation and the personal portal link."""
        self.ensure_one()
        self._check_officer()
        self._check_transition("invited")
        self._check_can_invite()
        self._rotate_access_token()
        if not self._invitation_email():
            raise UserError(
                self.env._(
                    "%(employee)s has neither a private nor a work email address: "
                    "add one on the employee's record, or hand the questions over "
                    "on paper and mark them as sent.",
                    employee=self.employee_id.name,
                )
            )
        template = self.env.ref(
            "hr_exit_interview.mail_template_exit_interview_invitation"
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": "mail.mail_notification_light",
                "mark_exit_interview_invited": True,
            },
        }

    # === CORE METHODS OVERRIDES === #

    def _get_share_url(
        self, redirect=False, signup_partner=False, pid=None, share_token=True
    ):
        # A shared link carries the employee's token: only officers hand it out
        # (the Share action, mail links); the invitation itself goes through them too.
        if not self.env.su and not self.env.user.has_group(OFFICER_GROUP):
            raise AccessError(
                self.env._(
                    "Only exit interview officers can share an interview's link."
                )
            )
        return super()._get_share_url(
            redirect=redirect,
            signup_partner=signup_partner,
            pid=pid,
            share_token=share_token,
        )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._(
            "Exit interview answers - %(employee)s",
            employee=self.employee_id.name or "",
        )

    # === BUSINESS METHODS === #

    def _portal_is_open(self):
        """The employee may still change the answers."""
        return self.state == "invited"

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

    def _privacy_notice(self):
        """Who reads what and how long it is kept, in the employee's language."""
        self.ensure_one()
        self_lang = self.with_context(lang=self._invitation_lang())
        company = self_lang.company_id
        return company.exit_interview_privacy_notice or self_lang.env._(
            "Only your interviewer reads your answers. A short report of the "
            "conversation goes to the board, which uses it to improve the "
            "organisation and its HR policy. Your answers and the report are kept "
            "for %(months)s months after your last working day; after that only "
            "anonymous statistics remain.",
            months=company.exit_interview_retention_months,
        )

    def _portal_acknowledge_notice(self, acknowledged):
        """The notice is read before the first answer; the moment is kept."""
        if self.notice_acknowledged_on:
            return
        if not acknowledged:
            raise UserError(
                self.env._(
                    "Please confirm that you have read who reads your answers and how "
                    "long they are kept."
                )
            )
        self.notice_acknowledged_on = fields.Datetime.now()

    def _portal_save_answers(self, answers):
        """Store the employee's answers; callers checked the token or the owner."""
        for line, values in self._portal_check_answers(answers).items():
            line.write(values)

    def _portal_submit_answers(self, answers):
        self._portal_save_answers(answers)
        self.write({"state": "prepared", "answers_submitted_on": fields.Datetime.now()})
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
            partner_ids=self.interviewer_id.partner_id.ids,
            subtype_xmlid="mail.mt_note",
        )

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
        self.write({"state": "declined", "decline_reason": reason or False})
        officers = self.message_partner_ids
        self.message_post(
            body=self.env._(
                "%(employee)s prefers not to take part in the exit interview.",
                employee=self.employee_id.name,
            ),
            author_id=self.employee_id.work_contact_id.id,
            partner_ids=officers.ids,
            subtype_xmlid="mail.mt_note",
        )

    def _rotate_access_token(self):
        """A new personal link: the one sent before stops working. Callers hold the
        right to change the interview."""
        self.check_access("write")
        for interview in self.sudo():
            interview.access_token = str(uuid.uuid4())

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

    def _is_owned_by(self, user):
        """Whether the user is the departing employee of this interview."""
        self.ensure_one()
        employee = self.employee_id.sudo()
        return bool(
            user
            and not user._is_public()
            and (
                employee.user_id == user or employee.work_contact_id == user.partner_id
            )
        )

    @api.model
    def _cron_send_reminders(self):
        """Remind once the employees who have not answered when the meeting is near."""
        now = fields.Datetime.now()
        template = self.env.ref(
            "hr_exit_interview.mail_template_exit_interview_reminder"
        )
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
        )
        for interview in reminded:
            template.send_mail(
                interview.id, email_layout_xmlid="mail.mail_notification_light"
            )
        reminded.write({"reminder_sent": True})
        return reminded
