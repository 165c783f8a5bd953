# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import secrets
from datetime import timedelta

from babel.units import format_unit
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import babel_locale_parse, format_datetime

from .hr_exit_interview import OFFICER_GROUP
from .hr_exit_interview_portal import _token_digest, mask_email

SEND_IN_TIME = "hr_exit_interview.mail_activity_type_send_questions"
ANSWERS_COPY_CRON = "hr_exit_interview.ir_cron_exit_interview_answers_copy"
# Due copies the job looks at to find one that no other process is mailing.
ANSWERS_COPY_CANDIDATES = 10
# What writing to the departing employee reads of them.
EMPLOYEE_CONTACT_FIELDS = [
    "name",
    "lang",
    "tz",
    "user_id",
    "work_contact_id",
    "private_email",
    "work_email",
]


class HrExitInterview(models.Model):
    """What goes to the departing employee by mail: the letter with its notice and
    personal link, the reminder, the copy of the answers; each sending logged."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

    questions_late_notified = fields.Boolean(readonly=True, copy=False)

    # === BUSINESS METHODS === #

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
        interview = self._in_reader_lang()
        _ = interview.env._
        interview.message_post(
            body=_("A reminder was sent to %(address)s.", address=address)
            if kind == "reminder"
            else _("The questions were sent to %(address)s.", address=address),
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

    def _queue_answers_copy(self):
        """Have the job mail the employee a copy of the submitted answers, to the
        address the link was sent to: the PDF takes about a second of CPU, which
        the employee's submit does not wait for. Returns that address, or False
        when the link was never mailed."""
        self.ensure_one()
        email = self._latest_sending().email
        if email:
            self.sudo().answers_copy_due = True
            # An administrator may have removed the job: the submit goes on, and
            # the copy waits for it.
            job = self.env.ref(ANSWERS_COPY_CRON, raise_if_not_found=False)
            if job:
                job.sudo()._trigger()
        return email

    def _mail_answers_copy(self):
        """Mail the employee's answers as a PDF to the address the link was sent to;
        False when the mail could not go."""
        self.ensure_one()
        email = self._latest_sending().email
        if not email:
            return True
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
        return True

    @api.model
    def _cron_mail_answers_copies(self):
        """Mail the copy of one interview's submitted answers per transaction: the
        mail leaves before the transaction commits, so that a failure after it
        (PostgreSQL restarting) could only mail that one again. Returns the
        interview whose copy went."""
        domain = [("answers_copy_due", "=", True), ("anonymised_on", "=", False)]
        # The same job may run in another process at this moment: each copy goes
        # once, and each process takes the first one no other process holds.
        for candidate in self.search(domain, order="id", limit=ANSWERS_COPY_CANDIDATES):
            interview = candidate._lock_for_job().filtered("answers_copy_due")
            if interview:
                break
        else:
            return self.browse()
        if not interview._mail_answers_copy():
            return self.browse()  # the mail server refused: the next run tries again
        interview.sudo().answers_copy_due = False
        self.env["ir.cron"]._notify_progress(
            done=1, remaining=self.search_count(domain)
        )
        return interview

    def _check_can_invite(self):
        for interview in self:
            if not interview.line_ids:
                raise UserError(
                    self.env._(
                        "Add at least one question before inviting %(employee)s.",
                        employee=interview.employee_id.name,
                    )
                )

    def _employee_contact(self):
        """The departing employee in superuser mode, with what writing to them reads
        fetched alone: a first read of hr.employee otherwise fetches its hundred
        columns, which costs more than the rest of the employee's page."""
        employee = self.employee_id.sudo()
        employee.fetch(EMPLOYEE_CONTACT_FIELDS)
        return employee

    def _invitation_email(self):
        """The employee's private email, else the work email: the link is personal."""
        employee = self._employee_contact()
        return employee.private_email or employee.work_email

    def _invitation_user(self):
        """The employee's own user, if any: the internal one, else the portal user of
        the work contact."""
        employee = self._employee_contact()
        return employee.user_id or employee.work_contact_id.user_ids[:1]

    def _invitation_lang(self):
        """The employee's language: the one HR set on the employee, else their
        user's, else their contact's; whoever writes to them."""
        employee = self._employee_contact()
        return (
            employee.lang
            or employee.user_id.lang
            or employee.work_contact_id.lang
            or self.env.lang
        )

    def _employee_tz(self):
        """The time zone the employee reads times in: the meeting's hour, the last
        save on the portal."""
        return self._employee_contact().tz or self.interviewer_id.tz or "UTC"

    def _letter_meeting_day(self):
        """The meeting's day as a person writes it, in the employee's language and
        time zone: "Friday 11 December 2026"."""
        self.ensure_one()
        return format_datetime(
            self.env,
            self.planned_start,
            tz=self._employee_tz(),
            dt_format="EEEE d MMMM y",
            lang_code=self._invitation_lang(),
        )

    def _letter_meeting_time(self):
        """The meeting's hour in the employee's time zone: "10:00"."""
        self.ensure_one()
        return format_datetime(
            self.env,
            self.planned_start,
            tz=self._employee_tz(),
            dt_format="HH:mm",
            lang_code=self._invitation_lang(),
        )

    def _letter_meeting_duration(self):
        """The meeting's length in words, to the half hour: "two hours"."""
        self.ensure_one()
        lang = self._invitation_lang()
        _ = self.with_context(lang=lang).env._
        hours = round(self.duration * 2) / 2
        words = {
            1.0: _("one hour"),
            1.5: _("an hour and a half"),
            2.0: _("two hours"),
            2.5: _("two and a half hours"),
            3.0: _("three hours"),
        }
        if hours in words:
            return words[hours]
        return format_unit(
            max(hours, 0.5), "duration-hour", locale=babel_locale_parse(lang)
        )

    def _meeting_sentence(self):
        """The planned meeting in one sentence, written as the letter writes it, in
        the employee's language and time zone: the employee's page says it so."""
        self.ensure_one()
        return self.with_context(lang=self._invitation_lang()).env._(
            "Meeting planned on %(day)s at %(time)s, for about %(duration)s.",
            day=self._letter_meeting_day(),
            time=self._letter_meeting_time(),
            duration=self._letter_meeting_duration(),
        )

    def _render_letter(self):
        """The template's letter with the employee's and organisation's names, in the
        employee's language; the names are escaped, the letter is sanitized HTML."""
        self.ensure_one()
        self_lang = self.with_context(lang=self._invitation_lang())
        letter = self_lang.template_id.letter or Markup()
        replacements = {
            self_lang.env._(
                "[employee name]"
            ): self._employee_contact()._exit_interview_greeting_name(),
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
                "If you agree below, the advice for your successor from that report, "
                "and nothing else, is passed on to whoever takes up your job, without "
                "your name."
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
        # The same job may run in another process at this moment: each reminder
        # goes once.
        reminded = reminded._lock_for_job().filtered(
            lambda interview: interview.state == "invited"
            and not interview.reminder_sent
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

    @api.model
    def _cron_ask_to_send_questions(self):
        """The guide: send the preparatory questions in time. Once per interview, the
        officer who owns a draft whose meeting is nearer than the company's delay
        gets a to-do (the interviewer, when that officer is gone)."""
        now = fields.Datetime.now()
        drafts = self.search(
            [
                ("state", "=", "draft"),
                ("questions_late_notified", "=", False),
                ("planned_start", ">", now),
            ]
        )
        late = drafts.filtered(
            lambda interview: interview.planned_start
            <= now
            + timedelta(days=interview.company_id.exit_interview_questions_days_before)
        )
        for interview in late:
            owner = interview.create_uid
            if not (
                owner.active and not owner.share and owner.has_group(OFFICER_GROUP)
            ):
                owner = interview.interviewer_id
            interview.activity_schedule(SEND_IN_TIME, user_id=owner.id)
        late.write({"questions_late_notified": True})
        return late

    def _close_send_in_time_todo(self, done):
        """The officer's to-do to send the questions in time ends: done with the
        sending, gone with an interview that will not take place."""
        if done:
            self.sudo().activity_feedback([SEND_IN_TIME])
        else:
            self.sudo().activity_unlink([SEND_IN_TIME])
