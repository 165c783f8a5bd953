# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrExitInterviewShare(models.TransientModel):
    """Sharing the report with the board, once the interviewer has seen what the
    board will read and what is not filled in."""

    _name = "hr.exit.interview.share"
    _description = "Share an Exit Interview Report with the Board"
    _inherit = "hr.exit.interview.wizard.mixin"

    report_include_answers = fields.Boolean(
        related="interview_id.report_include_answers", compute_sudo=False
    )
    missing = fields.Text(string="Not Filled In", compute="_compute_missing")
    # The employee reads the report first (their company's setting).
    report_read_first = fields.Boolean(compute="_compute_report_read_first")
    report_read_first_days = fields.Integer(compute="_compute_report_read_first")

    @api.depends("interview_id")
    def _compute_missing(self):
        for wizard in self:
            wizard.missing = "\n".join(wizard.interview_id._report_missing())

    @api.depends("interview_id")
    def _compute_report_read_first(self):
        for wizard in self:
            interview = wizard.interview_id
            wizard.report_read_first = bool(interview._report_read_first())
            wizard.report_read_first_days = (
                interview.company_id.exit_interview_report_read_first_days
            )

    def action_confirm(self):
        """Share the report with the board."""
        self.ensure_one()
        self.interview_id.with_context(
            exit_interview_share_confirmed=True
        ).action_share_with_board()
        return {"type": "ir.actions.act_window_close"}
