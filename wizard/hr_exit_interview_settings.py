# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..models.hr_exit_interview import OFFICER_GROUP

# The company's settings that the exit interview officers manage. The others
# (who is kept out, how long interviews are kept, the board summary's smallest
# group) guard confidentiality: administrators set them in Settings, and an
# officer who is also a manager cannot open their own team's interviews by a
# tick of their own.
OFFICER_SETTINGS = (
    "exit_interview_days_before",
    "exit_interview_min_days_before",
    "exit_interview_reminder_days",
    "exit_interview_questions_days_before",
    "exit_interview_template_id",
    "exit_interview_keep_in_touch_category_id",
    "exit_interview_keep_in_touch_user_id",
    "exit_interview_privacy_notice",
    "exit_interview_report_read_first",
    "exit_interview_report_read_first_days",
)


class HrExitInterviewSettings(models.TransientModel):
    """The addon's settings of the current company for its officers: Odoo's
    Settings page opens for administrators only."""

    _name = "hr.exit.interview.settings"
    _description = "Exit Interview Settings"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    # Officers' settings: written on the company by create() and write().
    exit_interview_days_before = fields.Integer(
        related="company_id.exit_interview_days_before", readonly=False
    )
    exit_interview_min_days_before = fields.Integer(
        related="company_id.exit_interview_min_days_before", readonly=False
    )
    exit_interview_reminder_days = fields.Integer(
        related="company_id.exit_interview_reminder_days", readonly=False
    )
    exit_interview_questions_days_before = fields.Integer(
        related="company_id.exit_interview_questions_days_before", readonly=False
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
    exit_interview_privacy_notice = fields.Text(
        related="company_id.exit_interview_privacy_notice", readonly=False
    )
    exit_interview_report_read_first = fields.Boolean(
        related="company_id.exit_interview_report_read_first", readonly=False
    )
    exit_interview_report_read_first_days = fields.Integer(
        related="company_id.exit_interview_report_read_first_days", readonly=False
    )
    # Administrators' settings, shown so that officers know them.
    exit_interview_forbid_manager = fields.Boolean(
        related="company_id.exit_interview_forbid_manager"
    )
    exit_interview_manager_officer_access = fields.Boolean(
        related="company_id.exit_interview_manager_officer_access"
    )
    exit_interview_retention_months = fields.Integer(
        related="company_id.exit_interview_retention_months"
    )
    exit_interview_min_group_size = fields.Integer(
        related="company_id.exit_interview_min_group_size"
    )

    @api.depends("company_id")
    def _compute_display_name(self):
        for settings in self:
            settings.display_name = self.env._("Exit Interview Settings")

    @api.model
    def default_get(self, fields_list):
        # The current company (one of the user's), never one a context names: its
        # settings are read in superuser mode through the related fields.
        return super(
            HrExitInterviewSettings,
            self.with_context(default_company_id=self.env.company.id),
        ).default_get(fields_list)

    @api.model_create_multi
    def create(self, vals_list):
        # Named before the check: a context's default would come after it.
        for vals in vals_list:
            vals.setdefault("company_id", self.env.company.id)
        self._check_officer_settings(vals_list)
        settings = [self._pop_company_values(vals) for vals in vals_list]
        records = super().create(vals_list)
        for record, values in zip(records, settings, strict=True):
            record._write_company(values)
        return records

    def write(self, vals):
        self._check_officer_settings([vals])
        values = self._pop_company_values(vals)
        result = super().write(vals)
        self._write_company(values)
        return result

    @api.model
    def _check_officer_settings(self, vals_list):
        """Officers change these settings, for the companies they work in."""
        if self.env.su:
            return
        companies = self.company_id | self.env["res.company"].browse(
            [vals["company_id"] for vals in vals_list if vals.get("company_id")]
        )
        if not self.env.user.has_group(OFFICER_GROUP) or (
            companies - self.env.user.company_ids
        ):
            raise AccessError(
                self.env._(
                    "Only exit interview officers change the exit interview settings, "
                    "of the companies they work in."
                )
            )

    @api.model
    def _pop_company_values(self, vals):
        """The officers' settings out of vals; the administrators' are dropped:
        they change in Settings only."""
        for name, field in self._fields.items():
            if field.related and name not in OFFICER_SETTINGS:
                vals.pop(name, None)
        return {name: vals.pop(name) for name in OFFICER_SETTINGS if name in vals}

    def _write_company(self, values):
        # Checked above: an officer, their company, the officers' settings only.
        if values:
            self.company_id.sudo().write(values)

    def action_save(self):
        """The form saved the settings on the company before calling this."""
        return True
