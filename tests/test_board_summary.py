"""The board's summary of a year: counts that single out no one (small cells
merged, other periods refused), the points to improve only from enough
reports, the year before beside it, anonymised interviews still counted."""

import re
from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SUMMARY_REPORT, ExitInterviewCase, pdf_text

# The summary of 2031 opens a month after the year's end.
SUMMARY_OPENS = "2032-02-01"


@tagged("post_install", "-at_install")
class TestBoardSummary(HttpCase, ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        retired = cls.env.ref("hr.departure_retired")
        other_department = cls.env["hr.department"].create({"name": "Finance"})
        cases = [
            (cls.resigned, cls.department, "shared"),
            (cls.resigned, cls.department, "shared"),
            (cls.resigned, cls.department, "declined"),
            (cls.fired, other_department, "held"),
            (retired, other_department, "shared"),
        ]
        cls.interviews = cls.env["hr.exit.interview"]
        for index, (reason, department, state) in enumerate(cases):
            employee = cls.env["hr.employee"].create(
                {"name": f"Leaver {index}", "department_id": department.id}
            )
            cls.interviews |= cls.create_interview(
                employee_id=employee.id,
                departure_reason_id=reason.id,
                last_working_day=date(2031, 3, 1 + index),
                state=state,
                points_to_improve=f"Point {index}",
            )
        cls.create_interview(last_working_day=date(2029, 1, 1))  # out of the period
        cls.interviews[0].measure_ids = [Command.create({"name": "Buddy system"})]

    def summary_values(self, user):
        report = self.env["report.hr_exit_interview.report_exit_interview_summary"]
        with freeze_time(SUMMARY_OPENS):
            return report.with_user(user)._get_report_values(
                [], {"date_from": "2031-01-01", "date_to": "2031-12-31"}
            )

    def summary_html(self, user):
        with freeze_time(SUMMARY_OPENS):
            html = (
                self.env["ir.actions.report"]
                .with_user(user)
                ._render_qweb_html(SUMMARY_REPORT, [], data={"year": 2031})[0]
                .decode()
            )
        return " ".join(re.sub(r"<[^>]+>", " ", html).split())

    def test_counts_and_small_cells_merged(self):
        values = self.summary_values(self.board)
        # Counts rounded down to a multiple of the minimum (3): 5 and 4 show as 3.
        self.assertEqual(values["interview_count"], 3)
        self.assertEqual(values["held_count"], 3)
        # One declined: under the minimum, the figure is not shown.
        self.assertIsNone(values["declined_count"])
        # Fired and Retired, one each: an "Other" of 2 would be the total minus
        # Resigned, so Resigned joins it (5, shown as 3).
        self.assertEqual(values["by_reason"], [("Other", 3)])
        self.assertEqual(values["by_department"], [("Other", 3)])
        self.assertEqual(
            sorted(values["points_to_improve"]), ["Point 0", "Point 1", "Point 4"]
        )
        self.assertEqual(values["measures"].mapped("name"), ["Buddy system"])
        with self.assertRaises(ValidationError):
            self.company.exit_interview_min_group_size = 2

    def test_no_number_glued_to_a_word_in_any_language(self):
        # A translation replaces the text between two numbers, keeping the spaces
        # around it in the English source: a text that starts right after a number
        # ("3, or left out") glues the number to the translation's first word
        # ("er 3telt").
        templates = ("report_summary_count_row", "report_exit_interview_summary")
        for name in templates:
            arch = etree.fromstring(self.env.ref(f"hr_exit_interview.{name}").arch_db)
            for node in arch.iter():
                if not {"t-out", "t-esc", "t-field"} & set(node.attrib):
                    continue
                previous = node.getprevious()
                before = node.getparent().text if previous is None else previous.tail
                for text, edge in ((node.tail, 0), (before, -1)):
                    if text and re.search(r"\w", text):
                        self.assertTrue(text[edge].isspace(), (name, text))

    def test_no_heading_without_rows(self):
        values = self.summary_values(self.board)
        self.assertEqual(values["year_before"]["by_reason"], [])
        html = self.summary_html(self.board)
        # No interview the year before: its breakdown, left out, prints no heading.
        self.assertNotIn("Departure Reason, a year before", html)
        self.assertIn("Departure Reason Interviews Other 3", html)

    def test_points_left_out_when_too_few_reports(self):
        self.company.exit_interview_min_group_size = 4
        self.assertEqual(self.summary_values(self.officer)["points_to_improve"], [])

    @freeze_time(SUMMARY_OPENS)
    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_summary_pdf_through_the_wizard(self):
        wizard = (
            self.env["hr.exit.interview.summary.wizard"]
            .with_user(self.board)
            .create({"date_from": date(2031, 1, 1), "date_to": date(2031, 12, 31)})
        )
        action = wizard.action_print()
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.board)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                SUMMARY_REPORT,
                wizard.ids,
                data=action["data"],
            )
        )
        text = pdf_text(pdf)
        for expected in (
            "Exit interviews: summary",
            "Other",
            "Buddy system",
        ):
            self.assertIn(expected, text)

    @mute_logger("odoo.http")
    def test_summary_refused_to_others(self):
        for role in ("interviewer", "hr_user", "internal"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.summary_values(self.users[role])

    def test_period_must_be_ordered(self):
        with self.assertRaises(ValidationError):
            self.env["hr.exit.interview.summary.wizard"].create(
                {"date_from": date(2031, 12, 31), "date_to": date(2031, 1, 1)}
            )

    def test_a_bad_period_is_a_clear_error(self):
        report = self.env["report.hr_exit_interview.report_exit_interview_summary"]
        with self.assertRaisesRegex(UserError, "Choose the period"):
            report.with_user(self.board)._get_report_values(
                [], {"date_from": "2025-01-01", "date_to": "2025-13-01"}
            )

    def test_overlapping_periods_do_not_single_out_one_leaver(self):
        self.company.exit_interview_min_group_size = 3
        for day in range(1, 11):
            employee = self.env["hr.employee"].create({"name": f"January {day}"})
            self.create_interview(
                employee_id=employee.id, last_working_day=date(2032, 1, day)
            )
        february = self.env["hr.employee"].create({"name": "February alone"})
        self.create_interview(
            employee_id=february.id, last_working_day=date(2032, 2, 3)
        )
        report = self.env["report.hr_exit_interview.report_exit_interview_summary"]
        # Only whole calendar years: January and January to February are refused.
        for date_to in ("2032-01-31", "2032-02-29"):
            with self.assertRaisesRegex(UserError, "whole calendar year"):
                report._get_report_values(
                    [], {"date_from": "2032-01-01", "date_to": date_to}
                )


@tagged("post_install", "-at_install")
class TestTrends(ExitInterviewCase):
    """Statistics that keep their promise: anonymised interviews count, the year
    before is beside it, the default period is the latest year summarised."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.exit_interview_min_group_size = 3
        cls.company.exit_interview_retention_months = 12
        cls.old = cls.env["hr.exit.interview"]
        for index in range(3):
            employee = cls.env["hr.employee"].create({"name": f"Leaver {index}"})
            cls.old |= cls.create_interview(
                employee_id=employee.id,
                hire_date=date(2020, 1, 1),
                last_working_day=date(2027, 3, 10 + index),
            )
        for index in range(4):
            employee = cls.env["hr.employee"].create({"name": f"Later {index}"})
            cls.create_interview(
                employee_id=employee.id, last_working_day=date(2028, 3, 10 + index)
            )

    def summary(self, date_from, date_to):
        return self.env[
            "report.hr_exit_interview.report_exit_interview_summary"
        ]._get_report_values(
            [], data={"date_from": str(date_from), "date_to": str(date_to)}
        )

    @freeze_time("2028-06-01")
    def test_anonymised_interviews_keep_counting(self):
        anonymised = self.env["hr.exit.interview"]._cron_anonymise_expired()
        self.assertEqual(self.made_here(anonymised), self.old)
        self.assertFalse(any(self.old.mapped("last_working_day")))
        values = self.summary(date(2027, 1, 1), date(2027, 12, 31))
        self.assertEqual(values["interview_count"], 3)
        self.assertEqual(values["by_reason"], [("Resigned", 3)])

    @freeze_time("2029-02-01")
    def test_the_year_before_stands_beside_the_period(self):
        values = self.summary(date(2028, 1, 1), date(2028, 12, 31))
        # Rounded down to a multiple of the minimum (3): 4 shows as 3.
        self.assertEqual(values["interview_count"], 3)
        self.assertEqual(values["year_before"]["interview_count"], 3)
        self.assertEqual(values["year_before"]["by_reason"], [("Resigned", 3)])

    @freeze_time("2027-01-15")
    def test_the_default_period_is_the_latest_year_summarised(self):
        # From the date alone, not the departures to come: 2026 opens on 1 February.
        wizard = self.env["hr.exit.interview.summary.wizard"].create({})
        self.assertEqual(wizard.date_to, date(2025, 12, 31))

    @freeze_time("2029-03-15")
    def test_the_default_period_is_one_year_and_the_year_before_the_one_before(self):
        wizard = (
            self.env["hr.exit.interview.summary.wizard"]
            .with_user(self.board)
            .create({})
        )
        self.assertEqual(
            (wizard.date_from, wizard.date_to), (date(2028, 1, 1), date(2028, 12, 31))
        )
        values = self.env["report.hr_exit_interview.report_exit_interview_summary"]
        values = values.with_user(self.board)._get_report_values(
            [], wizard.action_print()["data"]
        )
        self.assertEqual(
            (values["date_from"], values["date_to"]),
            (date(2028, 1, 1), date(2028, 12, 31)),
        )
        # The year before is the calendar year before it, not a year back from a
        # date within it: the two never overlap.
        fixed = self.env["hr.exit.interview.summary.figures"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertEqual(sorted(fixed.mapped("year")), [2027, 2028])
        self.assertEqual(values["year_before"]["interview_count"], 3)
        self.assertEqual(values["year_before"]["by_reason"], [("Resigned", 3)])

    def test_voluntary_or_not_and_hr_judgement(self):
        fired = self.create_interview(departure_reason_id=self.fired.id)
        self.assertEqual(fired.departure_kind, "involuntary")
        self.assertEqual(self.old[0].departure_kind, "voluntary")
        fired.with_user(self.officer).write(
            {"regrettable": True, "eligible_for_rehire": "yes"}
        )
        with self.assertRaises(AccessError):
            fired.with_user(self.interviewer).read(["regrettable"])
        with self.assertRaises(AccessError):
            fired.with_user(self.board).read(["eligible_for_rehire"])


@tagged("post_install", "-at_install")
class TestBreakdownMerge(ExitInterviewCase):
    """Realistic distributions: the smallest reasons merge into "Other" until it
    reaches the minimum, the largest stay visible."""

    def merged(self, counts, minimum=3):
        report = self.env["report.hr_exit_interview.report_exit_interview_summary"]
        return report._merge_small_cells(list(counts.items()), minimum)

    def test_the_largest_reasons_stay_visible(self):
        # 12 interviews, reasons 5/4/2/1 at minimum 3: 5 and 4 shown (rounded down
        # to multiples of 3), 2 and 1 together make "Other" 3.
        self.assertEqual(
            self.merged({"a": 5, "b": 4, "c": 2, "d": 1}),
            [["a", 3], ["b", 3], [None, 3]],
        )
        self.assertEqual(
            self.merged({"a": 4, "b": 4, "c": 4}), [["a", 3], ["b", 3], ["c", 3]]
        )
        self.assertEqual(
            self.merged({"a": 6, "b": 3, "c": 2, "d": 1}),
            [["a", 6], ["b", 3], [None, 3]],
        )
        # "Other" of 2 would be the total minus the rows shown: the smallest row
        # shown joins it, not every row.
        self.assertEqual(
            self.merged({"a": 7, "b": 5, "c": 4, "d": 2}),
            [["a", 6], ["b", 3], [None, 6]],
        )

    @freeze_time("2031-02-01")
    def test_a_realistic_year_shows_its_largest_reasons(self):
        reasons = [
            self.resigned,
            self.fired,
            self.env.ref("hr.departure_retired"),
            self.env["hr.departure.reason"].create({"name": "Moved abroad"}),
        ]
        states = ["shared", "held", "declined", "invited"]
        for reason, count in zip(reasons, (5, 4, 2, 1), strict=True):
            for index in range(count):
                employee = self.env["hr.employee"].create(
                    {"name": f"{reason.name} {index}"}
                )
                self.create_interview(
                    employee_id=employee.id,
                    departure_reason_id=reason.id,
                    last_working_day=date(2030, 1 + index, 10),
                    state=states[index % 4],
                )
        values = self.env[
            "report.hr_exit_interview.report_exit_interview_summary"
        ]._get_report_values([], {"year": 2030})
        self.assertEqual(values["interview_count"], 12)
        self.assertEqual(
            values["by_reason"], [("Resigned", 3), ("Fired", 3), ("Other", 3)]
        )
