# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    exit_interview_days_before = fields.Integer(
        related="company_id.exit_interview_days_before", readonly=False
    )
    exit_interview_min_days_before = fields.Integer(
        related="company_id.exit_interview_min_days_before", readonly=False
    )
    exit_interview_reminder_days = fields.Integer(
        related="company_id.exit_interview_reminder_days", readonly=False
    )
    exit_interview_min_group_size = fields.Integer(
        related="company_id.exit_interview_min_group_size", readonly=False
    )
    exit_interview_retention_months = fields.Integer(
        related="company_id.exit_interview_retention_months", readonly=False
    )
    exit_interview_privacy_notice = fields.Text(
        related="company_id.exit_interview_privacy_notice", readonly=False
    )
    exit_interview_forbid_manager = fields.Boolean(
        related="company_id.exit_interview_forbid_manager", readonly=False
    )
    exit_interview_manager_officer_access = fields.Boolean(
        related="company_id.exit_interview_manager_officer_access", readonly=False
    )
    exit_interview_template_id = fields.Many2one(
        related="company_id.exit_interview_template_id", readonly=False
    )
    exit_interview_keep_in_touch_category_id = fields.Many2one(
        related="company_id.exit_interview_keep_in_touch_category_id", readonly=False
    )
    exit_interview_keep_in_touch_user_id = fields.Many2one(
        related="company_id.exit_interview_keep_in_touch_user_id", readonly=False
    )
    exit_interview_questions_days_before = fields.Integer(
        related="company_id.exit_interview_questions_days_before", readonly=False
    )
    exit_interview_retention_notice_days = fields.Integer(
        related="company_id.exit_interview_retention_notice_days", readonly=False
    )
    exit_interview_retention_user_id = fields.Many2one(
        related="company_id.exit_interview_retention_user_id", readonly=False
    )
    exit_interview_access_include_notes = fields.Boolean(
        related="company_id.exit_interview_access_include_notes", readonly=False
    )
    exit_interview_retention_preview = fields.Char(
        string="Anonymised at the Next Run",
        compute="_compute_exit_interview_retention_preview",
    )

    @api.depends("company_id", "exit_interview_retention_months")
    def _compute_exit_interview_retention_preview(self):
        for settings in self:
            count = settings.company_id._exit_interview_retention_preview(
                settings.exit_interview_retention_months
            )
            settings.exit_interview_retention_preview = self.env._(
                "With this period, the next run anonymises %(count)s exit "
                "interview(s).",
                count=count,
            )

    exit_interview_told_months = fields.Integer(
        related="company_id.exit_interview_told_months", readonly=False
    )
    exit_interview_report_read_first = fields.Boolean(
        related="company_id.exit_interview_report_read_first", readonly=False
    )
    exit_interview_report_read_first_days = fields.Integer(
        related="company_id.exit_interview_report_read_first_days", readonly=False
    )
