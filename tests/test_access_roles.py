"""Each role reads and writes what it is for: the interviewer their own interviews,
officers all of their companies', the board reported ones only, HR users and
managers nothing; every action method refuses the wrong caller by itself; Settings
gives each role without developer mode."""

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger

from odoo.addons.base.models.res_users import name_selection_groups

from ..models.hr_exit_interview import BOARD_GROUP, INTERVIEWER_GROUP, OFFICER_GROUP
from .common import ExitInterviewCase


@tagged("post_install", "-at_install")
class TestAccess(ExitInterviewCase):
    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_interviewer_sees_and_edits_own_interviews_only(self):
        own = self.create_interview()
        other = self.create_interview(interviewer_id=self.other_interviewer.id)
        interviews = self.env["hr.exit.interview"].with_user(self.interviewer)
        self.assertEqual(interviews.search([]), own)
        own.with_user(self.interviewer).write({"report_summary": "Mine"})
        with self.assertRaises(AccessError):
            other.with_user(self.interviewer).read(["report_summary"])
        with self.assertRaises(AccessError):
            other.with_user(self.interviewer).write({"report_summary": "Not mine"})
        with self.assertRaises(AccessError):
            interviews.create({"employee_id": self.employee.id})
        with self.assertRaises(AccessError):
            own.with_user(self.interviewer).unlink()
        lines = self.env["hr.exit.interview.line"].with_user(self.interviewer)
        self.assertEqual(lines.search([]).interview_id, own)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_officer_manages_every_interview(self):
        interview = self.create_interview(interviewer_id=self.other_interviewer.id)
        as_officer = interview.with_user(self.officer)
        as_officer.report_summary = "Officer wrote"
        created = (
            self.env["hr.exit.interview"]
            .with_user(self.officer)
            .create(
                {"employee_id": self.employee.id, "interviewer_id": self.interviewer.id}
            )
        )
        created.unlink()
        self.assertEqual(
            self.made_here(
                self.env["hr.exit.interview"].with_user(self.officer).search([])
            ),
            interview,
        )

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_board_reads_nothing_before_reported(self):
        draft = self.create_interview()
        held = self.create_interview(state="held", report_summary="The report")
        board_interviews = self.env["hr.exit.interview"].with_user(self.board)
        self.assertFalse(self.made_here(board_interviews.search([])))
        self.assertFalse(
            self.env["hr.exit.interview.line"]
            .with_user(self.board)
            .search([("interview_id", "in", (draft | held).ids)])
        )
        with self.assertRaises(AccessError):
            draft.with_user(self.board).read(["report_summary"])
        held.action_share_with_board()
        self.assertEqual(self.made_here(board_interviews.search([])), held)
        self.assertEqual(held.with_user(self.board).report_summary, "The report")
        board_lines = self.env["hr.exit.interview.line"].with_user(self.board)
        these_lines = [("interview_id", "in", (draft | held).ids)]
        self.assertFalse(board_lines.search(these_lines), "the employee did not agree")
        self.agree_board_reads_answers(held)
        self.assertEqual(len(board_lines.search(these_lines)), 41)
        with self.assertRaises(AccessError):
            held.with_user(self.board).write({"report_summary": "Board edit"})
        with self.assertRaises(AccessError):
            held.with_user(self.board).read(["excelled_at"])
        with self.assertRaises(AccessError):
            held.line_ids[0].with_user(self.board).read(["interviewer_note"])

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_hr_users_and_managers_see_nothing(self):
        interview = self.create_interview()
        for role in ("hr_user", "internal"):
            user = self.users[role]
            with self.subTest(role=role):
                with self.assertRaises(AccessError):
                    self.env["hr.exit.interview"].with_user(user).search([])
                with self.assertRaises(AccessError):
                    interview.with_user(user).read(["report_summary"])
        with self.assertRaises(AccessError):
            interview.with_user(self.manager_user).read(["report_summary"])
        employee = self.employee.with_user(self.manager_user)
        with self.assertRaises(AccessError):
            employee.read(["exit_interview_count"])

    def test_employee_form_shows_a_manager_nothing(self):
        employees = self.env["hr.employee"].with_user(self.manager_user)
        arch = employees.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn("exit_interview", arch)
        fields = employees.fields_get()
        self.assertFalse([name for name in fields if "exit_interview" in name])
        officer_arch = (
            self.env["hr.employee"]
            .with_user(self.officer)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("exit_interview_count", officer_arch)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_multi_company(self):
        other_company = self.env["res.company"].create({"name": "Other vzw"})
        foreign_employee = self.env["hr.employee"].create(
            {"name": "Elsewhere", "company_id": other_company.id}
        )
        foreign = self.create_interview(employee_id=foreign_employee.id)
        self.assertEqual(foreign.company_id, other_company)
        with self.assertRaises(AccessError):
            foreign.with_user(self.officer).read(["report_summary"])
        self.officer.company_ids |= other_company
        self.assertEqual(
            foreign.with_user(self.officer)
            .with_context(allowed_company_ids=other_company.ids)
            .employee_id,
            foreign_employee,
        )

    def test_board_group_stands_alone(self):
        board = self.env.ref(BOARD_GROUP)
        self.assertFalse(board.implied_ids)
        implying = self.env["res.groups"].search([("implied_ids", "in", board.ids)])
        self.assertFalse(implying)
        self.assertNotIn(board, self.env.ref("base.default_user").groups_id)
        self.assertNotIn(board, self.users["hr_user"].groups_id)


@tagged("post_install", "-at_install")
class TestRolesInSettings(ExitInterviewCase):
    """Settings > Users gives each role without developer mode: a category is one
    selection only when its groups form a chain."""

    def test_each_role_is_a_selection_of_its_category(self):
        interviewer = self.env.ref(INTERVIEWER_GROUP)
        officer = self.env.ref(OFFICER_GROUP)
        board = self.env.ref(BOARD_GROUP)
        kinds = {
            app: (kind, groups)
            for app, kind, groups, _category in self.env[
                "res.groups"
            ].get_groups_by_application()
        }
        kind, groups = kinds[interviewer.category_id]
        self.assertEqual((kind, groups), ("selection", interviewer | officer))
        self.assertEqual(list(groups), [interviewer, officer], "Interviewer < Officer")
        self.assertEqual(kinds[board.category_id], ("selection", board))
        self.assertNotEqual(board.category_id, interviewer.category_id)
        self.assertFalse(board.implied_ids)
        self.assertFalse(board.trans_implied_ids & (interviewer | officer))

        # The user form of an administrator without developer mode shows both.
        admin = new_test_user(
            self.env, login="exit_admin", groups="base.group_user,base.group_system"
        )
        self.assertFalse(admin.has_group("base.group_no_one"))
        arch = (
            self.env["res.users"]
            .with_user(admin)
            .get_views([(self.env.ref("base.view_users_form").id, "form")])["views"][
                "form"
            ]["arch"]
        )
        self.assertIn(f'name="{name_selection_groups(groups.ids)}"', arch)
        self.assertIn(f'name="{name_selection_groups(board.ids)}"', arch)


@tagged("post_install", "-at_install")
class TestPublicMethodsCheckRights(ExitInterviewCase):
    """Every action method refuses, by itself, whoever may not call it."""

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_every_action_refuses_the_wrong_caller(self):
        draft = self.create_interview()
        invited = self.create_interview()
        invited.action_invite()
        held = self.create_interview(state="held", report_summary="Report")
        reported = self.create_interview(state="held", report_summary="Report")
        reported.action_share_with_board()
        reported.measure_ids = [Command.create({"name": "An action"})]
        refused = [
            (draft, "action_send_questions", ("interviewer", "board", "hr_user")),
            (draft, "action_invite", ("interviewer", "board", "hr_user")),
            (invited, "action_mark_prepared", ("board", "hr_user", "internal")),
            (invited, "action_mark_held", ("board", "hr_user", "internal")),
            (held, "action_share_with_board", ("board", "hr_user", "internal")),
            (reported, "action_evaluate", ("officer", "interviewer", "hr_user")),
            (invited, "action_decline", ("board", "hr_user", "internal")),
            (invited, "action_cancel", ("interviewer", "board", "hr_user")),
            (draft, "action_reset_draft", ("interviewer", "board", "hr_user")),
            (held, "action_open_calendar_event", ("board", "hr_user", "internal")),
            (reported.measure_ids, "action_done", ("interviewer", "hr_user")),
            (reported.measure_ids, "action_drop", ("interviewer", "internal")),
            (self.employee, "action_open_exit_interviews", ("hr_user", "board")),
        ]
        users = dict(self.users, other_interviewer=self.other_interviewer)
        for records, method, roles in refused:
            for role in (*roles, "other_interviewer"):
                user = users[role]
                with self.subTest(method=method, role=role):
                    with self.assertRaises(AccessError):
                        getattr(records.with_user(user), method)()
        self.assertEqual(
            (draft | invited | held | reported).mapped("state"),
            ["draft", "invited", "held", "shared"],
            "no refused call changed anything",
        )
