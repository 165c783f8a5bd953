from odoo.tests import HttpCase, tagged
from odoo.tests.common import new_test_user

from ..models.hr_exit_interview import OFFICER_GROUP


@tagged("post_install", "-at_install")
class TestExitInterviewSmoke(HttpCase):
    """The addon installs; its menu and empty interview list open for an officer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env,
            login="smoke_officer",
            groups=f"base.group_user,{OFFICER_GROUP}",
        )

    def test_menu_and_empty_list_for_officer(self):
        menu = self.env.ref("hr_exit_interview.hr_exit_interview_menu")
        visible = self.env["ir.ui.menu"].with_user(self.officer)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        action = menu.action
        self.assertEqual(action.res_model, "hr.exit.interview")
        interviews = self.env["hr.exit.interview"].with_user(self.officer)
        # Empty but for what demo data brought, where it is in.
        self.assertEqual(
            interviews.search_count([]),
            self.env["hr.exit.interview"].search_count(
                [("company_id", "in", self.officer.company_ids.ids)]
            ),
        )
        self.authenticate("smoke_officer", "smoke_officer")
        response = self.url_open(f"/odoo/action-{action.id}")
        self.assertEqual(response.status_code, 200)
        views = interviews.get_views([(False, "list"), (False, "search")])
        self.assertIn("list", views["views"])
