# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrJob(models.Model):
    _inherit = "hr.job"

    advice_ids = fields.One2many(
        "hr.job.advice", "job_id", string="Advice from Predecessors"
    )
