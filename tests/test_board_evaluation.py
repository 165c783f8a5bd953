from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ExitInterviewCase


@tagged("post_install", "-at_install")
class TestBoardEvaluation(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.interview = cls.create_interview(state="held", report_summary="The report")
        cls.interview.action_share_with_board()
        cls.responsible = cls.users["internal"]

    def test_board_evaluates_and_formulates_actions(self):
        interview = self.interview.with_user(self.board)
        interview.write(
            {
                "board_evaluation": "Onboarding needs a written plan",
                "measure_ids": [
                    Command.create(
                        {
                            "name": "Write an onboarding plan",
                            "category": "hr_policy",
                            "user_id": self.responsible.id,
                            "date_deadline": date(2031, 9, 1),
                        },
                    )
                ],
            }
        )
        action = interview.measure_ids
        self.assertEqual(action.category, "hr_policy")
        self.assertEqual(action.activity_ids.user_id, self.responsible)
        interview.action_evaluate()
        self.assertEqual(self.interview.state, "evaluated")
        with self.assertRaisesRegex(UserError, "while it is shared"):
            interview.board_evaluation = "Too late"

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_board_writes_nothing_else(self):
        interview = self.interview.with_user(self.board)
        for values in (
            {"report_summary": "Board edit"},
            {"interviewer_id": self.board.id},
            {"state": "evaluated"},
        ):
            with self.subTest(values=values), self.assertRaises(AccessError):
                interview.write(values)
        with self.assertRaises(AccessError):
            self.interview.line_ids[0].with_user(self.board).write(
                {"interviewer_note": "Board note"}
            )

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_board_cannot_evaluate_before_the_report(self):
        held = self.create_interview(state="held")
        with self.assertRaises(AccessError):
            held.with_user(self.board).board_evaluation = "Early"
        with self.assertRaises(AccessError):
            self.env["hr.exit.interview.measure"].with_user(self.board).create(
                {"name": "Early", "interview_id": held.id}
            )

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_responsible_follows_up_own_actions_only(self):
        actions = self.env["hr.exit.interview.measure"].with_user(self.board)
        own = actions.create(
            {
                "name": "Plan a farewell ritual",
                "interview_id": self.interview.id,
                "user_id": self.responsible.id,
            }
        )
        other = actions.create(
            {"name": "Not theirs", "interview_id": self.interview.id}
        )
        as_responsible = self.env["hr.exit.interview.measure"].with_user(
            self.responsible
        )
        self.assertEqual(as_responsible.search([]), own)
        own.with_user(self.responsible).action_done()
        self.assertEqual(own.state, "done")
        with self.assertRaisesRegex(AccessError, "Only the board changes"):
            own.with_user(self.responsible).name = "Rewritten"
        with self.assertRaises(AccessError):
            other.with_user(self.responsible).read(["name"])
        with self.assertRaises(AccessError):
            self.interview.with_user(self.responsible).read(["report_summary"])

    def test_overdue_and_mine_filters(self):
        actions = self.env["hr.exit.interview.measure"]
        late = actions.create(
            {
                "name": "Late",
                "interview_id": self.interview.id,
                "date_deadline": date(2020, 1, 1),
                "user_id": self.responsible.id,
            }
        )
        actions.create(
            {
                "name": "Future",
                "interview_id": self.interview.id,
                "date_deadline": date(2099, 1, 1),
            }
        )
        self.assertEqual(actions.search([("is_overdue", "=", True)]), late)
        self.assertTrue(late.is_overdue)
        late.action_done()
        self.assertFalse(actions.search([("is_overdue", "=", True)]))
