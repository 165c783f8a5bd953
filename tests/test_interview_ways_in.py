from datetime import date

from odoo.tests import Form, tagged

from .common import ExitInterviewCase


@tagged("post_install", "-at_install")
class TestWaysIn(ExitInterviewCase):
    def departure_wizard(self, user, reason, **changes):
        employee = self.employee.with_user(user)
        if not employee.active:
            employee.with_context(no_wizard=True).action_unarchive()
        action = employee.action_archive()
        self.assertEqual(action["res_model"], "hr.departure.wizard")
        wizard_form = Form(
            self.env["hr.departure.wizard"]
            .with_user(user)
            .with_context(action["context"], active_id=employee.id)
        )
        wizard_form.departure_reason_id = reason
        wizard_form.departure_date = date(2031, 6, 30)
        for name, value in changes.items():
            setattr(wizard_form, name, value)
        return wizard_form

    def test_employee_button_opens_a_new_then_the_existing_interview(self):
        employee = self.employee.with_user(self.officer)
        self.assertEqual(employee.exit_interview_count, 0)
        action = employee.action_open_exit_interviews()
        self.assertEqual(action["res_model"], "hr.exit.interview")
        self.assertEqual(action["context"]["default_employee_id"], employee.id)
        self.assertFalse(action.get("res_id"))
        interview = self.create_interview()
        employee.invalidate_recordset(["exit_interview_count"])
        self.assertEqual(employee.exit_interview_count, 1)
        action = employee.action_open_exit_interviews()
        self.assertEqual(action["res_id"], interview.id)

    def test_employee_form_shows_the_buttons_to_officers_only(self):
        arch = (
            self.env["hr.employee"]
            .with_user(self.officer)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("action_open_exit_interviews", arch)
        arch = (
            self.env["hr.employee"]
            .with_user(self.manager_user)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertNotIn("action_open_exit_interviews", arch)
        self.assertNotIn("exit_interview_count", arch)

    def test_departure_of_a_resigning_employee_plans_the_interview(self):
        wizard_form = self.departure_wizard(
            self.officer, self.resigned, exit_interviewer_id=self.interviewer
        )
        self.assertTrue(wizard_form.plan_exit_interview)
        action = wizard_form.save().action_register_departure_and_plan()
        interview = self.env["hr.exit.interview"].search(
            [("employee_id", "=", self.employee.id)]
        )
        self.assertEqual(len(interview), 1)
        # The officer is told what was planned, and lands on the interview.
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(
            action["params"]["message"],
            f"{self.interviewer.name} holds the exit interview of Dirk Departing, "
            "proposed on Monday 23 June 2031, 10:00. Check the questions, then "
            "send them.",
        )
        self.assertEqual(action["params"]["next"]["res_id"], interview.id)
        self.assertEqual(action["params"]["next"]["res_model"], "hr.exit.interview")
        self.assertEqual(interview.departure_reason_id, self.resigned)
        self.assertEqual(interview.last_working_day, date(2031, 6, 30))
        self.assertEqual(interview.interviewer_id, self.interviewer)
        self.assertEqual(len(interview.line_ids), 41)
        self.assertFalse(self.employee.active)

    def test_default_follows_the_reason_and_can_be_changed(self):
        wizard_form = self.departure_wizard(self.officer, self.fired)
        self.assertFalse(wizard_form.plan_exit_interview)
        self.fired.plan_exit_interview = True
        wizard_form = self.departure_wizard(self.officer, self.fired)
        self.assertTrue(wizard_form.plan_exit_interview)
        wizard_form.plan_exit_interview = False
        wizard_form.save().action_register_departure_and_plan()
        self.assertFalse(
            self.env["hr.exit.interview"].search(
                [("employee_id", "=", self.employee.id)]
            )
        )

    def test_no_second_interview(self):
        self.create_interview()
        wizard_form = self.departure_wizard(self.officer, self.resigned)
        self.assertTrue(wizard_form.has_exit_interview)
        self.assertFalse(wizard_form.plan_exit_interview)
        wizard = wizard_form.save()
        wizard.plan_exit_interview = True
        wizard.action_register_departure_and_plan()
        self.assertEqual(
            self.env["hr.exit.interview"].search_count(
                [("employee_id", "=", self.employee.id)]
            ),
            1,
        )

    def test_hr_user_without_exit_rights_registers_departures_unchanged(self):
        wizard = self.departure_wizard(self.manager_user, self.resigned).save()
        self.assertFalse(wizard.plan_exit_interview)
        wizard.action_register_departure_and_plan()
        self.assertFalse(self.employee.active)
        self.assertFalse(
            self.env["hr.exit.interview"].search(
                [("employee_id", "=", self.employee.id)]
            )
        )
