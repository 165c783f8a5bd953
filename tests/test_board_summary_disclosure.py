"""The board summary's figures cannot be subtracted (issue 24). Whatever period,
company and path a board member or an officer tries, no two figures they obtain
count groups that nest and differ by fewer people than the minimum group, unless
both are hidden; within one summary, no figure and a total it is part of are known
to differ by fewer than the minimum; and a year reads the same however late."""

import json
import re
from collections import Counter, namedtuple
from datetime import date
from itertools import combinations
from urllib.parse import quote

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import HttpCase, tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from ..models.hr_exit_interview import HELD_STATES
from ..models.res_company import MIN_GROUP_SIZE
from ..report.hr_exit_interview_summary_report import (
    latest_summary_year,
    summary_opens_on,
)
from .common import ACCESS_LOGGERS, SUMMARY_REPORT, ExitInterviewCase

SUMMARY = "report.hr_exit_interview.report_exit_interview_summary"
SUMMARY_ROUTE = "/report/{}/hr_exit_interview.report_exit_interview_summary"
# The leavers' year, closed whenever the tests run, and the year before it.
YEAR = 2024
MINIMUM = MIN_GROUP_SIZE
COUNTS = (
    "departure_count",
    "interview_count",
    "held_count",
    "written_count",
    "declined_count",
    "no_answer_count",
)
BREAKDOWNS = {
    "by_reason": "departure_reason_id",
    "by_department": "department_id",
    "by_seniority": "seniority_band",
}
MUTED = ("odoo.http", *ACCESS_LOGGERS)

# One figure the reader obtained: the group it counts (companies, first and last
# day), what it counts (a count's name, or a breakdown and a row's label), what the
# summary shows (None: fewer than the minimum) and how many there are.
Figure = namedtuple("Figure", "companies date_from date_to key shown true")


def window(shown):
    """What a reader knows of a figure from what it shows: the lowest and highest
    count it may stand for."""
    if shown is None:
        return 0, MINIMUM - 1
    return shown, shown + MINIMUM - 1


def nests(small, large):
    """Whether the group of `small` lies within the group of `large`."""
    return (
        small.companies <= large.companies
        and large.date_from <= small.date_from
        and small.date_to <= large.date_to
    )


@tagged("post_install", "-at_install")
class TestBoardSummaryDisclosure(HttpCase, ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.exit_interview_min_group_size = MINIMUM
        cls.second = cls.env["res.company"].create({"name": "Second Organisation"})
        cls.second.exit_interview_min_group_size = MINIMUM
        both = [Command.link(cls.second.id)]
        # A board member and an officer of both companies, a board member of the
        # second only.
        cls.board.company_ids = both
        cls.officer.company_ids = both
        cls.second_board = new_test_user(
            cls.env,
            login="exit_second_board",
            groups="base.group_user,hr_exit_interview.group_exit_interview_board",
            company_id=cls.second.id,
            company_ids=[Command.set(cls.second.ids)],
        )
        cls.finance = cls.env["hr.department"].create({"name": "Finance"})
        # The leavers: four from July to October, two of whom declined,
        # and the only leaver of November, who declined too.
        leavers = [
            *[
                (cls.company, date(YEAR, month, 10), "shared", reason, department)
                for month, reason, department in (
                    (1, cls.resigned, cls.department),
                    (2, cls.resigned, cls.department),
                    (3, cls.resigned, cls.finance),
                    (4, cls.resigned, cls.finance),
                    (5, cls.fired, cls.department),
                    (6, cls.fired, cls.finance),
                )
            ],
            (cls.company, date(YEAR, 7, 10), "declined", cls.resigned, cls.department),
            (cls.company, date(YEAR, 8, 10), "held", cls.resigned, cls.finance),
            (cls.company, date(YEAR, 9, 10), "declined", cls.fired, cls.department),
            (cls.company, date(YEAR, 10, 10), "held", cls.resigned, cls.finance),
            (cls.company, date(YEAR, 11, 10), "declined", cls.resigned, cls.finance),
            *[
                (cls.company, date(YEAR - 1, month, 10), "held", cls.resigned, False)
                for month in (3, 6, 9)
            ],
            (cls.second, date(YEAR, 7, 20), "declined", cls.resigned, False),
            (cls.second, date(YEAR, 11, 20), "held", cls.fired, False),
        ]
        # Leavers who took part in writing (issue 26), and one who never answered.
        written = len(leavers)
        leavers += [
            (cls.company, date(YEAR, 2, 20), "shared", cls.resigned, cls.department),
            (cls.company, date(YEAR, 5, 20), "evaluated", cls.fired, cls.finance),
            (cls.company, date(YEAR, 8, 20), "prepared", cls.resigned, cls.finance),
            (cls.company, date(YEAR, 12, 20), "invited", cls.resigned, cls.finance),
        ]
        for index, (company, day, state, reason, department) in enumerate(leavers):
            employee = cls.env["hr.employee"].create(
                {
                    "name": f"Leaver {index}",
                    "company_id": company.id,
                    "department_id": department and department.id,
                    "departure_date": day,
                }
            )
            cls.create_interview(
                employee_id=employee.id,
                company_id=company.id,
                hire_date=day - relativedelta(years=1 + index % 4),
                last_working_day=day,
                departure_reason_id=reason.id,
                state=state,
                points_to_improve=f"Point {index}",
                written_only=index >= written,
            )

    # Helpers

    def readers(self):
        """Every reader and every choice of companies they may make (the first one
        is the company the summary is of, when it covers one)."""
        first, second = self.company.ids, self.second.ids
        return [
            (self.board, first),
            (self.board, second),
            (self.board, first + second),
            (self.board, second + first),
            (self.officer, first),
            (self.officer, second + first),
            (self.second_board, second),
        ]

    def typed_periods(self):
        """Every period a reader may type: each run of whole months of the leavers'
        year, runs of days and across years, each year from the one before the
        leavers' to the one after today, a year given in every form, and nonsense."""
        periods = []
        months = [date(YEAR, month, 1) for month in range(1, 13)]
        for index, start in enumerate(months):
            for end in months[index:]:
                periods.append(
                    {
                        "date_from": str(start),
                        "date_to": str(end + relativedelta(day=31)),
                    }
                )
        periods += [
            {"date_from": f"{YEAR}-07-15", "date_to": f"{YEAR}-11-15"},
            {"date_from": f"{YEAR}-07-01", "date_to": f"{YEAR}-07-01"},
            {"date_from": f"{YEAR - 1}-07-01", "date_to": f"{YEAR}-06-30"},
            {"date_from": f"{YEAR}-12-01", "date_to": f"{YEAR + 1}-01-31"},
            {"date_from": f"{YEAR}-01-01", "date_to": f"{YEAR + 1}-12-31"},
            {"date_from": f"{YEAR}-12-31", "date_to": f"{YEAR}-01-01"},
        ]
        today = fields.Date.context_today(self.env["res.users"].with_user(self.board))
        for year in range(YEAR - 1, today.year + 2):
            periods += [
                {"year": year},
                {"year": str(year)},
                {"date_from": f"{year}-01-01", "date_to": f"{year}-12-31"},
                {"date_from": date(year, 1, 1), "date_to": date(year, 12, 31)},
            ]
        periods += [
            {"year": YEAR, "date_from": f"{YEAR}-01-01", "date_to": f"{YEAR}-06-30"},
            {
                "year": YEAR,
                "date_from": f"{YEAR - 1}-01-01",
                "date_to": f"{YEAR - 1}-12-31",
            },
            {"year": YEAR + 0.5},
            {"year": True},
            {"year": "twenty"},
            {"year": 0},
            {"year": -YEAR},
            {"year": 10**12},
            {"year": [YEAR]},
            {"date_from": f"{YEAR}-01-01"},
            {"date_from": f"{YEAR}-01-01", "date_to": f"{YEAR}-13-01"},
            {},
        ]
        return periods

    def summary(self, user, companies, data):
        report = self.env[SUMMARY].with_user(user)
        report = report.with_context(allowed_company_ids=companies)
        return report, report._get_report_values([], data)

    def true_counts(self, companies, date_from, date_to):
        """What the figures of a group count, in superuser mode: each count by its
        name, each breakdown's rows by their label."""
        interviews = self.env["hr.exit.interview"].with_context(active_test=False)
        domain = [
            ("company_id", "in", companies.ids),
            ("departure_month", ">=", date_from.replace(day=1)),
            ("departure_month", "<=", date_to),
            ("state", "!=", "cancelled"),
        ]
        counts = {
            "departure_count": self.env["hr.employee"]
            .with_context(active_test=False)
            .search_count(
                [
                    ("company_id", "in", companies.ids),
                    ("departure_date", ">=", date_from),
                    ("departure_date", "<=", date_to),
                ]
            ),
            "interview_count": interviews.search_count(domain),
            "held_count": interviews.search_count(
                domain + [("state", "in", HELD_STATES), ("written_only", "=", False)]
            ),
            "written_count": interviews.search_count(
                domain
                + [
                    ("state", "in", ("prepared", *HELD_STATES)),
                    ("written_only", "=", True),
                ]
            ),
            "declined_count": interviews.search_count(
                domain + [("state", "=", "declined")]
            ),
        }
        counts["no_answer_count"] = counts["interview_count"] - sum(
            counts[key] for key in ("held_count", "written_count", "declined_count")
        )
        bands = dict(
            interviews._fields["seniority_band"]._description_selection(self.env)
        )
        for breakdown, field in BREAKDOWNS.items():
            for value, count in interviews._read_group(domain, [field], ["__count"]):
                label = (
                    bands.get(value)
                    if field == "seniority_band"
                    else value.display_name
                )
                counts[breakdown, label or None] = count
        return counts

    def figures_of(self, report, values):
        """The figures of a summary and of its year before, with what they count."""
        companies = values.get("company") or report.env.companies
        companies = self.env["res.company"].browse(companies.ids)
        date_from, date_to = values["date_from"], values["date_to"]
        tables = [
            (values["this_period"], date_from, date_to),
            (
                values["year_before"],
                date_from - relativedelta(years=1),
                date_to - relativedelta(years=1, day=31),
            ),
        ]
        figures = []
        for shown, first, last in tables:
            true = self.true_counts(companies, first, last)
            table = [
                Figure(
                    frozenset(companies.ids), first, last, key, shown[key], true[key]
                )
                for key in COUNTS
            ]
            for breakdown in BREAKDOWNS:
                labelled = {label for label, _count in shown[breakdown]}
                for label, count in shown[breakdown]:
                    # "Other": the total minus the rows shown beside it. What it
                    # takes in differs from one summary to another: compared within
                    # its own summary only.
                    if label == "Other":
                        rest = true["interview_count"] - sum(
                            true.get((breakdown, other), 0)
                            for other in labelled - {"Other"}
                        )
                        table.append(
                            Figure(
                                frozenset(companies.ids),
                                first,
                                last,
                                (breakdown, "Other", first, last),
                                count,
                                rest,
                            )
                        )
                        continue
                    table.append(
                        Figure(
                            frozenset(companies.ids),
                            first,
                            last,
                            (breakdown, label),
                            count,
                            true.get((breakdown, label), 0),
                        )
                    )
            figures.append(table)
        return figures

    def assert_nothing_singled_out(self, tables):
        """The enumeration's verdict over every table of figures obtained."""
        found = {}
        for table in tables:
            for figure in table:
                low, high = window(figure.shown)
                self.assertTrue(low <= figure.true <= high, figure)
                seen = found.setdefault(figure[:4], figure)
                self.assertEqual(seen.shown, figure.shown, "read twice, shown apart")
        # Two figures of the same thing over two groups, one within the other: the
        # people between them are the difference.
        by_key = {}
        for figure in found.values():
            by_key.setdefault(figure.key, []).append(figure)
        singled_out = []
        for figures in by_key.values():
            for one, two in combinations(figures, 2):
                small, large = (one, two) if nests(one, two) else (two, one)
                if not nests(small, large):
                    continue
                difference = large.true - small.true
                hidden = small.shown is None and large.shown is None
                if 0 < difference < MINIMUM and not hidden:
                    singled_out.append((small, large))
        if singled_out:
            declined = [pair for pair in singled_out if pair[0].key == "declined_count"]
            self.fail(
                f"{len(singled_out)} pairs of figures single out fewer than {MINIMUM} "
                "leavers, such as: "
                + "; ".join(
                    " and ".join(
                        f"{figure.key} of {sorted(figure.companies)} from "
                        f"{figure.date_from} to {figure.date_to}: {figure.shown}"
                        for figure in pair
                    )
                    for pair in (declined or singled_out)[:2]
                )
            )
        # Within one summary, a total and a figure that is part of it: what the
        # reader can tell of the difference never lies within 1 .. minimum - 1.
        for table in tables:
            figures = {figure.key: figure for figure in table}
            total = figures["interview_count"]
            parts = [
                figures[key]
                for key in (
                    "held_count",
                    "written_count",
                    "declined_count",
                    "no_answer_count",
                )
            ]
            parts += [
                figure for key, figure in figures.items() if isinstance(key, tuple)
            ]
            for part in parts:
                low = window(total.shown)[0] - window(part.shown)[1]
                high = window(total.shown)[1] - window(part.shown)[0]
                self.assertFalse(1 <= low and high < MINIMUM, (total, part))
            for breakdown in BREAKDOWNS:
                rows = [
                    figure
                    for key, figure in figures.items()
                    if isinstance(key, tuple) and key[0] == breakdown
                ]
                left_out = total.true - sum(row.true for row in rows)
                self.assertTrue(
                    left_out == 0 or left_out >= MINIMUM or total.shown is None,
                    (breakdown, total, rows),
                )

    # 1. Every period, every company, every reader

    def test_every_period_typed_singles_out_no_one(self):
        latest = latest_summary_year(
            fields.Date.context_today(self.env["res.users"].with_user(self.board))
        )
        tables, obtained = [], set()
        for user, companies in self.readers():
            for data in self.typed_periods():
                try:
                    report, values = self.summary(user, companies, data)
                except UserError:
                    continue
                covered = values.get("company") or report.env.companies
                obtained.add((values["date_from"], values["date_to"], len(covered)))
                tables += self.figures_of(report, values)
        self.assert_nothing_singled_out(tables)
        # Only whole calendar years a month past their end, one company each.
        self.assertEqual(
            obtained,
            {
                (date(year, 1, 1), date(year, 12, 31), 1)
                for year in range(YEAR - 1, latest + 1)
            },
        )

    @mute_logger(*MUTED)
    def test_no_figures_of_a_company_one_does_not_belong_to(self):
        with self.assertRaises(AccessError):
            self.summary(self.second_board, self.company.ids, {"year": YEAR})
        report, values = self.summary(self.board, self.second.ids, {"year": YEAR})
        self.assertEqual(values["company"], self.second)
        self.assertEqual(values["declined_count"], None)
        _report, values = self.summary(
            self.board, self.company.ids + self.second.ids, {"year": YEAR}
        )
        self.assertEqual(values["company"], self.company)
        self.assertEqual(values["declined_count"], 3)

    # 2. Later readings

    @mute_logger(*MUTED)
    def test_a_year_reads_the_same_however_late(self):
        _report, first = self.summary(self.board, self.company.ids, {"year": YEAR})
        # Recorded afterwards: a December leaver who declined, a cancellation.
        employee = self.env["hr.employee"].create({"name": "December leaver"})
        self.create_interview(
            employee_id=employee.id,
            last_working_day=date(YEAR, 12, 5),
            state="declined",
        )
        employee.departure_date = date(YEAR, 12, 5)
        self.env["hr.exit.interview"].search(
            [("employee_id.name", "=", "Leaver 7")]
        ).state = "cancelled"
        for user in (self.board, self.officer):
            _report, again = self.summary(user, self.company.ids, {"year": YEAR})
            for key in (*COUNTS, *BREAKDOWNS, "minimum", "fixed_on"):
                self.assertEqual(again[key], first[key], key)
            # The counts of what the reader reads are the reader's own, not fixed
            # (the last test of this file).
            for key in (*COUNTS, *BREAKDOWNS, "minimum"):
                self.assertEqual(again["year_before"][key], first["year_before"][key])
        # The minimum is the one the year was fixed with.
        self.company.exit_interview_min_group_size = 4
        _report, again = self.summary(self.board, self.company.ids, {"year": YEAR})
        self.assertEqual(again["interview_count"], first["interview_count"])
        # Nobody reads the fixed figures but through the summary.
        for user in (self.board, self.officer, self.second_board):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["hr.exit.interview.summary.figures"].with_user(
                    user
                ).search_read([], ["figures"])

    def test_a_year_opens_a_month_after_its_end(self):
        report = self.env[SUMMARY].with_user(self.board)
        opens = summary_opens_on(YEAR)
        self.assertEqual(opens, date(YEAR + 1, 2, 1))
        with freeze_time(opens - relativedelta(days=1)):
            with self.assertRaisesRegex(UserError, "opens on"):
                report._get_report_values([], {"year": YEAR})
            self.assertEqual(latest_summary_year(fields.Date.today()), YEAR - 1)
        with freeze_time(opens):
            values = report._get_report_values([], {"year": YEAR})
        self.assertEqual(values["year"], YEAR)

    # 3. The other paths: the wizard, the report action, the report's URLs

    def test_wizard_offers_closed_years_from_nothing_it_reads(self):
        wizards = self.env["hr.exit.interview.summary.wizard"].with_user(self.board)
        latest = latest_summary_year(fields.Date.context_today(wizards))
        # A departure planned far ahead changes nothing: the default is the
        # latest closed year, whatever the reader may or may not read.
        employee = self.env["hr.employee"].create({"name": "Far ahead"})
        self.create_interview(
            employee_id=employee.id, last_working_day=date(2040, 1, 1)
        )
        wizard = wizards.create({})
        self.assertEqual(wizard.year, str(latest))
        self.assertEqual(
            (wizard.date_from, wizard.date_to),
            (date(latest, 1, 1), date(latest, 12, 31)),
        )
        offered = [
            int(year)
            for year, _label in wizards.fields_get(["year"])["year"]["selection"]
        ]
        self.assertEqual(max(offered), latest)
        for dates in (
            (f"{YEAR}-07-01", f"{YEAR}-10-31"),
            (f"{YEAR}-01-01", f"{YEAR}-06-30"),
            (f"{latest + 1}-01-01", f"{latest + 1}-12-31"),
        ):
            with self.subTest(dates=dates), self.assertRaises(ValidationError):
                wizards.create({"date_from": dates[0], "date_to": dates[1]})
        wizard = wizards.create(
            {"date_from": f"{YEAR}-01-01", "date_to": f"{YEAR}-12-31"}
        )
        self.assertEqual(wizard.year, str(YEAR))
        action = wizard.action_print()
        _report, direct = self.summary(self.board, self.company.ids, {"year": YEAR})
        values = (
            self.env[SUMMARY]
            .with_user(self.board)
            ._get_report_values(wizard.ids, action["data"])
        )
        for key in (*COUNTS, *BREAKDOWNS):
            self.assertEqual(values[key], direct[key], key)

    @mute_logger(*MUTED)
    def test_report_action_and_urls_refuse_other_periods(self):
        reports = self.env["ir.actions.report"].with_user(self.board)
        action = reports.env.ref(SUMMARY_REPORT).report_action(
            [], data={"date_from": f"{YEAR}-07-01", "date_to": f"{YEAR}-11-30"}
        )
        with self.assertRaisesRegex(UserError, "whole calendar year"):
            reports._render_qweb_html(SUMMARY_REPORT, [], data=action["data"])
        self.authenticate(self.board.login, self.board.login)
        both = json.dumps({"allowed_company_ids": self.company.ids + self.second.ids})
        for converter in ("html", "pdf"):
            for period in (
                {"date_from": f"{YEAR}-07-01", "date_to": f"{YEAR}-10-31"},
                {"date_from": f"{YEAR}-07-01", "date_to": f"{YEAR}-11-30"},
                {"year": YEAR + 5},
            ):
                with self.subTest(converter=converter, period=period):
                    response = self.url_open(
                        f"{SUMMARY_ROUTE.format(converter)}"
                        f"?options={quote(json.dumps(period))}&context={quote(both)}"
                    )
                    self.assertEqual(response.status_code, 400)
                    self.assertNotIn(b"summary for the board", response.content)
        response = self.url_open(
            f"{SUMMARY_ROUTE.format('html')}"
            f"?options={quote(json.dumps({'year': YEAR}))}&context={quote(both)}"
        )
        self.assertEqual(response.status_code, 200)
        text = re.sub(r"<[^>]+>", "", response.text)
        self.assertIn(f"{self.company.name}, {YEAR}", text)
        self.assertNotIn(self.second.name, text)

    # 4. The summary beside the analysis

    @mute_logger(*MUTED)
    def test_the_summary_and_the_analysis_tell_nothing_one_does_not_open(self):
        """What the summary counts of the interviews its reader reads is the
        analysis' own count, and counts only interviews the reader opens one by one:
        side by side, the two views tell nothing of an interview the reader does not
        open. The figures of all interviews are the same for every reader."""
        # The board member's own exit, shared: kept from them, read by the officer.
        own = self.env["hr.employee"].create(
            {"name": "Board member", "user_id": self.board.id}
        )
        kept_out = self.create_interview(
            employee_id=own.id,
            last_working_day=date(YEAR, 12, 1),
            departure_reason_id=self.resigned.id,
            state="shared",
        )
        action = self.env.ref("hr_exit_interview.hr_exit_interview_action_analysis")
        fixed, opened_by = {}, {}
        for user, companies in self.readers():
            for year in (YEAR - 1, YEAR):
                _report, values = self.summary(user, companies, {"year": year})
                company = values["company"]
                interviews = (
                    self.env["hr.exit.interview"]
                    .with_user(user)
                    .with_context(allowed_company_ids=companies)
                )
                domain = safe_eval(action.domain or "[]") + [
                    ("company_id", "=", company.id),
                    ("year", "=", str(year)),
                ]
                opened = interviews.search(domain)
                opened.read(["departure_reason_id", "report_summary"])
                analysis = {
                    (group["departure_reason_id"] or [0, "Other"])[1]: group["__count"]
                    for group in interviews.read_group(
                        domain, ["__count"], ["departure_reason_id"], lazy=False
                    )
                }
                read = {
                    reason: count
                    for reason, count, _before in values["read_by_reason"]
                    if count
                }
                self.assertEqual(read, analysis)
                self.assertEqual(
                    read,
                    dict(
                        Counter(
                            interview.departure_reason_id.display_name or "Other"
                            for interview in opened
                        )
                    ),
                )
                self.assertEqual(values["read_count"], len(opened))
                opened_by.setdefault(user, set()).update(opened.ids)
                figures = {key: values[key] for key in (*COUNTS, *BREAKDOWNS)}
                self.assertEqual(fixed.setdefault((company, year), figures), figures)
        self.assertNotIn(kept_out.id, opened_by[self.board])
        self.assertIn(kept_out.id, opened_by[self.officer])
        self.assertFalse(opened_by[self.second_board])
