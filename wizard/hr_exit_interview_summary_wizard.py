# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..report.hr_exit_interview_summary_report import whole_months


class HrExitInterviewSummaryWizard(models.TransientModel):
    _name = "hr.exit.interview.summary.wizard"
    _description = "Exit Interview Board Summary"

    date_from = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self) - relativedelta(years=1),
    )
    date_to = fields.Date(required=True, default=lambda self: self._default_date_to())

    @api.model
    def _default_date_to(self):
        """Today, or the latest last working day still to come: the departures
        already planned belong to the summary too."""
        today = fields.Date.context_today(self)
        [(latest,)] = (
            self.env["hr.exit.interview"]
            .sudo()
            ._read_group(
                [("company_id", "in", self.env.companies.ids)],
                aggregates=["last_working_day:max"],
            )
        )
        return max(today, latest or today)

    @api.onchange("date_from", "date_to")
    def _onchange_whole_months(self):
        if self.date_from and self.date_to:
            self.date_from, self.date_to = whole_months(self.date_from, self.date_to)

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        wizards._snap_to_whole_months()
        return wizards

    def _snap_to_whole_months(self):
        for wizard in self:
            period = whole_months(wizard.date_from, wizard.date_to)
            if period != (wizard.date_from, wizard.date_to):
                wizard.write({"date_from": period[0], "date_to": period[1]})

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(
                    self.env._("The period must start before it ends.")
                )

    def action_print(self):
        """Print the board summary over the period, in whole months."""
        self.ensure_one()
        self._snap_to_whole_months()
        return self.env.ref(
            "hr_exit_interview.action_report_exit_interview_summary"
        ).report_action(
            self,
            data={
                "date_from": fields.Date.to_string(self.date_from),
                "date_to": fields.Date.to_string(self.date_to),
            },
        )
