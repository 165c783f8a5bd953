from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..models.hr_exit_interview import STATES
from .common import ExitInterviewCase

ALL_STATES = [state for state, _label in STATES]
ALLOWED = {
    ("draft", "invited"),
    ("invited", "prepared"),
    ("invited", "held"),
    ("prepared", "held"),
    ("held", "shared"),
    ("shared", "evaluated"),
    ("draft", "declined"),
    ("invited", "declined"),
    ("draft", "cancelled"),
    ("invited", "cancelled"),
    ("prepared", "cancelled"),
    ("held", "cancelled"),
    ("declined", "draft"),
    ("cancelled", "draft"),
}


@tagged("post_install", "-at_install")
class TestWorkflow(ExitInterviewCase):
    def test_every_move_allowed_or_refused_with_advice(self):
        for source in ALL_STATES:
            for target in ALL_STATES:
                if source == target:
                    continue
                interview = self.create_interview(state=source)
                with self.subTest(source=source, target=target):
                    if (source, target) in ALLOWED:
                        interview.write({"state": target})
                        self.assertEqual(interview.state, target)
                    else:
                        with self.assertRaisesRegex(UserError, "cannot become"):
                            interview.write({"state": target})
                        self.assertEqual(interview.state, source)

    def test_buttons_walk_the_happy_path(self):
        interview = self.create_interview().with_user(self.officer)
        interview.action_invite()
        self.assertEqual(interview.state, "invited")
        interview.with_user(self.interviewer).action_mark_prepared()
        interview.with_user(self.interviewer).action_mark_held()
        self.assertEqual(interview.state, "held")
        with self.assertRaisesRegex(UserError, "Write at least the Short Report"):
            interview.with_user(self.interviewer).action_share_with_board()
        interview.with_user(self.interviewer).report_summary = "Short and kind."
        interview.with_user(self.interviewer).action_share_with_board()
        self.assertEqual(interview.state, "shared")
        with self.assertRaisesRegex(AccessError, "board member"):
            interview.action_evaluate()
        interview.with_user(self.board).action_evaluate()
        self.assertEqual(interview.state, "evaluated")

    def test_refused_moves_say_what_to_do(self):
        interview = self.create_interview()
        with self.assertRaisesRegex(UserError, "mark it as held first"):
            interview.action_share_with_board()
        with self.assertRaisesRegex(UserError, "send the questions first"):
            interview.action_mark_held()
        interview.action_invite()
        interview.action_mark_prepared()
        with self.assertRaisesRegex(UserError, "cancel it instead"):
            interview.action_decline()

    def test_decline_and_reset(self):
        interview = self.create_interview()
        interview.action_invite()
        interview.action_decline()
        self.assertEqual(interview.state, "declined")
        self.assertFalse(interview.calendar_event_id.active)
        interview.action_reset_draft()
        self.assertEqual(interview.state, "draft")
        self.assertTrue(interview.calendar_event_id.active)

    def test_invite_needs_questions(self):
        interview = self.create_interview(template_id=False)
        with self.assertRaisesRegex(UserError, "at least one question"):
            interview.action_invite()

    def test_notes_frozen_once_reported(self):
        interview = self.create_interview(state="held", report_summary="Done")
        interview.action_share_with_board()
        line = interview.line_ids[0].with_user(self.interviewer)
        with self.assertRaisesRegex(UserError, "notes can no longer change"):
            line.interviewer_note = "Late note"
