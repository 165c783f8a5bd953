# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrExitInterviewHold(models.TransientModel):
    """Place a legal hold on an interview, or lift it: the anonymisation job
    skips an interview on hold while the hold lasts."""

    _name = "hr.exit.interview.hold"
    _description = "Legal Hold on an Exit Interview"
    _inherit = "hr.exit.interview.wizard.mixin"

    lift = fields.Boolean(readonly=True)
    reason = fields.Text(
        help="Why the interview must be kept: a dispute, a labour inspection, a "
        "complaint. Only officers read it."
    )
    until = fields.Date(help="Empty: until an officer lifts the hold.")

    def action_confirm(self):
        """Place or lift the hold."""
        self.ensure_one()
        if self.lift:
            self.interview_id._lift_legal_hold()
        else:
            self.interview_id._place_legal_hold(self.reason, self.until)
        return {"type": "ir.actions.act_window_close"}
