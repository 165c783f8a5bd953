# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

QUESTION_TYPES = [
    ("text", "Open answer"),
    ("rating", "Rating (1 to 5)"),
    ("yes_no", "Yes / No"),
]


class HrExitInterviewQuestion(models.Model):
    _name = "hr.exit.interview.question"
    _description = "Exit Interview Template Question"
    _order = "section_sequence, sequence, id"

    name = fields.Text(string="Question", required=True, translate=True)
    help_text = fields.Text(translate=True)
    question_type = fields.Selection(
        QUESTION_TYPES, string="Type", required=True, default="text"
    )
    sequence = fields.Integer(default=10)
    section_id = fields.Many2one(
        "hr.exit.interview.section", required=True, index=True, ondelete="cascade"
    )
    section_sequence = fields.Integer(
        string="Section Sequence", related="section_id.sequence", store=True
    )
    template_id = fields.Many2one(
        related="section_id.template_id", store=True, index=True
    )
