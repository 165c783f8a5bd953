# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrExitInterviewSummaryFigures(models.Model):
    """The board summary's figures of one company's calendar year, fixed when the
    year is first summarised: read again later, they are the same, so that no
    departure recorded or interview changed in between can be found by subtracting
    two readings. Written and read in superuser mode only."""

    _name = "hr.exit.interview.summary.figures"
    _description = "Exit Interview Board Summary Figures"
    _order = "company_id, year desc"

    company_id = fields.Many2one(
        "res.company", required=True, ondelete="cascade", readonly=True
    )
    year = fields.Integer(required=True, readonly=True)
    minimum = fields.Integer(
        string="Minimum Group",
        readonly=True,
        help="The company's minimum group when the figures were fixed.",
    )
    figures = fields.Json(readonly=True)

    _sql_constraints = [
        (
            "company_year_unique",
            "unique(company_id, year)",
            "The figures of this year were fixed at this very moment by another "
            "reading: print the summary again.",
        ),
    ]
