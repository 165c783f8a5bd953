# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrJobAdvice(models.Model):
    """The advice a departing employee gives their successor, handed over from the
    exit interview with their consent: the advice alone, without their name or
    anything else of the report, so that it outlives the interview's anonymisation."""

    _name = "hr.job.advice"
    _description = "Advice from a Predecessor"
    _order = "id desc"
    _rec_name = "job_id"

    job_id = fields.Many2one(
        "hr.job", string="Job Position", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="job_id.company_id", store=True)
    advice = fields.Text(required=True)
