# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..report.hr_exit_interview_summary_report import latest_summary_year

# How many years, the latest first, the wizard offers (the report takes any older).
YEARS_OFFERED = 10


class HrExitInterviewSummaryWizard(models.TransientModel):
    _name = "hr.exit.interview.summary.wizard"
    _description = "Exit Interview Board Summary"

    year = fields.Selection(
        selection="_selection_year",
        required=True,
        default=lambda self: str(self._latest_year()),
        help="The board summary covers one whole calendar year, from a month after "
        "its end on.",
    )
    date_from = fields.Date(compute="_compute_period", inverse="_inverse_period")
    date_to = fields.Date(compute="_compute_period", inverse="_inverse_period")

    @api.model
    def _latest_year(self):
        """The latest year summarised: from today alone, whatever was recorded."""
        return latest_summary_year(fields.Date.context_today(self))

    @api.model
    def _selection_year(self):
        latest = self._latest_year()
        return [
            (str(year), str(year)) for year in range(latest, latest - YEARS_OFFERED, -1)
        ]

    @api.depends("year")
    def _compute_period(self):
        for wizard in self:
            year = wizard.year and int(wizard.year)
            wizard.date_from = year and date(year, 1, 1)
            wizard.date_to = year and date(year, 12, 31)

    def _inverse_period(self):
        """A period given by its dates, as the summary took it before: one whole
        calendar year, else refused."""
        report = self.env["report.hr_exit_interview.report_exit_interview_summary"]
        for wizard in self:
            try:
                year = report._summary_year(
                    {"date_from": wizard.date_from, "date_to": wizard.date_to}
                )
            except UserError as error:
                raise ValidationError(error.args[0]) from error
            if str(year) not in dict(self._selection_year()):
                raise ValidationError(
                    self.env._(
                        "Choose the period of the summary: one calendar year, "
                        "%(latest)s or before.",
                        latest=self._latest_year(),
                    )
                )
            wizard.year = str(year)

    def action_print(self):
        """Print the board summary of the year."""
        self.ensure_one()
        return self.env.ref(
            "hr_exit_interview.action_report_exit_interview_summary"
        ).report_action(self, data={"year": int(self.year)})
