# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from .hr_exit_interview import BOARD_GROUP, INTERVIEWER_GROUP, OFFICER_GROUP

# Each average of the analysis and the ratings it is taken from: (sum, count).
AVERAGE_PARTS = {
    "rating_average": ("rating_sum", "rating_count"),
    "board_rating_average": ("board_rating_sum", "board_rating_count"),
}


class HrExitInterview(models.Model):
    """The analysis' averages. A float field stores "no rating" as 0.0, so an
    average of the per-interview averages would count every interview without ratings
    as a 0: the averages are taken from the sum and the number of ratings instead."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

    rating_sum = fields.Integer(
        string="Sum of Ratings",
        compute="_compute_rating_totals",
        store=True,
        aggregator="sum",
        groups=INTERVIEWER_GROUP,
    )
    rating_count = fields.Integer(
        string="Number of Ratings",
        compute="_compute_rating_totals",
        store=True,
        aggregator="sum",
        groups=INTERVIEWER_GROUP,
    )
    board_rating_sum = fields.Integer(
        string="Sum of Ratings in the Report",
        compute="_compute_board_rating_totals",
        store=True,
        aggregator="sum",
        groups=f"{OFFICER_GROUP},{BOARD_GROUP}",
    )
    board_rating_count = fields.Integer(
        string="Number of Ratings in the Report",
        compute="_compute_board_rating_totals",
        store=True,
        aggregator="sum",
        groups=f"{OFFICER_GROUP},{BOARD_GROUP}",
    )

    # === COMPUTE METHODS === #

    @api.depends("line_ids.answer_rating")
    def _compute_rating_totals(self):
        for interview in self:
            ratings = [int(r) for r in interview.line_ids.mapped("answer_rating") if r]
            interview.rating_sum = sum(ratings)
            interview.rating_count = len(ratings)

    @api.depends(
        "rating_sum", "rating_count", "report_include_answers", "answers_transcribed"
    )
    def _compute_board_rating_totals(self):
        for interview in self:
            shared = (
                interview.report_include_answers and not interview.answers_transcribed
            )
            interview.board_rating_sum = shared and interview.rating_sum
            interview.board_rating_count = shared and interview.rating_count

    # === CORE METHODS OVERRIDES === #

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        # Checks the reader's access to the average itself, then takes it from the
        # sums and counts: NULL, not 0, for a group without any rating.
        result = super()._read_group_select(aggregate_spec, query)
        fname, _sep, func = aggregate_spec.partition(":")
        if func != "avg" or fname not in AVERAGE_PARTS:
            return result
        total, count = (
            self._field_to_sql(self._table, name, query)
            for name in AVERAGE_PARTS[fname]
        )
        return SQL("SUM(%s)::float / NULLIF(SUM(%s), 0)", total, count)
