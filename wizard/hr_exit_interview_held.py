# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrExitInterviewHeld(models.TransientModel):
    """Marking the talk held with the guide's checklist open: a warning the
    interviewer may confirm, not a wall."""

    _name = "hr.exit.interview.held"
    _description = "Mark an Exit Interview as Held"
    _inherit = "hr.exit.interview.wizard.mixin"

    confidentiality_explained = fields.Boolean(
        related="interview_id.confidentiality_explained", compute_sudo=False
    )
    appreciation_given = fields.Boolean(
        related="interview_id.appreciation_given", compute_sudo=False
    )

    def action_confirm(self):
        """Mark the talk held all the same."""
        self.ensure_one()
        self.interview_id.with_context(
            exit_interview_checklist_confirmed=True
        ).action_mark_held()
        return {"type": "ir.actions.act_window_close"}
