# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrExitInterview(models.Model):
    _name = "hr.exit.interview"
    _description = "Exit Interview"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "planned_start desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    interviewer_id = fields.Many2one(
        "res.users", required=True, tracking=True, default=lambda self: self.env.user
    )
    planned_start = fields.Datetime(tracking=True)
    state = fields.Selection(
        [("draft", "Draft")], default="draft", required=True, tracking=True
    )

    def _compute_name(self):
        for interview in self:
            interview.name = self.env._(
                "Exit interview of %(employee)s",
                employee=interview.employee_id.name or "",
            )
