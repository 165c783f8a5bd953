# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrExitInterviewSection(models.Model):
    _name = "hr.exit.interview.section"
    _description = "Exit Interview Template Section"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    template_id = fields.Many2one(
        "hr.exit.interview.template", required=True, index=True, ondelete="cascade"
    )
    question_ids = fields.One2many(
        "hr.exit.interview.question", "section_id", string="Questions", copy=True
    )
