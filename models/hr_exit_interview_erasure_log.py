# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextvars import ContextVar

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError

from .hr_exit_interview import SENIORITY_BANDS

# Set only by _log() around its own create(), in this process: no RPC call, context
# key or default reaches a Python context variable, so that create() refuses
# everyone else, the superuser included. Uninstalling the addon drops the table
# (ir.model's _drop_table) without unlinking a record, so unlink() may refuse always.
_WRITING_LOG = ContextVar("hr_exit_interview_writing_erasure_log", default=False)

EVENTS = [
    ("anonymised", "Anonymised by the Job"),
    ("erased", "Erased on Request"),
    ("deleted", "Deleted"),
    ("hold_placed", "Hold Placed"),
    ("hold_lifted", "Hold Lifted"),
    ("hold_skipped", "Kept by a Hold"),
]
# The grounds of art. 17(1) GDPR: a choice, never a text that could name someone.
ERASURE_REASONS = [
    ("request", "The Employee's Request"),
    ("no_longer_needed", "No Longer Needed"),
    ("objection", "The Employee Objected"),
    ("unlawful", "Unlawfully Processed"),
    ("legal_obligation", "Legal Obligation"),
]


class HrExitInterviewErasureLog(models.Model):
    """One line for each anonymisation, by the job or by hand, each deletion, and
    each legal hold
    placed, lifted or keeping an interview from the job: what an officer shows a
    data protection officer. It holds no name and no text, and names the interview
    by its number only, so that it outlives it. Append-only: nobody writes,
    changes or deletes a line through the ORM, the superuser included."""

    _name = "hr.exit.interview.erasure.log"
    _description = "Exit Interview Erasure Log"
    _order = "date desc, id desc"
    _rec_name = "interview_ref"

    interview_ref = fields.Integer(
        string="Interview Number", readonly=True, index=True, aggregator=False
    )
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    event = fields.Selection(EVENTS, readonly=True, required=True)
    date = fields.Datetime(readonly=True, required=True)
    cron_id = fields.Many2one(
        "ir.cron", string="By the Job", readonly=True, ondelete="set null"
    )
    user_id = fields.Many2one(
        "res.users", string="By", readonly=True, ondelete="set null"
    )
    erasure_reason = fields.Selection(
        ERASURE_REASONS, string="Ground of the Erasure", readonly=True
    )
    hold_date = fields.Datetime(string="Hold Placed On", readonly=True)
    hold_until = fields.Date(string="On Hold Until", readonly=True)
    # The statistics the interview keeps.
    year = fields.Char(readonly=True)
    departure_month = fields.Date(readonly=True)
    seniority_band = fields.Selection(SENIORITY_BANDS, readonly=True)
    departure_reason_id = fields.Many2one(
        "hr.departure.reason", readonly=True, ondelete="set null"
    )
    department_id = fields.Many2one("hr.department", readonly=True, ondelete="set null")
    # Whom the interview was kept from when the line was written (its employee,
    # the managers and coaches kept out): the log's rule keeps the line from them
    # too, after the interview itself is gone. Users, no name in the line; for the
    # rule alone: read, they would name who left once the interview is gone.
    kept_from_user_ids = fields.Many2many(
        "res.users",
        "hr_exit_interview_erasure_log_kept_from_rel",
        "log_id",
        "user_id",
        string="Kept From",
        readonly=True,
        groups="base.group_system",
    )
    # What it cleared.
    line_count = fields.Integer(string="Answers Cleared", readonly=True)
    message_count = fields.Integer(string="Messages Deleted", readonly=True)
    attachment_count = fields.Integer(string="Attachments Deleted", readonly=True)
    activity_count = fields.Integer(string="Activities Deleted", readonly=True)
    sending_count = fields.Integer(string="Sendings Deleted", readonly=True)

    # === CRUD METHODS === #

    @api.model_create_multi
    def create(self, vals_list):
        if not _WRITING_LOG.get():
            raise AccessError(
                self.env._(
                    "The erasure log is written by Odoo alone, when it anonymises an "
                    "interview or a hold changes."
                )
            )
        return super().create(vals_list)

    # Refused to everyone: not calling super() is the point.
    def write(self, vals):  # pylint: disable=method-required-super
        raise AccessError(
            self.env._("The erasure log cannot be changed: each line is final.")
        )

    # At uninstall too: a context key (the uninstall's own) would otherwise open it
    # to any RPC call; the uninstall drops the table and unlinks no line.
    @api.ondelete(at_uninstall=True)
    def _unlink_never(self):
        raise AccessError(
            self.env._("The erasure log cannot be deleted: each line is final.")
        )

    def copy(self, default=None):  # pylint: disable=method-required-super
        raise AccessError(
            self.env._(
                "The erasure log is written by Odoo alone: lines are not copied."
            )
        )

    # === BUSINESS METHODS === #

    @api.model
    def _cleared_counts(self, interviews):
        """{interview id: {count field: count}} of what anonymising clears."""
        interviews = interviews.sudo()
        counts = {interview.id: {} for interview in interviews}
        measures = interviews.measure_ids
        documents = [
            "|",
            "&",
            ("res_model", "=", interviews._name),
            ("res_id", "in", interviews.ids),
            "&",
            ("res_model", "=", measures._name),
            ("res_id", "in", measures.ids),
        ]
        interview_of = {measure.id: measure.interview_id.id for measure in measures}

        def count(model, domain, res_model_field, name):
            for res_model, res_id, total in (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                ._read_group(domain, [res_model_field, "res_id"], ["__count"])
            ):
                owner = (
                    res_id if res_model == interviews._name else interview_of[res_id]
                )
                counts[owner][name] = counts[owner].get(name, 0) + total

        count(
            "mail.message",
            [
                "|",
                "&",
                ("model", "=", interviews._name),
                ("res_id", "in", interviews.ids),
                "&",
                ("model", "=", measures._name),
                ("res_id", "in", measures.ids),
            ],
            "model",
            "message_count",
        )
        count("ir.attachment", documents, "res_model", "attachment_count")
        count("mail.activity", documents, "res_model", "activity_count")
        for interview in interviews:
            counts[interview.id]["line_count"] = len(interview.line_ids)
            counts[interview.id]["sending_count"] = len(interview.link_sending_ids)
        return counts

    @api.model
    def _log(self, interviews, event, counts=None, erasure_reason=False, user=None):
        """One line per interview: the only way lines are written."""
        if not interviews:
            return self.browse()
        cron = self.env.ref(
            "hr_exit_interview.ir_cron_exit_interview_anonymise",
            raise_if_not_found=False,
        )
        by_job = event in ("anonymised", "hold_skipped")
        user = user or self.env.user
        now = fields.Datetime.now()
        vals_list = []
        for interview in interviews.sudo():
            vals = {
                "interview_ref": interview.id,
                "company_id": interview.company_id.id,
                "event": event,
                "date": now,
                "cron_id": cron.id if by_job and cron else False,
                "user_id": user.id,
                "erasure_reason": erasure_reason or False,
                "hold_date": interview.legal_hold_date,
                "hold_until": interview.legal_hold_until,
                "year": interview.year,
                "departure_month": interview.departure_month,
                "seniority_band": interview.seniority_band,
                "departure_reason_id": interview.departure_reason_id.id,
                "department_id": interview.department_id.id,
                "kept_from_user_ids": [
                    Command.set(
                        (
                            interview.kept_out_user_ids | interview.employee_id.user_id
                        ).ids
                    )
                ],
            }
            vals.update((counts or {}).get(interview.id, {}))
            vals_list.append(vals)
        token = _WRITING_LOG.set(True)
        try:
            return self.sudo().create(vals_list)
        finally:
            _WRITING_LOG.reset(token)
