# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.misc import format_datetime

from .hr_exit_interview import SHARED_REPORT_FIELDS
from .hr_exit_interview_portal import (
    PORTAL_SESSION,
    _clean_text,
    _digest_matches,
    _token_digest,
    mask_email,
)

# The employee's reading of the short report before the board reads it, and what
# they answered: written by the share, the reading page and the job only.
READ_FIRST_FIELDS = {
    "report_reading_token_digest",
    "report_reading_session_digest",
    "report_reading_session_expires",
    "report_reading_used_digest",
    "report_reading_ended_digest",
    "report_reading_ended_session_digest",
    "report_reading_until",
    "employee_report_outcome",
    "employee_report_answered_on",
    "employee_report_comment",
}
READ_FIRST_CRON = "hr_exit_interview.ir_cron_exit_interview_report_reading"
READ_FIRST_TEMPLATE = "hr_exit_interview.mail_template_exit_interview_report_reading"
# The short report as the employee reads it.
REPORT_TEXT_FIELDS = (
    "report_summary",
    "reasons_for_leaving",
    "advice_for_successor",
    "strengths",
    "points_to_improve",
)
# A comment is a few lines for the board, never an unbounded payload.
COMMENT_MAX_LENGTH = 4000
# Interviews the job looks at per run: the others wait for the next one.
READ_FIRST_BATCH = 50


class HrExitInterview(models.Model):
    _inherit = "hr.exit.interview"

    # The employee's own link to the short report, kept as digests like the link
    # of the questions: exchanged on its first visit for a session of the browser.
    report_reading_token_digest = fields.Char(groups="base.group_system", copy=False)
    report_reading_session_digest = fields.Char(groups="base.group_system", copy=False)
    report_reading_session_expires = fields.Datetime(
        groups="base.group_system", copy=False
    )
    report_reading_used_digest = fields.Char(groups="base.group_system", copy=False)
    # The link and session of a reading that ended: their page says so.
    report_reading_ended_digest = fields.Char(groups="base.group_system", copy=False)
    report_reading_ended_session_digest = fields.Char(
        groups="base.group_system", copy=False
    )
    report_reading_until = fields.Datetime(
        string="Employee Reads the Report Until",
        copy=False,
        readonly=True,
        groups="hr_exit_interview.group_exit_interview_interviewer",
        help="The employee reads the short report before the board: it goes to the "
        "board when they answer, or at this moment without an answer.",
    )
    employee_report_outcome = fields.Selection(
        [
            ("agreed", "Agreed"),
            ("commented", "Commented"),
            ("no_answer", "No Answer"),
        ],
        string="Employee's Reading",
        copy=False,
        readonly=True,
        groups="hr_exit_interview.group_exit_interview_officer,"
        "hr_exit_interview.group_exit_interview_board",
    )
    employee_report_answered_on = fields.Datetime(
        string="Employee Answered On",
        copy=False,
        readonly=True,
        groups="hr_exit_interview.group_exit_interview_officer,"
        "hr_exit_interview.group_exit_interview_board",
    )
    employee_report_comment = fields.Text(
        string="Employee's Comment on the Report",
        copy=False,
        readonly=True,
        groups="hr_exit_interview.group_exit_interview_officer,"
        "hr_exit_interview.group_exit_interview_board",
        help="What the employee wants the board to know about the short report, "
        "written on their reading page before the report was shared.",
    )

    # For the form's buttons and notice, which every reader of the form loads.
    report_reading_waiting = fields.Boolean(
        compute="_compute_report_reading_waiting", compute_sudo=True
    )

    @api.depends("report_reading_until")
    def _compute_report_reading_waiting(self):
        for interview in self:
            interview.report_reading_waiting = bool(interview.report_reading_until)

    # === CORE METHODS OVERRIDES === #

    @api.model
    def _odoo_only_fields(self):
        return super()._odoo_only_fields() | READ_FIRST_FIELDS

    def _check_shared_report_unchanged(self, vals):
        # The employee reads the report as the board will: it waits unchanged.
        result = super()._check_shared_report_unchanged(vals)
        waiting = self.filtered(lambda interview: interview.sudo().report_reading_until)
        if waiting and SHARED_REPORT_FIELDS & vals.keys():
            raise UserError(
                self.env._(
                    "The employee is reading the short report before the board: it "
                    "can no longer change. It goes to the board when they answer, or "
                    "on %(moment)s.",
                    moment=format_datetime(
                        self.env,
                        waiting[:1].sudo().report_reading_until,
                        tz=self.env.user.tz,
                        dt_format="short",
                    ),
                )
            )
        return result

    def _on_state_changed(self, state):
        # Any new status ends the reading: shared, the report is the board's;
        # cancelled, there is nothing left to read.
        result = super()._on_state_changed(state)
        self._report_reading_end()
        return result

    # === BUSINESS METHODS === #

    def _report_read_first(self):
        """The interviews of self whose employee reads the short report before the
        board (their company asks it and the link was mailed to them once)."""
        return self.filtered(
            lambda interview: interview.company_id.exit_interview_report_read_first
            and interview._latest_sending()
        )

    def _report_reading_ask(self):
        """Share hook: mail each interview's employee a link to the short report
        when their company asks it, and return the interviews to share now."""
        waiting = self.filtered(lambda interview: interview.sudo().report_reading_until)
        if waiting:
            raise UserError(
                self.env._(
                    "%(employee)s is reading the short report: it goes to the board "
                    "when they answer, or without an answer on the date shown on the "
                    "interview.",
                    employee=waiting[0].employee_id.name,
                )
            )
        reading = self._report_read_first()
        for interview in reading:
            interview._report_reading_send()
        return self - reading

    def _report_reading_send(self):
        """Mail the employee, to the address of the latest sending and in their
        language, a link of its own to the short report; callers checked the
        interviewer (the share action)."""
        self.ensure_one()
        interview = self.sudo()
        sending = interview._latest_sending()
        token = secrets.token_urlsafe(32)
        days = self.company_id.exit_interview_report_read_first_days
        until = fields.Datetime.now() + timedelta(days=max(days, 1))
        interview.with_context(mail_notrack=True).write(
            {
                "report_reading_token_digest": _token_digest(token),
                "report_reading_session_digest": False,
                "report_reading_session_expires": False,
                "report_reading_used_digest": False,
                "report_reading_ended_digest": False,
                "report_reading_ended_session_digest": False,
                "report_reading_until": until,
                "employee_report_outcome": False,
                "employee_report_answered_on": False,
                "employee_report_comment": False,
            }
        )
        self._send_private_mail(
            READ_FIRST_TEMPLATE, sending.email, link=self._report_reading_url(token)
        )
        in_lang = self._in_reader_lang()
        in_lang.message_post(
            body=in_lang.env._(
                "The short report was sent to %(address)s to read before the board.",
                address=mask_email(sending.email),
            ),
            subtype_xmlid="mail.mt_note",
        )

    def _report_reading_until_display(self):
        """When the report goes to the board without an answer, as a person writes
        it, in the employee's language and time zone: "Friday 11 December 2026"."""
        self.ensure_one()
        return format_datetime(
            self.env,
            self.sudo().report_reading_until,
            tz=self._employee_tz(),
            dt_format="EEEE d MMMM y",
            lang_code=self._leaver_lang(),
        )

    def _report_reading_url(self, token=None):
        self.ensure_one()
        url = f"{self.get_base_url()}/my/exit-interviews/{self.id}/report"
        return f"{url}?access_token={token}" if token else url

    @api.model
    def _report_reading_find(self, interview_id, access_token=None, session=None):
        """The interview in superuser mode whose reading the link or the session
        opens while the employee reads; an empty recordset otherwise."""
        interview = self.sudo().browse(interview_id).exists()
        if not (
            interview
            and interview.active
            and not interview.anonymised_on
            and interview.state == "held"
            and interview.report_reading_until
            and (
                _digest_matches(interview.report_reading_token_digest, access_token)
                or (
                    interview.report_reading_session_expires
                    and interview.report_reading_session_expires > fields.Datetime.now()
                    and _digest_matches(
                        interview.report_reading_session_digest, session
                    )
                )
            )
        ):
            return self.browse()
        return interview

    @api.model
    def _report_reading_find_ended(self, interview_id, access_token=None, session=None):
        """The interview whose reading this link or session was, once it ended or
        once the link was opened (in another browser): its page says so and shows
        nothing of the report."""
        interview = self.sudo().browse(interview_id).exists()
        if not interview or interview.anonymised_on:
            return self.browse()
        ended = not interview.report_reading_until and (
            _digest_matches(interview.report_reading_ended_digest, access_token)
            or _digest_matches(interview.report_reading_ended_session_digest, session)
        )
        if ended or _digest_matches(interview.report_reading_used_digest, access_token):
            return interview
        return self.browse()

    def _report_reading_texts(self):
        """What the employee reads: the short report's texts, each with its label in
        the reader's language; never the notes, the checklist nor the board's."""
        self.ensure_one()
        interview = self.sudo()
        return [
            (
                interview._fields[name].get_description(self.env)["string"],
                interview[name],
            )
            for name in REPORT_TEXT_FIELDS
            if interview[name]
        ]

    def _report_reading_open_session(self):
        """Exchange the link, on its first visit, for a session of this browser;
        returns the session's secret, for the cookie."""
        self.ensure_one()
        secret = secrets.token_urlsafe(32)
        interview = self.sudo()
        interview.with_context(mail_notrack=True).write(
            {
                "report_reading_used_digest": interview.report_reading_token_digest,
                "report_reading_token_digest": False,
                "report_reading_session_digest": _token_digest(secret),
                "report_reading_session_expires": fields.Datetime.now()
                + PORTAL_SESSION,
            }
        )
        return secret

    def _report_reading_answer(self, agreed, comment=""):
        """The employee's answer on the reading page: Agree (a comment typed too is
        kept) or Comment, which needs one. The report then goes to the board."""
        self.ensure_one()
        # Plain text, shown escaped wherever it is read.
        comment = _clean_text(comment if isinstance(comment, str) else "")
        if not agreed and not comment:
            raise UserError(
                self.env._(
                    "Write what you want the board to know in the comment field, or "
                    "choose Agree."
                )
            )
        if len(comment) > COMMENT_MAX_LENGTH:
            raise UserError(
                self.env._(
                    "Your comment is longer than %(limit)s characters: shorten it, "
                    "then send it again.",
                    limit=COMMENT_MAX_LENGTH,
                )
            )
        self._report_reading_lock()
        interview = self.sudo()
        if interview.state != "held" or not interview.report_reading_until:
            raise UserError(
                self.env._("The report was already shared: your answer came too late.")
            )
        interview.with_context(mail_notrack=True).write(
            {
                "employee_report_outcome": "agreed" if agreed else "commented",
                "employee_report_comment": comment or False,
                "employee_report_answered_on": fields.Datetime.now(),
            }
        )
        interview._report_reading_share()

    def _report_reading_share(self):
        """Hand the report to the board once the employee answered or the days
        passed, in the interviewer's name, whose report it is (the board's notice
        and the note come from them, as when they share it themselves); the
        reading ends with the new status (_on_state_changed)."""
        for interview in self.sudo():
            interview = interview.with_user(interview.interviewer_id).sudo()
            in_lang = interview._in_reader_lang()
            _ = in_lang.env._
            in_lang.message_post(
                body=_("The employee read the short report before the board.")
                if interview.employee_report_outcome in ("agreed", "commented")
                else _(
                    "The employee did not answer in time: the short report went to "
                    "the board without their reading."
                ),
                subtype_xmlid="mail.mt_note",
            )
            interview._write_state("shared")
            interview._notify_board()

    def _report_reading_end(self):
        """The reading's link and session stop working; their page says it ended."""
        interviews = self.sudo().filtered(
            lambda interview: interview.report_reading_until
            or interview.report_reading_session_digest
            or interview.report_reading_token_digest
        )
        for interview in interviews:
            interview.with_context(mail_notrack=True).write(
                {
                    "report_reading_ended_digest": interview.report_reading_used_digest
                    or interview.report_reading_token_digest,
                    "report_reading_ended_session_digest": (
                        interview.report_reading_session_digest
                    ),
                    "report_reading_token_digest": False,
                    "report_reading_used_digest": False,
                    "report_reading_session_digest": False,
                    "report_reading_session_expires": False,
                    "report_reading_until": False,
                }
            )

    def _report_reading_lock(self):
        """Hold the interview until the transaction ends: the answer and the job
        never share the same report twice."""
        self.ensure_one()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id = %s FOR NO KEY UPDATE",
                SQL.identifier(self._table),
                self.id,
            ),
            log_exceptions=False,
        )
        self.invalidate_recordset()

    @api.model
    def _cron_share_unread_reports(self):
        """Share the reports whose employee did not answer in time. Safe when two
        processes run it at once: each interview is locked, then checked again."""
        domain = [
            ("state", "=", "held"),
            ("report_reading_until", "!=", False),
            ("report_reading_until", "<=", fields.Datetime.now()),
        ]
        candidates = self.sudo().search(domain, order="id", limit=READ_FIRST_BATCH)
        shared = self.browse()
        for interview in candidates._lock_for_job().filtered_domain(domain):
            interview.with_context(mail_notrack=True).write(
                {"employee_report_outcome": "no_answer"}
            )
            interview._report_reading_share()
            shared |= interview
        remaining = self.sudo().search_count(domain)
        if remaining:
            self.env["ir.cron"]._notify_progress(done=len(shared), remaining=remaining)
        return shared
