# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import datetime, time, timedelta

import psycopg2
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from .hr_exit_interview import OFFICER_GROUP
from .hr_exit_interview_portal import mask_email

_logger = logging.getLogger(__name__)

ANONYMISE_CRON = "hr_exit_interview.ir_cron_exit_interview_anonymise"
RETENTION_ACTIVITY = "hr_exit_interview.mail_activity_type_exit_interview_retention"
# The date the search of anonymise_on compares with, per operator.
DATE_OPERATORS = ("<", "<=", ">", ">=", "=")


class HrExitInterview(models.Model):
    """Data governance an officer can answer for (GDPR art. 5(2), 15 to 18): when
    each interview will be anonymised, legal holds that keep it, the erasure log,
    and the leaver's own requests (access, rectification, restriction, erasure).
    Everything here is the officers' alone."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

    anonymise_on = fields.Date(
        string="To Be Anonymised On",
        compute="_compute_anonymise_on",
        search="_search_anonymise_on",
        groups=OFFICER_GROUP,
        help="The day the anonymisation job erases this interview, by its company's "
        "retention period; a legal hold keeps it longer.",
    )
    # The legal hold: written by the hold window only (see _odoo_only_fields).
    legal_hold = fields.Boolean(
        readonly=True, copy=False, groups=OFFICER_GROUP, tracking=False
    )
    legal_hold_reason = fields.Text(
        string="Reason for the Hold", readonly=True, copy=False, groups=OFFICER_GROUP
    )
    legal_hold_until = fields.Date(
        string="On Hold Until",
        readonly=True,
        copy=False,
        groups=OFFICER_GROUP,
        help="Empty: until an officer lifts the hold.",
    )
    legal_hold_user_id = fields.Many2one(
        "res.users",
        string="Hold Placed By",
        readonly=True,
        copy=False,
        groups=OFFICER_GROUP,
    )
    legal_hold_date = fields.Datetime(
        string="Hold Placed On", readonly=True, copy=False, groups=OFFICER_GROUP
    )
    # The leaver's requests, recorded by officers; a granted restriction keeps the
    # interview from the board until it is lifted.
    request_ids = fields.One2many(
        "hr.exit.interview.request",
        "interview_id",
        string="Requests of the Employee",
        groups=OFFICER_GROUP,
        copy=False,
    )
    restricted = fields.Boolean(
        string="Processing Restricted",
        compute="_compute_restricted",
        store=True,
        readonly=True,
        copy=False,
        groups=OFFICER_GROUP,
        help="The employee asked to restrict the processing of their data (GDPR art. "
        "18) and the request was granted: the board does not read the interview, nor "
        "count it, until the restriction is lifted.",
    )

    # === COMPUTE METHODS === #

    @api.depends("last_working_day", "create_date", "company_id", "anonymised_on")
    @api.depends_context("uid")
    def _compute_anonymise_on(self):
        for interview in self:
            interview.anonymise_on = interview._anonymise_date()

    def _search_anonymise_on(self, operator, value):
        """Per company, the dates of departure (or of creation) that its retention
        period turns into the day searched."""
        if operator not in DATE_OPERATORS or not value:
            raise UserError(
                self.env._(
                    "Search the date of anonymisation with a date: before, after or "
                    "on a day."
                )
            )
        day = fields.Date.to_date(value)
        domain = []
        # Companies are few; each has its own retention period.
        for company in self.env["res.company"].sudo().search([]):  # pylint: disable=no-search-all
            # anonymise_on = day of departure + retention + 1 day (see _anonymise_date)
            departed = (
                day
                - timedelta(days=1)
                - relativedelta(months=company.exit_interview_retention_months)
            )
            created = datetime.combine(departed, time.min)
            created_next = created + timedelta(days=1)
            if operator == "=":
                undated = [
                    ("create_date", ">=", created),
                    ("create_date", "<", created_next),
                ]
            elif operator in ("<", ">="):
                undated = [("create_date", operator, created)]
            else:
                undated = [
                    ("create_date", "<" if operator == "<=" else ">=", created_next)
                ]
            domain.append(
                [
                    "&",
                    "&",
                    ("company_id", "=", company.id),
                    ("anonymised_on", "=", False),
                    "|",
                    ("last_working_day", operator, departed),
                    "&",
                    ("last_working_day", "=", False),
                    *(["&"] * (len(undated) - 1)),
                    *undated,
                ]
            )
        if not domain:
            return [("id", "=", 0)]
        return ["|"] * (len(domain) - 1) + [term for part in domain for term in part]

    @api.depends("request_ids.kind", "request_ids.outcome")
    def _compute_restricted(self):
        for interview in self:
            interview.restricted = any(
                request.kind == "restriction" and request.outcome == "granted"
                for request in interview.sudo().request_ids
            )

    # === CRUD METHODS === #

    def unlink(self):
        # Deleting clears more than the anonymisation does: a line of the erasure
        # log each, as for it (the uninstall drops the log with the interviews).
        # Rights first: the line is written in superuser mode, and a refused caller
        # learns nothing of the interview from what that does.
        self.check_access("unlink")
        if not self._addon_uninstalling():
            log = self.env["hr.exit.interview.erasure.log"]
            log._log(self, "deleted", counts=log._cleared_counts(self))
        return super().unlink()

    # At uninstall too, see _addon_uninstalling.
    @api.ondelete(at_uninstall=True)
    def _unlink_except_legal_hold(self):
        # The hold that keeps an interview from the job keeps it from deletion too.
        if not self._addon_uninstalling() and self._on_legal_hold():
            raise UserError(
                self.env._(
                    "The interview is on legal hold: lift the hold first, if the "
                    "dispute allows it."
                )
            )

    # === BUSINESS METHODS === #

    @api.model
    def _addon_uninstalling(self):
        """Whether Odoo is uninstalling the addon. Its uninstall flag is a context
        key, which any RPC call may send: alone, it would delete past a legal hold
        and without a line in the erasure log. It counts while the addon is being
        removed only, which only an administrator starts."""
        return bool(self.env.context.get(MODULE_UNINSTALL_FLAG)) and bool(
            self.env["ir.module.module"]
            .sudo()
            .search_count(
                [("name", "=", "hr_exit_interview"), ("state", "=", "to remove")],
                limit=1,
            )
        )

    @api.model
    def _odoo_only_fields(self):
        # The hold and the restriction: set and lifted by officers through their
        # windows and the requests, never written as values.
        return super()._odoo_only_fields() | {
            "legal_hold",
            "legal_hold_reason",
            "legal_hold_until",
            "legal_hold_user_id",
            "legal_hold_date",
            "restricted",
        }

    def _anonymise_date(self):
        """The first day the anonymisation job finds the interview expired (it
        anonymises what ended more than the retention period before today)."""
        self.ensure_one()
        if self.anonymised_on:
            return False
        start = self.last_working_day or (self.create_date and self.create_date.date())
        if not start:
            return False
        months = self.company_id.exit_interview_retention_months
        return start + relativedelta(months=months) + timedelta(days=1)

    def _check_governance_officer(self):
        if self.env.su:
            return
        if not self.env.user.has_group(OFFICER_GROUP):
            raise AccessError(
                self.env._(
                    "Only exit interview officers place holds, record the employee's "
                    "requests or erase an interview."
                )
            )
        self.check_access("write")

    def _on_legal_hold(self, today=None):
        """The interviews of self kept from the anonymisation today."""
        today = today or fields.Date.context_today(self)
        return self.sudo().filtered(
            lambda interview: interview.legal_hold
            and (not interview.legal_hold_until or interview.legal_hold_until >= today)
        )

    def _place_legal_hold(self, reason, until=False):
        self._check_governance_officer()
        if not (reason or "").strip():
            raise UserError(
                self.env._(
                    "Say why the interview is put on hold (a dispute, an inspection): "
                    "the reason is what the hold answers for."
                )
            )
        if until and until < fields.Date.context_today(self):
            raise UserError(
                self.env._(
                    "The hold ends in the past: choose a later date, or none to keep "
                    "the interview until an officer lifts the hold."
                )
            )
        if self.sudo().filtered("anonymised_on"):
            raise UserError(
                self.env._(
                    "The interview is already anonymised: there is nothing left to "
                    "keep."
                )
            )
        self.sudo().write(
            {
                "legal_hold": True,
                "legal_hold_reason": reason,
                "legal_hold_until": until,
                "legal_hold_user_id": self.env.user.id,
                "legal_hold_date": fields.Datetime.now(),
            }
        )
        self.env["hr.exit.interview.erasure.log"]._log(self, "hold_placed")

    def _lift_legal_hold(self):
        self._check_governance_officer()
        held = self.sudo().filtered("legal_hold")
        if not held:
            raise UserError(self.env._("The interview is not on hold."))
        self.env["hr.exit.interview.erasure.log"]._log(held, "hold_lifted")
        held.write(
            {
                "legal_hold": False,
                "legal_hold_reason": False,
                "legal_hold_until": False,
                "legal_hold_user_id": False,
                "legal_hold_date": False,
            }
        )

    def _without_legal_holds(self):
        """Self without the interviews on hold, which the job skips: each hold's
        first skip is logged (one line per hold, not per day)."""
        held = self._on_legal_hold()
        if held:
            log = self.env["hr.exit.interview.erasure.log"].sudo()
            logged = {
                (entry.interview_ref, entry.hold_date)
                for entry in log.search(
                    [("event", "=", "hold_skipped"), ("interview_ref", "in", held.ids)]
                )
            }
            log._log(
                held.filtered(
                    lambda interview: (interview.id, interview.legal_hold_date)
                    not in logged
                ),
                "hold_skipped",
            )
            _logger.info(
                "Exit interviews: %s kept on legal hold past their retention",
                len(held),
            )
        return self - held

    def _anonymise(self, erasure_reason=False):
        """Log each anonymisation, with what it cleared, before it clears it."""
        if not self:
            return
        user = self.env.user
        log = self.env["hr.exit.interview.erasure.log"]
        counts = log._cleared_counts(self)
        # The copies handed over on an access request hold everything; the
        # requests keep their kind, dates and outcome, not their details.
        requests = self.sudo().request_ids
        files = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [("res_model", "=", requests._name), ("res_id", "in", requests.ids)]
            )
        )
        for request in requests:
            counts[request.interview_id.id]["attachment_count"] = counts[
                request.interview_id.id
            ].get("attachment_count", 0) + len(
                files.filtered(lambda file, request=request: file.res_id == request.id)
            )
        files.unlink()
        requests.write({"note": False})
        result = super()._anonymise()
        # A hold ended by its date: its reason, which may name people, goes too.
        self.sudo().filtered("legal_hold").write(
            {
                "legal_hold": False,
                "legal_hold_reason": False,
                "legal_hold_until": False,
                "legal_hold_user_id": False,
                "legal_hold_date": False,
            }
        )
        log._log(
            self,
            "erased" if erasure_reason else "anonymised",
            counts=counts,
            erasure_reason=erasure_reason,
            user=user,
        )
        return result

    def _erase_now(self, reason):
        """Anonymise at once, at the employee's request or for another ground of
        art. 17, as the job does."""
        self._check_governance_officer()
        if not reason:
            raise UserError(
                self.env._("Choose the ground of the erasure: the log keeps it.")
            )
        if self.sudo().filtered("anonymised_on"):
            raise UserError(self.env._("The interview is already anonymised."))
        if self._on_legal_hold():
            raise UserError(
                self.env._(
                    "The interview is on legal hold: lift the hold first, if the "
                    "dispute allows it."
                )
            )
        self._anonymise(erasure_reason=reason)

    # The retention list ahead

    @api.model
    def _retention_ahead_domain(self, company):
        days = company.exit_interview_retention_notice_days
        return [
            ("company_id", "=", company.id),
            ("anonymised_on", "=", False),
            (
                "anonymise_on",
                "<=",
                fields.Date.context_today(self) + timedelta(days=days),
            ),
        ]

    @api.model
    def _retention_ahead_action(self):
        """The officers' list of the interviews anonymised in the coming days, of
        every company the user works in, grouped by company."""
        if not self.env.user.has_group(OFFICER_GROUP):
            raise AccessError(
                self.env._("Only exit interview officers see the retention list.")
            )
        companies = self.env.companies
        domain = ["|"] * (len(companies) - 1)
        for company in companies:
            domain += ["&", "&", *self._retention_ahead_domain(company)]
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_exit_interview.hr_exit_interview_retention_action"
        )
        action["domain"] = domain
        return action

    @api.model
    def _cron_retention_ahead(self):
        """Weekly: one to-do for each company's responsible officer when interviews
        will be anonymised in the coming days. None when one is open; safe when the
        job runs in two processes at once (the company's row is the lock)."""
        activity_type = self.env.ref(RETENTION_ACTIVITY)
        interviews = self.sudo().with_context(active_test=False)
        for company in (
            self.env["res.company"]
            .sudo()
            .search([("exit_interview_retention_user_id", "!=", False)])
        ):
            if not self._lock_company(company):
                continue
            user = company.exit_interview_retention_user_id
            ahead = interviews.search(
                self._retention_ahead_domain(company), order="last_working_day, id"
            )
            ahead -= ahead._on_legal_hold()
            if not ahead:
                continue
            if (
                self.env["mail.activity"]
                .sudo()
                .search_count(
                    [
                        ("activity_type_id", "=", activity_type.id),
                        ("user_id", "=", user.id),
                        ("res_model", "=", self._name),
                        (
                            "res_id",
                            "in",
                            interviews.search([("company_id", "=", company.id)]).ids,
                        ),
                    ]
                )
            ):
                continue
            # On an interview the officer may open: a to-do on one they are kept
            # out of would name it to them.
            readable = ahead.with_user(user)._filtered_access("read")
            if not readable:
                continue
            days = company.exit_interview_retention_notice_days
            readable[:1].sudo().activity_schedule(
                act_type_xmlid=RETENTION_ACTIVITY,
                user_id=user.id,
                summary=self.with_context(lang=user.lang).env._(
                    "%(count)s exit interview(s) to be anonymised in the next "
                    "%(days)s days",
                    count=len(ahead),
                    days=days,
                ),
            )
            company.sudo().exit_interview_retention_notified_on = fields.Datetime.now()

    @api.model
    def _lock_company(self, company):
        """Holds the company's row for this transaction, unless another process
        holds it or wrote it since this transaction began (then it did the work)."""
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM res_company WHERE id = %s "
                        "FOR NO KEY UPDATE SKIP LOCKED",
                        company.id,
                    ),
                    log_exceptions=False,
                )
                return bool(self.env.cr.fetchall())
        except psycopg2.errors.SerializationFailure:
            return False

    # The employee's access request (art. 15)

    def _access_request_data(self):
        """Everything the addon holds on the employee, as plain values: the PDF
        and the JSON show the same."""
        self.ensure_one()
        interview = self.sudo()
        include_notes = interview.company_id.exit_interview_access_include_notes
        selection = interview._selection_label

        def when(value):
            return fields.Datetime.to_string(value) if value else None

        def day(value):
            return fields.Date.to_string(value) if value else None

        shared = interview.state in ("shared", "evaluated")
        told_states = interview._told_state_labels()
        return {
            "interview": interview.id,
            "company": interview.company_id.name,
            "employee": interview.employee_id.name,
            "department": interview.department_id.name or None,
            "job_title": interview.job_title or interview.job_id.name or None,
            "hire_date": day(interview.hire_date),
            "last_working_day": day(interview.last_working_day),
            "departure_reason": interview.departure_reason_id.name or None,
            "status": selection("state"),
            "interviewer": interview.interviewer_id.name,
            "meeting": when(interview.planned_start),
            "answers": [
                {
                    "section": line.section_name or None,
                    "question": line.question,
                    "answer": line.answer_text
                    or selection("answer_yes_no", line)
                    or line.answer_rating
                    or None,
                    **(
                        {"interviewer_note": line.interviewer_note or None}
                        if include_notes
                        else {}
                    ),
                }
                for line in interview.line_ids
            ],
            "answers_submitted_on": when(interview.answers_submitted_on),
            "consents": {
                "notice_read_on": when(interview.notice_acknowledged_on),
                "notice_text": interview.notice_text or None,
                "board_may_read_answers": interview.board_consent,
                "board_choice_made_on": when(interview.board_consent_on),
                "keep_in_touch": selection("keep_in_touch"),
                "may_be_contacted": interview.keep_in_touch_consent,
                "advice_may_be_passed_on": interview.successor_advice_consent,
                "hear_what_was_done": interview.told_consent,
                "hear_what_was_done_text": interview.told_consent_text or None,
                "hear_what_was_done_withdrawn_on": when(interview.told_withdrawn_on),
            },
            "sendings": [
                {
                    "kind": selection("kind", sending),
                    "email": sending.email,
                    "sent_on": when(sending.sent_on),
                }
                for sending in interview.link_sending_ids.sorted("sent_on")
            ],
            "report_shared_with_board": {
                "short_report": interview.report_summary or None,
                "reasons_for_leaving": interview.reasons_for_leaving or None,
                "advice_for_successor": interview.advice_for_successor or None,
                "strengths": interview.strengths or None,
                "points_to_improve": interview.points_to_improve or None,
            }
            if shared
            else None,
            "your_reading_of_the_report": {
                "answer": selection("employee_report_outcome"),
                "answered_on": when(interview.employee_report_answered_on),
                "comment": interview.employee_report_comment or None,
            }
            if interview.employee_report_outcome
            else None,
            # As they were told: the text for leavers, never the internal one.
            "measures_told": [
                {
                    "measure": measure.leaver_text,
                    "state": told_states.get(measure.state)
                    or selection("state", measure),
                }
                for measure in interview.told_measure_ids
            ],
            "told_on": when(interview.told_on),
            "requests": [
                {
                    "kind": selection("kind", request),
                    "received_on": day(request.request_date),
                    "outcome": selection("outcome", request),
                    "outcome_on": day(request.outcome_date),
                }
                for request in interview.request_ids
            ],
            "interviewer_notes_included": include_notes,
        }

    def _selection_label(self, name, record=None):
        record = self if record is None else record
        value = record[name]
        if not value:
            return None
        return dict(record._fields[name]._description_selection(record.env))[value]

    def _access_request_files(self):
        """[(file name, content)]: the PDF and the JSON of the employee's data, in
        the employee's language."""
        self.ensure_one()
        interview = self.with_context(lang=self._leaver_lang())
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_context(lang=self._leaver_lang())
            ._render_qweb_pdf(
                "hr_exit_interview.action_report_exit_interview_access", self.ids
            )
        )
        import json  # pylint: disable=import-outside-toplevel

        data = json.dumps(
            interview._access_request_data(), ensure_ascii=False, indent=2
        ).encode()
        name = f"exit-interview-{self.id}-personal-data"
        return [(f"{name}.pdf", pdf), (f"{name}.json", data)]

    def _produce_access_request(self, request, mail=False):
        """The files, kept on the request for officers; mailed to the address of the
        latest sending when asked; the chatter says they were produced."""
        self._check_governance_officer()
        files = self._access_request_files()
        attachments = self.env["ir.attachment"]
        for name, content in files:
            attachments |= (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": name,
                        "raw": content,
                        "mimetype": "application/json"
                        if name.endswith(".json")
                        else "application/pdf",
                        "res_model": request._name,
                        "res_id": request.id,
                    }
                )
            )
        request.invalidate_recordset(["file_ids"])
        interview = self._in_reader_lang()
        _ = interview.env._
        if mail:
            email = self._latest_sending().email
            if not email:
                raise UserError(
                    self.env._(
                        "The questions were never mailed to the employee, so Odoo "
                        "knows no address of theirs to send the copy to: download "
                        "it and hand it over instead."
                    )
                )
            self._send_private_mail(
                "hr_exit_interview.mail_template_exit_interview_access_request",
                email,
                attachments=files,
            )
            body = _(
                "A copy of the employee's personal data was produced and sent to "
                "%(address)s.",
                address=mask_email(email),
            )
        else:
            body = _("A copy of the employee's personal data was produced.")
        interview.message_post(body=body, subtype_xmlid="mail.mt_note")
        return attachments
