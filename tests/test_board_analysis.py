"""The analysis' averages: interviews without ratings do not count as 0; its
counts are the board summary's "interviews you read"."""

import re
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import ExitInterviewCase


@tagged("post_install", "-at_install")
class TestRatingAverage(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        template = cls.create_template(
            ("Rate us", "rating"), ("Rate the team", "rating"), ("Why?", "text")
        )
        cls.rated = cls.env["hr.exit.interview"]
        for ratings in (("2", "4"), ("5", False)):
            interview = cls.create_interview(template_id=template.id)
            for line, rating in zip(interview.line_ids.sorted(), ratings, strict=False):
                line.sudo().answer_rating = rating
            cls.rated |= interview
        # No rating at all: a text answer only.
        cls.unrated = cls.create_interview(template_id=template.id)
        cls.unrated.line_ids.sorted()[2].sudo().answer_text = "No figures from me"

    def group_average(self, user, field, domain=None):
        groups = (
            self.env["hr.exit.interview"]
            .with_user(user)
            .read_group(
                domain or [("id", "in", (self.rated | self.unrated).ids)],
                [f"{field}:avg"],
                ["departure_reason_id"],
            )
        )
        self.assertEqual(len(groups), 1)
        return groups[0][field]

    def test_sum_and_count_per_interview(self):
        first, second = self.rated
        self.assertEqual((first.rating_sum, first.rating_count), (6, 2))
        self.assertEqual((second.rating_sum, second.rating_count), (5, 1))
        self.assertEqual((self.unrated.rating_sum, self.unrated.rating_count), (0, 0))

    def test_interviews_without_ratings_do_not_count_as_zero(self):
        # (2 + 4 + 5) / 3 ratings; a plain average of the stored averages would give
        # (3 + 5 + 0) / 3 = 2.67, counting the unrated interview as a 0.
        self.assertAlmostEqual(
            self.group_average(self.officer, "rating_average"), 11 / 3
        )

    def test_a_group_without_any_rating_has_no_average(self):
        self.assertFalse(
            self.group_average(
                self.officer, "rating_average", [("id", "=", self.unrated.id)]
            )
        )

    def test_the_board_average_counts_the_shared_ratings_only(self):
        first, second = self.rated
        self.agree_board_reads_answers(first)
        self.assertEqual((first.board_rating_sum, first.board_rating_count), (6, 2))
        self.assertEqual((second.board_rating_sum, second.board_rating_count), (0, 0))
        self.assertEqual(self.group_average(self.officer, "board_rating_average"), 3.0)

    @mute_logger("odoo.addons.base.models.ir_model")
    def test_the_board_reads_no_total_of_the_answers(self):
        interviews = self.env["hr.exit.interview"].with_user(self.board)
        for spec in ("rating_sum:sum", "rating_count:sum", "rating_average:avg"):
            with self.assertRaises(AccessError):
                interviews.read_group([], [spec], ["state"])


@tagged("post_install", "-at_install")
class TestAnalysis(ExitInterviewCase):
    def test_average_rating_by_reason(self):
        template = self.create_template(("Rate us", "rating"), ("Why?", "text"))
        for ratings in ("2", "4"):
            interview = self.create_interview(template_id=template.id)
            interview.line_ids.sorted()[0].sudo().answer_rating = ratings
        groups = (
            self.env["hr.exit.interview"]
            .with_user(self.officer)
            .read_group([], ["rating_average:avg"], ["departure_reason_id"])
        )
        self.assertEqual(groups[0]["rating_average"], 3.0)


@tagged("post_install", "-at_install")
class TestSummaryAgreesWithAnalysis(ExitInterviewCase):
    """The board summary's "interviews you read" and the analysis count the same
    interviews: a board member finds the same number in both places, for each year
    and reason, whatever they are kept out of; the summary's fixed figures of all
    interviews say what they count beside them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_board = new_test_user(
            cls.env,
            login="exit_other_board",
            groups="base.group_user,hr_exit_interview.group_exit_interview_board",
        )
        retired = cls.env.ref("hr.departure_retired")
        # The board member's own exit, shared: kept from them, read by the others.
        own = cls.env["hr.employee"].create(
            {"name": "The board member", "user_id": cls.board.id}
        )
        cases = [
            (2030, "shared", cls.resigned),
            (2030, "shared", cls.resigned),
            (2030, "shared", cls.fired),
            (2030, "evaluated", retired),
            (2030, "held", cls.resigned),
            (2030, "held", cls.fired),
            (2030, "declined", cls.resigned),
            (2030, "declined", cls.resigned),
            (2030, "declined", retired),
            (2030, "invited", cls.resigned),
            (2030, "invited", cls.fired),
            (2030, "cancelled", cls.resigned),
            (2029, "shared", cls.resigned),
            (2029, "shared", cls.resigned),
            (2029, "declined", cls.fired),
        ]
        for index, (year, state, reason) in enumerate(cases):
            employee = cls.env["hr.employee"].create({"name": f"Leaver {index}"})
            cls.create_interview(
                employee_id=employee.id,
                departure_reason_id=reason.id,
                last_working_day=date(year, 1 + index % 12, 10),
                state=state,
            )
        cls.create_interview(
            employee_id=own.id,
            departure_reason_id=cls.resigned.id,
            last_working_day=date(2030, 6, 20),
            state="shared",
        )

    def analysis(self, user):
        """The analysis as the user's pivot reads it: (year, reason) -> count."""
        action = self.env.ref("hr_exit_interview.hr_exit_interview_action_analysis")
        groups = (
            self.env["hr.exit.interview"]
            .with_user(user)
            .read_group(
                safe_eval(action.domain or "[]"),
                ["__count"],
                ["year", "departure_reason_id"],
                lazy=False,
            )
        )
        return {
            (group["year"], group["departure_reason_id"][1]): group["__count"]
            for group in groups
            if group["year"] in ("2029", "2030")
        }

    def summary(self, user):
        report = self.env["report.hr_exit_interview.report_exit_interview_summary"]
        with freeze_time("2031-02-01"):
            return report.with_user(user)._get_report_values([], {"year": 2030})

    def test_the_summary_counts_what_the_analysis_shows(self):
        for user, read in (
            (self.board, 4),
            (self.other_board, 5),
            (self.officer, 12),
        ):
            with self.subTest(user=user.login):
                values = self.summary(user)
                analysis = self.analysis(user)
                summary = {}
                for reason, this_year, year_before in values["read_by_reason"]:
                    summary.update({("2030", reason): this_year})
                    summary.update({("2029", reason): year_before})
                self.assertEqual(
                    {key: count for key, count in summary.items() if count}, analysis
                )
                self.assertEqual(values["read_count"], read)
                self.assertEqual(
                    values["read_count"],
                    sum(count for key, count in analysis.items() if key[0] == "2030"),
                )
                self.assertEqual(
                    values["year_before"]["read_count"],
                    sum(count for key, count in analysis.items() if key[0] == "2029"),
                )
                # Beside it, every interview of the company, the same for every
                # reader: 13 not cancelled, rounded down to 12.
                self.assertEqual(values["interview_count"], 12)

    @freeze_time("2031-02-01")
    def test_the_summary_states_what_each_figure_counts(self):
        html = (
            self.env["ir.actions.report"]
            .with_user(self.board)
            ._render_qweb_html(
                "hr_exit_interview.action_report_exit_interview_summary",
                [],
                data={"year": 2030},
            )[0]
            .decode()
        )
        text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
        self.assertIn("count every exit interview of the company", text)
        self.assertIn("Interviews you read 4 2", text)
