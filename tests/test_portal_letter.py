"""The letter that carries the questions: a meeting named as a person
writes it, in the employee's language and time zone, or no meeting at all."""

import re
from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import SendingCase


def plain(html):
    """The mail's text, without tags, on one line."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace(" ,", ",")


@tagged("post_install", "-at_install")
@freeze_time("2026-11-20 12:00:00")
class TestTheLetter(SendingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The employee reads the hour in Brussels, wherever the interviewer is.
        cls.employee.tz = "Europe/Brussels"
        cls.interviewer.tz = "America/New_York"

    def letter(self, **values):
        interview = self.create_interview(**values)
        return plain(self.send_with_wizard(interview)["body"])

    def test_without_a_meeting_the_letter_names_none(self):
        text = self.letter(last_working_day=False)
        self.assertIn("Taking part is your own choice.", text)
        for word in ("meet", "hours", "02:00", " on  "):
            self.assertNotIn(word, text)

    def test_the_meeting_as_a_person_writes_it(self):
        # 09:00 UTC is 10:00 in Brussels in December.
        text = self.letter(planned_start=datetime(2026, 12, 11, 9, 0), duration=2.0)
        self.assertIn(
            "We would like to meet on Friday 11 December 2026 at 10:00, for about "
            f"two hours, with {self.interviewer.name}.",
            text,
        )
        text = self.letter(planned_start=datetime(2026, 12, 11, 9, 0), duration=3.9)
        self.assertIn("for about 4 hours", text)

    def test_the_meeting_in_dutch_for_a_dutch_employee(self):
        self.load_dutch()
        self.employee.lang = "nl_NL"
        text = self.letter(planned_start=datetime(2026, 12, 11, 9, 0), duration=2.0)
        self.assertIn("vrijdag 11 december 2026 om 10:00, voor ongeveer twee uur", text)
        self.assertNotIn("Friday", text)
        text = self.letter(last_working_day=False)
        self.assertNotIn("vrijdag", text)
        self.assertNotIn("spreken graag af", text)

    def test_the_sending_window_says_when_no_meeting_is_planned(self):
        wizard = (
            self.env["hr.exit.interview.send"]
            .with_user(self.officer)
            .create({"interview_id": self.create_interview(last_working_day=False).id})
        )
        self.assertFalse(wizard.planned_start)
        planned = self.create_interview(planned_start=datetime(2026, 12, 11, 9, 0))
        wizard = (
            self.env["hr.exit.interview.send"]
            .with_user(self.officer)
            .create({"interview_id": planned.id})
        )
        self.assertEqual(wizard.planned_start, datetime(2026, 12, 11, 9, 0))
