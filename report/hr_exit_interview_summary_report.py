# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.hr_exit_interview import HELD_STATES, SHARED_STATES
from ..models.res_company import MIN_GROUP_SIZE
from .hr_exit_interview_report import _check_board_reader


def whole_months(date_from, date_to):
    """The period widened to whole months: two overlapping periods then differ by a
    month at least, never by the one person who left on a given day."""
    return date_from.replace(day=1), date_to + relativedelta(day=31)


class ReportExitInterviewSummary(models.AbstractModel):
    """The board's summary over a period of whole months. The texts (points to
    improve, measures) come from the interviews the reader may read, with the reader's
    rights. The counts come from every interview of the reader's companies, in
    superuser mode, so each one, totals included, obeys the small-cell rule: a figure
    under the company's minimum is not shown, a breakdown cell under it is merged into
    "Other", itself left out when still under the minimum."""

    _name = "report.hr_exit_interview.report_exit_interview_summary"
    _description = "Exit Interview Board Summary Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        _check_board_reader(self.env)
        self.env["hr.exit.interview.reading"]._log_reading(self._name)
        data = data or {}
        try:
            date_from = fields.Date.to_date(data.get("date_from"))
            date_to = fields.Date.to_date(data.get("date_to"))
        except (TypeError, ValueError):
            date_from = date_to = None
        if not (date_from and date_to):
            raise UserError(self.env._("Choose the period of the summary."))
        date_from, date_to = whole_months(date_from, date_to)
        companies = self.env.companies
        minimum = max(
            min(companies.mapped("exit_interview_min_group_size")), MIN_GROUP_SIZE
        )
        current = self._period_figures(companies, date_from, date_to, minimum)
        # The same period a year before, for the trend (small cells as everywhere).
        year_before = self._period_figures(
            companies,
            date_from - relativedelta(years=1),
            date_to - relativedelta(years=1, day=31),
            minimum,
        )
        # The texts, with the reader's rights: only the interviews they may read.
        # Only the texts the report lists: the interviews are many, their records wide.
        reported = (
            self.env["hr.exit.interview"]
            .with_context(prefetch_fields=False)
            .search(
                self._period_domain(companies, date_from, date_to)
                + [("state", "in", SHARED_STATES)]
            )
        )
        return {
            "doc_ids": docids,
            "doc_model": "hr.exit.interview.summary.wizard",
            "docs": self.env["hr.exit.interview.summary.wizard"].browse(docids),
            "date_from": date_from,
            "date_to": date_to,
            "minimum": minimum,
            **current,
            "this_period": current,
            "year_before": year_before,
            "points_to_improve": [
                text for text in reported.mapped("points_to_improve") if text
            ]
            if len(reported) >= minimum
            else [],
            "measures": reported.measure_ids.sorted(
                lambda m: (m.state, m.date_deadline or fields.Date.today())
            ),
        }

    @api.model
    def _period_domain(self, companies, date_from, date_to):
        """The interviews of the period by their month of departure, which outlives
        anonymisation: anonymised interviews keep counting."""
        return [
            ("company_id", "in", companies.ids),
            ("departure_month", ">=", date_from.replace(day=1)),
            ("departure_month", "<=", date_to),
            ("state", "!=", "cancelled"),
        ]

    @api.model
    def _period_figures(self, companies, date_from, date_to, minimum):
        """Every count and breakdown of a period, in superuser mode, under the
        small-cell rule."""
        interviews = (
            self.env["hr.exit.interview"].sudo().with_context(active_test=False)
        )
        departures = (
            self.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            .search_count(
                [
                    ("company_id", "in", companies.ids),
                    ("departure_date", ">=", date_from),
                    ("departure_date", "<=", date_to),
                ]
            )
        )
        # One pass over the interviews for every count and breakdown: rows of
        # (state, reason, department, seniority band, count).
        groups = interviews._read_group(
            self._period_domain(companies, date_from, date_to),
            ["state", "departure_reason_id", "department_id", "seniority_band"],
            ["__count"],
        )
        by_state = {}
        for state, *_breakdowns, count in groups:
            by_state[state] = by_state.get(state, 0) + count
        bands = dict(
            interviews._fields["seniority_band"]._description_selection(self.env)
        )

        def breakdown(position, label):
            return self._merge_small_cells(
                [(label(group[position]), group[-1]) for group in groups], minimum
            )

        return {
            "departure_count": self._small_cell(departures, minimum),
            "interview_count": self._small_cell(sum(by_state.values()), minimum),
            "held_count": self._small_cell(
                sum(by_state.get(state, 0) for state in HELD_STATES), minimum
            ),
            "declined_count": self._small_cell(by_state.get("declined", 0), minimum),
            "by_reason": breakdown(1, lambda reason: reason.name),
            "by_department": breakdown(2, lambda department: department.name),
            "by_seniority": breakdown(3, bands.get),
        }

    @api.model
    def _small_cell(self, count, minimum):
        """The count rounded down to a multiple of the minimum, or None when under
        it: rounded, two overlapping periods, or a total and its rows, cannot be
        subtracted to single out one person."""
        return count - count % minimum if count >= minimum else None

    @api.model
    def _merge_small_cells(self, groups, minimum):
        """[(label, count)] from the groups' (label, count) pairs, one row a label,
        largest first, counts rounded as _small_cell does. Cells under the minimum
        and empty labels go together into "Other"; an "Other" still under the
        minimum would be the total minus the rows shown, so the smallest rows join
        it until it reaches the minimum, or everything is left out."""
        counts = {}
        for label, count in groups:
            label = label or False
            counts[label] = counts.get(label, 0) + count
        shown, other = [], 0
        for label, count in sorted(
            counts.items(), key=lambda item: (-item[1], str(item[0]))
        ):
            if label and count >= minimum:
                shown.append((label, count))
            else:
                other += count
        while 0 < other < minimum and shown:
            other += shown.pop()[1]
        rows = [(label, self._small_cell(count, minimum)) for label, count in shown]
        if other >= minimum:
            rows.append((self.env._("Other"), self._small_cell(other, minimum)))
        return rows
