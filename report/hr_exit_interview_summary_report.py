# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

from ..models.hr_exit_interview import HELD_STATES, SHARED_STATES
from ..models.res_company import MIN_GROUP_SIZE
from .hr_exit_interview_report import _check_board_reader

# A year is summarised from this many months after its end on: its figures are fixed
# at the first reading, once December's departures and interviews are recorded.
SETTLING_MONTHS = 1
# The earliest year asked for: before any record, with a year before it dates can hold.
FIRST_YEAR = 1900
BREAKDOWNS = ("by_reason", "by_department", "by_seniority")
# How the leavers took part, each counted as <kind>_count: held_count, the talks.
PARTICIPATION = ("held", "written", "declined", "no_answer")
# A written interview took place once its answers were in.
WRITTEN_ANSWERED_STATES = ("prepared", *HELD_STATES)


def latest_summary_year(today):
    """The latest calendar year the board summary covers on this day."""
    return (today - relativedelta(months=SETTLING_MONTHS)).year - 1


def summary_opens_on(year):
    """The day from which on the board summary covers this calendar year."""
    return date(year + 1, 1, 1) + relativedelta(months=SETTLING_MONTHS)


class ReportExitInterviewSummary(models.AbstractModel):
    """The board's summary of one company's calendar year. Its figures cannot be
    subtracted from one another: every period it covers is a whole calendar year,
    two of which never overlap; every summary covers one company, so no summary of
    two companies minus one of them gives the other; and a year's figures are fixed
    at its first reading (hr.exit.interview.summary.figures), so that no two
    readings differ by what was recorded in between. Within a year, every count is
    rounded down to a multiple of the company's minimum group, under which it is not
    shown, and a breakdown cell under it is merged into "Other". These counts come
    from every interview of the company, in superuser mode; the texts (points to
    improve, measures) and "the interviews you read", counted exactly as the
    analysis counts them, from those the reader may read, with the reader's
    rights."""

    _name = "report.hr_exit_interview.report_exit_interview_summary"
    _description = "Exit Interview Board Summary Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        _check_board_reader(self.env)
        year = self._summary_year(data)
        self.env["hr.exit.interview.reading"]._log_reading(self._name)
        company = self.env.company
        fixed = self._fixed_figures(company, year)
        current = self._labelled(fixed)
        year_before = self._labelled(self._fixed_figures(company, year - 1))
        current.update(self._read_figures(company, year))
        year_before.update(self._read_figures(company, year - 1))
        date_from, date_to = date(year, 1, 1), date(year, 12, 31)
        # The texts, with the reader's rights: only the interviews they may read.
        # Only the texts the report lists: the interviews are many, their records wide.
        shared = (
            self.env["hr.exit.interview"]
            .with_context(prefetch_fields=False)
            .search(
                self._period_domain(company, date_from, date_to)
                + [("state", "in", SHARED_STATES)]
            )
        )
        return {
            "doc_ids": docids,
            "doc_model": "hr.exit.interview.summary.wizard",
            "docs": self.env["hr.exit.interview.summary.wizard"].browse(docids),
            "company": company,
            "year": year,
            "date_from": date_from,
            "date_to": date_to,
            "fixed_on": fixed.create_date,
            "minimum": fixed.minimum,
            **current,
            "this_period": current,
            "year_before": year_before,
            "points_to_improve": [
                text for text in shared.mapped("points_to_improve") if text
            ]
            if len(shared) >= fixed.minimum
            else [],
            "measures": shared.measure_ids.sorted(
                lambda m: (m.state, m.date_deadline or fields.Date.today())
            ),
            "read_by_reason": self._read_by_reason(current, year_before),
        }

    @api.model
    def _summary_year(self, data):
        """The calendar year `data` asks for, as {"year": 2025} or as the first and
        last day of that year ("date_from", "date_to"). Any other period is refused:
        two overlapping periods, or a year and a part of it, could be subtracted to
        single out the leavers of the months between them."""
        data = data or {}
        latest = latest_summary_year(fields.Date.context_today(self))
        choose = self.env._(
            "Choose the period of the summary: one calendar year, %(latest)s or "
            "before.",
            latest=latest,
        )
        year, bounds = data.get("year"), (data.get("date_from"), data.get("date_to"))
        if year in (None, False, "") and not any(bounds):
            raise UserError(choose)
        try:
            if isinstance(year, bool | float):
                raise ValueError(year)
            year = None if year in (None, False, "") else int(year)
            date_from, date_to = (fields.Date.to_date(bound) for bound in bounds)
        except (TypeError, ValueError, OverflowError):
            raise UserError(choose) from None
        if date_from or date_to:
            whole_year = (
                date_from
                and date_to
                and (date_from, date_to)
                == (date(date_from.year, 1, 1), date(date_from.year, 12, 31))
            )
            if not whole_year or year not in (None, date_from.year):
                raise UserError(
                    self.env._(
                        "The board summary covers one whole calendar year, from 1 "
                        "January to 31 December: summaries of other periods could be "
                        "subtracted from one another to single out a leaver. Choose "
                        "a year, %(latest)s or before.",
                        latest=latest,
                    )
                )
            year = date_from.year
        if not FIRST_YEAR <= year < date.max.year:
            raise UserError(choose)
        if year > latest:
            raise UserError(
                self.env._(
                    "The summary of %(year)s opens on %(date)s, once the year's last "
                    "departures are recorded: its figures are fixed when first read, "
                    "and never change afterwards. Choose %(latest)s or an earlier "
                    "year.",
                    year=year,
                    date=format_date(self.env, summary_opens_on(year)),
                    latest=latest,
                )
            )
        return year

    @api.model
    def _fixed_figures(self, company, year):
        """The company's figures of that year (hr.exit.interview.summary.figures),
        counted and fixed now if this is the year's first reading."""
        stored = self.env["hr.exit.interview.summary.figures"].sudo()
        fixed = stored.search([("company_id", "=", company.id), ("year", "=", year)])
        if fixed:
            return fixed
        minimum = max(company.exit_interview_min_group_size, MIN_GROUP_SIZE)
        values = {
            "company_id": company.id,
            "year": year,
            "minimum": minimum,
            "figures": self._period_figures(
                company, date(year, 1, 1), date(year, 12, 31), minimum
            ),
        }
        return stored.create(values)

    @api.model
    def _labelled(self, fixed):
        """The fixed figures as the report shows them: each breakdown a list of
        (label, count), in the reader's language."""
        figures = dict(fixed.figures, minimum=fixed.minimum)
        models = {
            "by_reason": self.env["hr.departure.reason"].sudo(),
            "by_department": self.env["hr.department"].sudo(),
        }
        bands = dict(
            self.env["hr.exit.interview"]
            ._fields["seniority_band"]
            ._description_selection(self.env)
        )
        other = self.env._("Other")
        for breakdown in BREAKDOWNS:
            rows = figures[breakdown]
            if breakdown in models:
                names = {
                    record.id: record.display_name
                    for record in models[breakdown]
                    .browse([key for key, _count in rows if key])
                    .exists()
                }
            else:
                names = bands
            figures[breakdown] = [
                (names.get(key, other) if key else other, count) for key, count in rows
            ]
        return figures

    @api.model
    def _read_figures(self, company, year):
        """What the reader reads of the year, counted as the analysis counts it:
        the interviews their own rights open (for the board, the reports shared
        with it), exactly and as they stand today. Each of them the reader may open,
        so their count tells nothing the records do not; it is no disclosure-controlled
        figure, and is never fixed."""
        groups = self.env["hr.exit.interview"]._read_group(
            self._period_domain(company, date(year, 1, 1), date(year, 12, 31)),
            ["departure_reason_id"],
            ["__count"],
        )
        other = self.env._("Other")
        return {
            "read_count": sum(count for _reason, count in groups),
            "read_reasons": {
                reason.sudo().display_name if reason else other: count
                for reason, count in groups
            },
        }

    @api.model
    def _read_by_reason(self, current, year_before):
        """[(reason, count this year, count the year before)] of the interviews the
        reader reads, largest first."""
        this, before = current["read_reasons"], year_before["read_reasons"]
        return [
            (reason, this.get(reason, 0), before.get(reason, 0))
            for reason in sorted(
                this.keys() | before.keys(),
                key=lambda reason: (
                    -this.get(reason, 0),
                    -before.get(reason, 0),
                    reason,
                ),
            )
        ]

    @api.model
    def _period_domain(self, company, date_from, date_to):
        """The company's interviews of the period by their month of departure, which
        outlives anonymisation: anonymised interviews keep counting."""
        return [
            ("company_id", "=", company.id),
            ("departure_month", ">=", date_from.replace(day=1)),
            ("departure_month", "<=", date_to),
            ("state", "!=", "cancelled"),
            # A restricted interview (GDPR art. 18) is stored, not processed.
            (
                "id",
                "not in",
                self.env["hr.exit.interview"]
                .sudo()
                ._search([("restricted", "=", True)]),
            ),
        ]

    @api.model
    def _period_figures(self, company, date_from, date_to, minimum):
        """Every count and breakdown of a period, in superuser mode, under the
        small-cell rule; the breakdowns as [key, count] rows, the key an id, a
        seniority band or None for "Other"."""
        interviews = (
            self.env["hr.exit.interview"].sudo().with_context(active_test=False)
        )
        departures = (
            self.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            .search_count(
                [
                    ("company_id", "=", company.id),
                    ("departure_date", ">=", date_from),
                    ("departure_date", "<=", date_to),
                ]
            )
        )
        # One pass over the interviews for every count and breakdown: rows of
        # (state, reason, department, seniority band, in writing, count).
        groups = interviews._read_group(
            self._period_domain(company, date_from, date_to),
            [
                "state",
                "departure_reason_id",
                "department_id",
                "seniority_band",
                "written_only",
            ],
            ["__count"],
        )
        by_state, participation = {}, dict.fromkeys(PARTICIPATION, 0)
        for state, *_breakdowns, written, count in groups:
            by_state[state] = by_state.get(state, 0) + count
            participation[self._participation(state, written)] += count

        def breakdown(position, key):
            return self._merge_small_cells(
                [(key(group[position]), group[-1]) for group in groups], minimum
            )

        return {
            "departure_count": self._small_cell(departures, minimum),
            "interview_count": self._small_cell(sum(by_state.values()), minimum),
            # Participation: in a talk, in writing, declined, no answer.
            **{
                f"{kind}_count": self._small_cell(count, minimum)
                for kind, count in participation.items()
            },
            "by_reason": breakdown(1, lambda reason: reason.id),
            "by_department": breakdown(2, lambda department: department.id),
            "by_seniority": breakdown(3, lambda band: band),
        }

    @api.model
    def _participation(self, state, written):
        """How the leaver took part, as the summary counts it: in a talk (held),
        in writing (the answers in, without a meeting), declined, or no answer."""
        if written and state in WRITTEN_ANSWERED_STATES:
            return "written"
        if state in HELD_STATES:
            return "held"
        if state == "declined":
            return "declined"
        return "no_answer"

    @api.model
    def _small_cell(self, count, minimum):
        """The count rounded down to a multiple of the minimum, or None when under
        it: a total and its rows, rounded, cannot be subtracted to single out one
        person."""
        return count - count % minimum if count >= minimum else None

    @api.model
    def _merge_small_cells(self, groups, minimum):
        """[[key, count]] from the groups' (key, count) pairs, one row a key,
        largest first, counts rounded as _small_cell does. Cells under the minimum
        and empty keys go together into "Other" (key None); an "Other" still under
        the minimum would be the total minus the rows shown, so the smallest rows
        join it until it reaches the minimum, or everything is left out."""
        counts = {}
        for key, count in groups:
            key = key or None
            counts[key] = counts.get(key, 0) + count
        shown, other = [], 0
        for key, count in sorted(
            counts.items(), key=lambda item: (-item[1], str(item[0]))
        ):
            if key and count >= minimum:
                shown.append((key, count))
            else:
                other += count
        while 0 < other < minimum and shown:
            other += shown.pop()[1]
        rows = [[key, self._small_cell(count, minimum)] for key, count in shown]
        if other >= minimum:
            rows.append([None, self._small_cell(other, minimum)])
        return rows
