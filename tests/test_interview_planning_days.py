"""The meeting is proposed on a working day of the employee: not on a weekend, a
public holiday or one of their leaves; moved onto a day off, the officer is told."""

from datetime import date, datetime, time, timedelta

import pytz

from odoo.tests import tagged

from .common import ExitInterviewCase


def next_weekday(after, weekday):
    """The first date after ``after`` that falls on ``weekday`` (Monday is 0)."""
    return after + timedelta(days=(weekday - after.weekday() - 1) % 7 + 1)


@tagged("post_install", "-at_install")
class TestPlanningDays(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tz = pytz.timezone("Europe/Brussels")
        cls.employee.tz = "Europe/Brussels"
        cls.calendar = cls.env["resource.calendar"].create(
            {"name": "Monday to Friday", "tz": "Europe/Brussels"}
        )
        cls.employee.resource_calendar_id = cls.calendar
        # A week before a Sunday falls on a Sunday.
        cls.sunday = next_weekday(date(2031, 6, 1), 6)

    def local(self, interview):
        return pytz.utc.localize(interview.planned_start).astimezone(self.tz)

    def day_off(self, day, resource=None):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Day off",
                "calendar_id": self.calendar.id,
                "resource_id": resource and resource.id,
                "date_from": datetime.combine(day, time(0, 0)) - timedelta(hours=2),
                "date_to": datetime.combine(day, time(23, 0)),
            }
        )

    def test_a_weekend_gives_the_working_day_before(self):
        interview = self.create_interview(
            last_working_day=self.sunday + timedelta(days=7)
        )
        start = self.local(interview)
        self.assertEqual(start.date(), self.sunday - timedelta(days=2))
        self.assertEqual(start.weekday(), 4)
        self.assertEqual(start.time(), time(10, 0))
        self.assertFalse(interview.planning_warning)

    def test_a_public_holiday_and_a_leave_are_skipped(self):
        thursday = next_weekday(date(2031, 6, 1), 3)
        self.day_off(thursday)
        self.day_off(thursday - timedelta(days=1), self.employee.resource_id)
        interview = self.create_interview(last_working_day=thursday + timedelta(days=7))
        self.assertEqual(self.local(interview).date(), thursday - timedelta(days=2))

    def test_a_day_off_moved_to_by_hand_is_warned_of(self):
        interview = self.create_interview(
            last_working_day=self.sunday + timedelta(days=7)
        )
        self.assertFalse(interview.planning_warning)
        sunday_ten = self.tz.localize(datetime.combine(self.sunday, time(10, 0)))
        interview.planned_start = sunday_ten.astimezone(pytz.utc).replace(tzinfo=None)
        self.assertIn("outside the employee's working time", interview.planning_warning)
        monday = self.sunday + timedelta(days=1)
        self.day_off(monday)
        monday_ten = self.tz.localize(datetime.combine(monday, time(10, 0)))
        interview.planned_start = monday_ten.astimezone(pytz.utc).replace(tzinfo=None)
        self.assertIn("public holiday", interview.planning_warning)
