"""The analysis' averages: interviews without ratings do not count as 0."""

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

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
