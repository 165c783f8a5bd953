"""Kept out means kept out in every role: a board member who is the employee's
manager or coach, or who is the one leaving, reads nothing of that exit; a manager
with officer rights reads nothing of their own team's, not even who read it, unless
the company opens new ones to them or they hold the interview."""

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger

from ..models.hr_exit_interview import BOARD_GROUP, OFFICER_GROUP
from .common import ACCESS_LOGGERS, BOARD_REPORT, ExitInterviewCase

BOARD_AND_OFFICER = f"base.group_user,{BOARD_GROUP},{OFFICER_GROUP}"


@tagged("post_install", "-at_install")
class TestKeptOutInEveryRole(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coach_user = new_test_user(
            cls.env, login="exit_board_coach", groups=BOARD_AND_OFFICER
        )
        cls.leaving_user = new_test_user(
            cls.env, login="exit_board_leaving", groups=BOARD_AND_OFFICER
        )
        cls.employee.coach_id = cls.env["hr.employee"].create(
            {"name": "Cas Coach", "user_id": cls.coach_user.id}
        )
        cls.employee.user_id = cls.leaving_user
        cls.interview = cls.create_interview(
            state="held", report_summary="What the board reads"
        )
        cls.interview.action_share_with_board()
        cls.agree_board_reads_answers(cls.interview)
        cls.interview.measure_ids = [Command.create({"name": "A lesson"})]

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_neither_reads_nor_writes_anything_of_that_exit(self):
        self.assertIn(self.coach_user, self.interview.sudo().kept_out_user_ids)
        for user in (self.coach_user, self.leaving_user):
            with self.subTest(user=user.login):
                interviews = self.env["hr.exit.interview"].with_user(user)
                self.assertFalse(interviews.search([("id", "=", self.interview.id)]))
                with self.assertRaises(AccessError):
                    self.interview.with_user(user).read(["report_summary"])
                with self.assertRaises(AccessError):
                    self.interview.with_user(user).write({"board_evaluation": "Mine"})
                with self.assertRaises(AccessError):
                    self.interview.with_user(user).action_evaluate()
                self.assertFalse(
                    self.env["hr.exit.interview.line"]
                    .with_user(user)
                    .search([("interview_id", "=", self.interview.id)])
                )
                self.assertFalse(
                    self.env["hr.exit.interview.measure"]
                    .with_user(user)
                    .search([("interview_id", "=", self.interview.id)])
                )
                with self.assertRaises(AccessError):
                    self.env["ir.actions.report"].with_user(user)._render_qweb_html(
                        BOARD_REPORT, self.interview.ids
                    )
                self.assertEqual(
                    interviews.read_group(
                        [("id", "=", self.interview.id)], ["state"], ["state"]
                    ),
                    [],
                )
        self.assertEqual(self.interview.sudo().state, "shared")

    def test_another_board_member_reads_the_report(self):
        interview = self.interview.with_user(self.board)
        self.assertEqual(interview.report_summary, "What the board reads")
        self.assertEqual(len(interview.line_ids), 41)
        self.assertEqual(interview.measure_ids.name, "A lesson")

    def test_a_manager_who_holds_the_interview_keeps_it(self):
        held_by_coach = self.create_interview(interviewer_id=self.coach_user.id)
        self.assertIn(self.coach_user, held_by_coach.sudo().kept_out_user_ids)
        self.assertEqual(
            self.env["hr.exit.interview"]
            .with_user(self.coach_user)
            .search([("id", "=", held_by_coach.id)]),
            held_by_coach,
        )


@tagged("post_install", "-at_install")
class TestAMeasuresOwnerLearnsNotWhoseExit(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        interview = cls.create_interview(state="held", report_summary="Report")
        interview.action_share_with_board()
        # The board gives a measure to the leaver's own manager.
        cls.measure = cls.env["hr.exit.interview.measure"].create(
            {
                "name": "Plan the handover",
                "interview_id": interview.id,
                "user_id": cls.manager_user.id,
            }
        )
        # Export rights: what stops an export is the field's group.
        cls.manager_user.groups_id |= cls.env.ref("base.group_allow_export")
        cls.as_owner = cls.measure.with_user(cls.manager_user)

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.models")
    def test_no_way_in_reaches_the_interview(self):
        measures = self.env["hr.exit.interview.measure"].with_user(self.manager_user)
        self.assertEqual(self.as_owner.read(["name"])[0]["name"], "Plan the handover")
        self.assertNotIn("interview_id", measures.fields_get())
        self.assertNotIn("interview_id", self.as_owner.read()[0])
        ways = {
            "read": lambda: self.as_owner.read(["interview_id"]),
            "web_read": lambda: self.as_owner.web_read(
                {"interview_id": {"fields": {"display_name": {}}}}
            ),
            "search": lambda: measures.search(
                [("interview_id.employee_id.name", "ilike", "Dirk")]
            ),
            "group by": lambda: measures.read_group(
                [], ["interview_id"], ["interview_id"]
            ),
            "order": lambda: measures.search([], order="interview_id"),
            "export": lambda: self.as_owner.export_data(["interview_id/id"]),
        }
        for way, call in ways.items():
            with self.subTest(way=way), self.assertRaises(AccessError):
                call()
        self.as_owner.action_done()
        self.assertEqual(self.measure.state, "done")


@tagged("post_install", "-at_install")
class TestManagerWithOfficerRights(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager_user.groups_id |= cls.env.ref(OFFICER_GROUP)
        cls.own_team = cls.create_interview(state="held", report_summary="Team report")
        cls.own_team.action_share_with_board()
        cls.own_team.measure_ids = [Command.create({"name": "Team action"})]
        stranger = cls.env["hr.employee"].create({"name": "Someone Else"})
        cls.elsewhere = cls.create_interview(employee_id=stranger.id)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_kept_from_their_own_team_by_default(self):
        interviews = self.env["hr.exit.interview"].with_user(self.manager_user)
        self.assertEqual(self.made_here(interviews.search([])), self.elsewhere)
        with self.assertRaises(AccessError):
            self.own_team.with_user(self.manager_user).read(["report_summary"])
        self.assertFalse(
            self.env["hr.exit.interview.line"]
            .with_user(self.manager_user)
            .search([("interview_id", "=", self.own_team.id)])
        )
        self.assertFalse(
            self.env["hr.exit.interview.measure"]
            .with_user(self.manager_user)
            .search([("interview_id", "not in", self.interviews_before.ids)])
        )
        with self.assertRaisesRegex(AccessError, "Ask another exit interview officer"):
            interviews.create(
                {"employee_id": self.employee.id, "interviewer_id": self.interviewer.id}
            )
        self.assertEqual(
            self.employee.with_user(self.manager_user).exit_interview_count, 0
        )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_company_setting_opens_new_interviews_only(self):
        self.company.exit_interview_manager_officer_access = True
        interviews = self.env["hr.exit.interview"].with_user(self.manager_user)
        self.assertEqual(self.made_here(interviews.search([])), self.elsewhere)
        with self.assertRaises(AccessError):
            self.own_team.with_user(self.manager_user).read(["report_summary"])
        new = self.create_interview(state="held", report_summary="New team report")
        new.action_share_with_board()
        new.measure_ids = [Command.create({"name": "New team action"})]
        self.assertEqual(self.made_here(interviews.search([])), new | self.elsewhere)
        self.assertEqual(
            new.with_user(self.manager_user).report_summary, "New team report"
        )
        self.assertEqual(
            self.env["hr.exit.interview.measure"]
            .with_user(self.manager_user)
            .search([("interview_id", "not in", self.interviews_before.ids)]),
            new.measure_ids,
        )

    def test_holding_the_interview_themselves_always_opens_it(self):
        held_by_manager = self.create_interview(interviewer_id=self.manager_user.id)
        self.assertIn(
            held_by_manager,
            self.env["hr.exit.interview"].with_user(self.manager_user).search([]),
        )

    @mute_logger(*ACCESS_LOGGERS)
    def test_a_kept_out_officer_reads_no_reading_of_that_interview(self):
        kept_out = self.create_interview(state="held", report_summary="Report")
        kept_out.action_share_with_board()
        self.env["ir.actions.report"].with_user(self.board)._render_qweb_html(
            BOARD_REPORT, kept_out.ids
        )
        logs = self.env["hr.exit.interview.reading"]
        self.assertTrue(
            logs.with_user(self.officer).search([("interview_id", "=", kept_out.id)])
        )
        self.assertFalse(
            logs.with_user(self.manager_user).search(
                [("interview_id", "=", kept_out.id)]
            )
        )
