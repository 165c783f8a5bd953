"""The addon's settings as the officers manage them: Odoo's Settings page opens for
administrators only, the officers have a page of their own."""

from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger

from .common import ACCESS_LOGGERS, ExitInterviewCase

SETTINGS = "hr.exit.interview.settings"


@tagged("post_install", "-at_install")
class TestOfficerSettings(ExitInterviewCase):
    def test_officers_find_the_settings_in_the_app(self):
        menu = self.env.ref("hr_exit_interview.hr_exit_interview_settings_menu")
        for role, sees in (
            ("officer", True),
            ("interviewer", False),
            ("board", False),
            ("hr_user", False),
        ):
            with self.subTest(role=role):
                visible = (
                    self.env["ir.ui.menu"]
                    .with_user(self.users[role])
                    ._visible_menu_ids()
                )
                self.assertEqual(menu.id in visible, sees)
        self.assertEqual(menu.action.res_model, SETTINGS)

    def test_an_officer_changes_the_settings(self):
        with Form(self.env[SETTINGS].with_user(self.officer)) as form:
            self.assertEqual(form.exit_interview_days_before, 7)
            self.assertEqual(form.exit_interview_retention_months, 24)
            form.exit_interview_days_before = 10
            form.exit_interview_reminder_days = 3
            form.exit_interview_privacy_notice = "Questions? Ask Anna in HR."
        form.record.action_save()
        self.assertEqual(self.company.exit_interview_days_before, 10)
        self.assertEqual(self.company.exit_interview_reminder_days, 3)
        self.assertEqual(
            self.company.exit_interview_privacy_notice, "Questions? Ask Anna in HR."
        )
        # A new page shows what was saved.
        self.assertEqual(
            self.env[SETTINGS]
            .with_user(self.officer)
            .create({})
            .exit_interview_days_before,
            10,
        )

    def test_confidentiality_stays_with_the_administrators(self):
        settings = (
            self.env[SETTINGS]
            .with_user(self.officer)
            .create(
                {
                    "exit_interview_retention_months": 1,
                    "exit_interview_manager_officer_access": True,
                    "exit_interview_min_group_size": 3,
                }
            )
        )
        settings.write({"exit_interview_forbid_manager": True})
        self.assertEqual(self.company.exit_interview_retention_months, 24)
        self.assertFalse(self.company.exit_interview_manager_officer_access)
        self.assertFalse(self.company.exit_interview_forbid_manager)

    @mute_logger(*ACCESS_LOGGERS)
    def test_no_one_else_changes_them(self):
        for role in ("interviewer", "board", "hr_user", "internal"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.env[SETTINGS].with_user(self.users[role]).create(
                    {"exit_interview_days_before": 1}
                )
        self.assertEqual(self.company.exit_interview_days_before, 7)
        # Nor does the officer's page open the rest of the company to them.
        with self.assertRaises(AccessError):
            self.company.with_user(self.officer).write({"name": "Renamed"})

    @mute_logger(*ACCESS_LOGGERS)
    def test_only_the_officers_own_companies(self):
        other = self.env["res.company"].create({"name": "Elsewhere"})
        with self.assertRaises(AccessError):
            self.env[SETTINGS].with_user(self.officer).create(
                {"company_id": other.id, "exit_interview_days_before": 1}
            )
        self.assertEqual(other.exit_interview_days_before, 7)
        # Nor through a context's default, for writing or reading.
        settings = self.env[SETTINGS].with_user(self.officer)
        other.exit_interview_privacy_notice = "Elsewhere's own text"
        in_other = settings.with_context(default_company_id=other.id)
        in_other.create({"exit_interview_days_before": 9})
        self.assertEqual(other.exit_interview_days_before, 7)
        self.assertEqual(self.company.exit_interview_days_before, 9)
        self.company.exit_interview_days_before = 7
        values = in_other.onchange(
            {}, [], {"company_id": {}, "exit_interview_privacy_notice": {}}
        )["value"]
        self.assertEqual(values["company_id"], self.company.id)
        self.assertNotEqual(
            values.get("exit_interview_privacy_notice"), "Elsewhere's own text"
        )
        # An officer of both companies sets each one's.
        both = new_test_user(
            self.env,
            login="exit_officer_both",
            groups="base.group_user,hr_exit_interview.group_exit_interview_officer",
            company_ids=[(6, 0, (self.company | other).ids)],
        )
        self.env[SETTINGS].with_user(both).create(
            {"company_id": other.id, "exit_interview_days_before": 5}
        )
        self.assertEqual(other.exit_interview_days_before, 5)
        self.assertEqual(self.company.exit_interview_days_before, 7)


@tagged("post_install", "-at_install")
class TestOfficerSettingsInTheBrowser(HttpCase, ExitInterviewCase):
    def test_tour_an_officer_saves_the_settings(self):
        self.start_tour(
            "/odoo/action-hr_exit_interview.hr_exit_interview_action",
            "hr_exit_interview_officer_settings",
            login=self.officer.login,
        )
        self.assertEqual(self.company.exit_interview_days_before, 12)
