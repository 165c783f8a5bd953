# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    exit_interview_ids = fields.One2many(
        "hr.exit.interview",
        "employee_id",
        string="Exit Interviews",
        groups="hr_exit_interview.group_exit_interview_officer",
    )
    exit_interview_count = fields.Integer(
        compute="_compute_exit_interview_count",
        groups="hr_exit_interview.group_exit_interview_officer",
    )

    def _compute_exit_interview_count(self):
        counts = dict(
            self.env["hr.exit.interview"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.exit_interview_count = counts.get(employee, 0)

    def action_open_exit_interviews(self):
        """Open the employee's exit interview, or a new one to plan."""
        self.ensure_one()
        interviews = self.exit_interview_ids.filtered(lambda i: i.state != "cancelled")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_exit_interview.hr_exit_interview_action"
        )
        action["context"] = {"default_employee_id": self.id}
        if len(interviews) == 1:
            action.update(
                view_mode="form", views=[(False, "form")], res_id=interviews.id
            )
        elif not interviews:
            action.update(view_mode="form", views=[(False, "form")], target="current")
        else:
            action["domain"] = [("employee_id", "=", self.id)]
        return action
