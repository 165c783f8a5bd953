# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrExitInterviewTemplate(models.Model):
    _name = "hr.exit.interview.template"
    _description = "Exit Interview Template"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to offer the template to every company.",
    )
    letter = fields.Html(
        string="Invitation Letter",
        translate=True,
        sanitize_style=True,
        help="The letter that opens the preparatory questions. [employee name] and "
        "[organisation] (in the reader's language) are replaced when it is sent.",
    )
    closing = fields.Char(
        string="Closing Words",
        translate=True,
        help="Shown after the last question.",
    )
    section_ids = fields.One2many(
        "hr.exit.interview.section", "template_id", string="Sections", copy=True
    )
    question_ids = fields.One2many(
        "hr.exit.interview.question", "template_id", string="Questions"
    )
    question_count = fields.Integer(compute="_compute_question_count")

    def _compute_question_count(self):
        counts = dict(
            self.env["hr.exit.interview.question"]._read_group(
                [("template_id", "in", self.ids)], ["template_id"], ["__count"]
            )
        )
        for template in self:
            template.question_count = counts.get(template, 0)

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for template, vals in zip(self, vals_list, strict=True):
            if "name" not in (default or {}):
                vals["name"] = self.env._("%(name)s (copy)", name=template.name)
        return vals_list

    def _interview_line_values(self, lang):
        """The template's questions, in the given language, as the values of an
        interview's lines."""
        self.ensure_one()
        # In the questions' order (_order), sorted here without a query.
        questions = self.with_context(lang=lang).question_ids.sorted(
            lambda question: (question.section_sequence, question.sequence, question.id)
        )
        return [
            {
                "sequence": index,
                "section_name": question.section_id.name,
                "question": question.name,
                "help_text": question.help_text,
                "question_type": question.question_type,
            }
            for index, question in enumerate(questions, start=1)
        ]
