"""The interview's form as the officer and the interviewer use it (issue 15): the
questions before saving, all of them on one page, fixed once sent."""

from odoo.tests import HttpCase, tagged

from .common import ExitInterviewCase

LONG_ANSWER = "A long answer\n" + "More to say about the team.\n" * 60 + "The very end"


@tagged("post_install", "-at_install")
class TestInterviewFormInTheBrowser(HttpCase, ExitInterviewCase):
    @staticmethod
    def form_url(interview):
        return f"/odoo/action-hr_exit_interview.hr_exit_interview_action/{interview.id}"

    def test_tour_a_draft_questions_can_change(self):
        interview = self.create_interview(last_working_day=False)
        self.start_tour(
            self.form_url(interview),
            "hr_exit_interview_form_draft",
            login=self.officer.login,
        )

    def test_tour_sent_questions_are_fixed_and_readable(self):
        interview = self.create_interview()
        interview.action_invite()
        interview.line_ids.sorted()[0].sudo().answer_text = LONG_ANSWER
        self.start_tour(
            self.form_url(interview),
            "hr_exit_interview_form_sent",
            login=self.interviewer.login,
        )
