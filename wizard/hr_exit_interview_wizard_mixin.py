# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrExitInterviewWizardMixin(models.AbstractModel):
    """A window on one interview (sending the questions, marking it held, sharing
    the report): only who may change the interview opens it."""

    _name = "hr.exit.interview.wizard.mixin"
    _description = "Exit Interview Window"

    interview_id = fields.Many2one("hr.exit.interview", required=True, readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        wizards.interview_id.check_access("write")
        return wizards
