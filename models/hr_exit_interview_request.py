# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .hr_exit_interview import without_odoo_only_defaults

REQUEST_KINDS = [
    ("access", "Access (Art. 15)"),
    ("rectification", "Rectification (Art. 16)"),
    ("erasure", "Erasure (Art. 17)"),
    ("restriction", "Restriction (Art. 18)"),
]
OUTCOMES = [
    ("pending", "Pending"),
    ("granted", "Granted"),
    ("refused", "Refused"),
    ("lifted", "Lifted"),
]


class HrExitInterviewRequest(models.Model):
    """A request of the departing employee about their own data (GDPR art. 15 to
    18), recorded by an officer with its date and outcome. A granted restriction
    keeps the interview from the board until its outcome is set to lifted."""

    _name = "hr.exit.interview.request"
    _description = "Exit Interview Request of the Employee"
    _order = "request_date desc, id desc"
    _check_company_auto = True

    interview_id = fields.Many2one(
        "hr.exit.interview",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="interview_id.company_id", store=True)
    kind = fields.Selection(REQUEST_KINDS, string="Request", required=True)
    request_date = fields.Date(
        string="Received On",
        required=True,
        default=fields.Date.context_today,
    )
    outcome = fields.Selection(OUTCOMES, required=True, default="pending")
    outcome_date = fields.Date(string="Outcome On")
    note = fields.Text(
        string="Details",
        help="What was asked and what was done: what to correct, why it was "
        "refused. Erased with the interview.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        readonly=True,
        default=lambda self: self.env.user,
    )

    file_ids = fields.Many2many(
        "ir.attachment",
        string="Files",
        compute="_compute_file_ids",
        help="The copy of the employee's data produced for an access request.",
    )

    def _compute_file_ids(self):
        files = self.env["ir.attachment"].search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        )
        for request in self:
            request.file_ids = files.filtered(
                lambda file, request=request: file.res_id == request.id
            )

    @api.model
    def _odoo_only_fields(self):
        """Who recorded the request: whoever created it, never a value given."""
        return {"user_id"}

    @api.model
    def default_get(self, fields_list):
        return super(
            HrExitInterviewRequest, without_odoo_only_defaults(self)
        ).default_get(fields_list)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals["user_id"] = self.env.user.id
        return super().create(vals_list)

    def write(self, vals):
        if self._odoo_only_fields() & vals.keys() and not self.env.su:
            raise UserError(
                self.env._(
                    "Who recorded a request stays who recorded it: record a new "
                    "request instead."
                )
            )
        # A granted restriction moved to another interview would lift it without
        # a word, and the request would vanish from the interview it was made on.
        if "interview_id" in vals and not self.env.su:
            if any(r.interview_id.id != vals["interview_id"] for r in self):
                raise UserError(
                    self.env._(
                        "A request belongs to the interview it was recorded on: "
                        "record a new request on the other interview instead."
                    )
                )
        return super().write(vals)

    @api.constrains("outcome", "kind")
    def _check_outcome(self):
        for request in self:
            if request.outcome == "lifted" and request.kind != "restriction":
                raise UserError(
                    self.env._(
                        "Only a restriction is lifted: set the outcome of this "
                        "request to granted or refused."
                    )
                )

    @api.constrains("request_date", "outcome_date")
    def _check_dates(self):
        for request in self:
            if request.outcome_date and request.outcome_date < request.request_date:
                raise UserError(
                    self.env._(
                        "The outcome comes after the request: correct the date of "
                        "the outcome or of the request."
                    )
                )

    @api.onchange("outcome")
    def _onchange_outcome(self):
        if self.outcome != "pending" and not self.outcome_date:
            self.outcome_date = fields.Date.context_today(self)
