"""The guide: send the preparatory questions in time. The officer who owns an
interview is asked once, by the daily job, and the to-do ends with the sending."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from ..models.hr_exit_interview_portal import SEND_IN_TIME
from .common import ExitInterviewCase


@tagged("post_install", "-at_install")
class TestQuestionsInTime(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.exit_interview_questions_days_before = 7
        cls.interviews = cls.env["hr.exit.interview"]

    def create_as_officer(self, planned_start):
        return self.interviews.with_user(self.officer).create(
            {
                "employee_id": self.employee.id,
                "interviewer_id": self.interviewer.id,
                "template_id": self.template.id,
                "last_working_day": date(2031, 6, 30),
                "planned_start": planned_start,
            }
        )

    def to_dos(self, interview):
        kind = self.env.ref(SEND_IN_TIME)
        return interview.activity_ids.filtered(lambda a: a.activity_type_id == kind)

    def run_job(self, when):
        with freeze_time(when):
            return self.interviews._cron_ask_to_send_questions()

    def test_the_owner_is_asked_once_when_the_meeting_is_near(self):
        interview = self.create_as_officer(datetime(2031, 6, 20, 8))
        far = self.create_as_officer(datetime(2031, 6, 28, 8))
        self.run_job("2031-06-12 06:00")
        self.assertFalse(self.to_dos(interview))
        self.run_job("2031-06-14 06:00")
        to_do = self.to_dos(interview)
        self.assertEqual(len(to_do), 1)
        self.assertEqual(to_do.user_id, self.officer)
        self.assertEqual(to_do.summary, "Send the questions in time")
        self.assertFalse(self.to_dos(far))
        # Not every day: once, even when the to-do is done without sending.
        to_do.action_feedback()
        self.run_job("2031-06-15 06:00")
        self.assertFalse(self.to_dos(interview))

    def test_the_delay_is_the_company_s(self):
        self.company.exit_interview_questions_days_before = 2
        interview = self.create_as_officer(datetime(2031, 6, 20, 8))
        self.run_job("2031-06-14 06:00")
        self.assertFalse(self.to_dos(interview))
        self.run_job("2031-06-18 09:00")
        self.assertTrue(self.to_dos(interview))

    def test_sending_the_questions_marks_it_done(self):
        interview = self.create_as_officer(datetime(2031, 6, 20, 8))
        self.run_job("2031-06-14 06:00")
        interview.with_user(self.officer).action_invite()
        self.assertFalse(self.to_dos(interview))
        done = self.env["mail.message"].search(
            [
                ("model", "=", "hr.exit.interview"),
                ("res_id", "=", interview.id),
                ("mail_activity_type_id", "=", self.env.ref(SEND_IN_TIME).id),
            ]
        )
        self.assertTrue(done, "marked as done, in the chatter")
        # Sent questions need no to-do.
        self.run_job("2031-06-15 06:00")
        self.assertFalse(self.to_dos(interview))

    def test_a_cancelled_interview_loses_it_and_a_new_draft_may_get_it_again(self):
        interview = self.create_as_officer(datetime(2031, 6, 20, 8))
        self.run_job("2031-06-14 06:00")
        as_officer = interview.with_user(self.officer)
        as_officer.action_cancel()
        self.assertFalse(self.to_dos(interview))
        self.assertFalse(
            self.env["mail.message"].search(
                [
                    ("model", "=", "hr.exit.interview"),
                    ("res_id", "=", interview.id),
                    ("mail_activity_type_id", "=", self.env.ref(SEND_IN_TIME).id),
                ]
            ),
            "cancelled, not done",
        )
        as_officer.action_reset_draft()
        self.run_job("2031-06-15 06:00")
        self.assertEqual(len(self.to_dos(interview)), 1)

    def test_the_interviewer_when_the_owner_is_no_officer(self):
        interview = self.create_interview(planned_start=datetime(2031, 6, 20, 8))
        self.run_job("2031-06-14 06:00")
        self.assertEqual(self.to_dos(interview).user_id, self.interviewer)
