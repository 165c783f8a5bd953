# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from ..models.hr_exit_interview_erasure_log import ERASURE_REASONS


class HrExitInterviewErase(models.TransientModel):
    """Anonymise one interview at once (GDPR art. 17), as the job does when the
    retention period ends: the statistics stay, the erasure log keeps the ground."""

    _name = "hr.exit.interview.erase"
    _description = "Erase an Exit Interview Now"
    _inherit = "hr.exit.interview.wizard.mixin"

    reason = fields.Selection(
        ERASURE_REASONS, string="Ground", required=True, default="request"
    )
    record_request = fields.Boolean(
        string="Record the Employee's Request",
        default=True,
        help="Adds a granted erasure request, dated today, to the interview's "
        "requests.",
    )

    def action_confirm(self):
        """Anonymise the interview now."""
        self.ensure_one()
        interview = self.interview_id
        interview._check_governance_officer()
        if self.record_request and self.reason == "request":
            today = fields.Date.context_today(self)
            self.env["hr.exit.interview.request"].create(
                {
                    "interview_id": interview.id,
                    "kind": "erasure",
                    "request_date": today,
                    "outcome": "granted",
                    "outcome_date": today,
                }
            )
        interview._erase_now(self.reason)
        return {"type": "ir.actions.act_window_close"}
