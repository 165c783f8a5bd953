from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged
from odoo.tests.common import new_test_user

from ..models.hr_exit_interview import CONFIDENTIAL_TEXT_FIELDS
from .common import ExitInterviewCase


@tagged("post_install", "-at_install")
class TestExitInterview(ExitInterviewCase):
    def test_snapshot_of_the_employee(self):
        interview = self.create_interview()
        self.assertEqual(interview.name, "Exit interview of Dirk Departing")
        self.assertEqual(interview.department_id, self.department)
        self.assertEqual(interview.job_title, "Youth Worker")
        self.assertEqual(interview.manager_id, self.manager)
        self.assertEqual(interview.company_id, self.company)
        self.assertEqual(interview.hire_date, self.employee.create_date.date())
        self.assertIn("Youth Worker, Youth Work", interview.career_jobs)
        self.employee.parent_id = False
        self.assertEqual(interview.manager_id, self.manager, "kept as at creation")

    def test_seniority_and_band(self):
        interview = self.create_interview(
            hire_date=date(2026, 1, 15), last_working_day=date(2029, 4, 20)
        )
        self.assertEqual(interview.seniority_months, 39)
        self.assertEqual(interview.seniority_band, "2to5")
        self.assertEqual(interview.seniority_display, "3 years, 3 months")
        self.assertEqual(interview.year, "2029")
        self.assertEqual(interview.departure_month, date(2029, 4, 1))
        interview.last_working_day = date(2030, 1, 31)
        self.assertEqual(interview.seniority_band, "2to5")
        self.assertEqual(interview.seniority_months, 48)
        self.assertEqual(interview.year, "2030")
        self.assertEqual(interview.departure_month, date(2030, 1, 1))

    def test_questions_copied_and_independent_of_the_template(self):
        interview = self.create_interview()
        self.assertEqual(len(interview.line_ids), 41)
        first = interview.line_ids.sorted()[0]
        self.assertEqual(first.section_name, "General")
        self.assertEqual(first.question_type, "text")
        self.template.question_ids.sorted()[0].name = "A new wording"
        self.assertNotEqual(first.question, "A new wording")

    def test_questions_copied_in_the_employee_language(self):
        self.load_dutch()
        self.employee.lang = "nl_NL"
        interview = self.create_interview()
        first = interview.line_ids.sorted()[0]
        self.assertEqual(first.section_name, "Algemeen")
        self.assertEqual(
            first.question, "Hoe kijk je in het algemeen terug op je periode bij ons?"
        )

    def test_hr_picks_questions_before_inviting_only(self):
        interview = self.create_interview().with_user(self.officer)
        lines = interview.line_ids.sorted()
        lines[:30].unlink()
        interview.line_ids = [
            Command.create({"question": "Own question", "sequence": 99})
        ]
        lines[-1].sequence = 0
        self.assertEqual(len(interview.line_ids), 12)
        self.assertEqual(interview.line_ids.sorted()[0], lines[-1])
        interview.action_invite()
        with self.assertRaisesRegex(UserError, "already sent"):
            interview.line_ids[0].unlink()
        with self.assertRaisesRegex(UserError, "already sent"):
            interview.line_ids[0].question = "Changed"
        with self.assertRaisesRegex(UserError, "already sent"):
            interview.line_ids = [Command.create({"question": "Late question"})]

    def test_answers_are_the_employee_words_only(self):
        interview = self.create_interview()
        interview.action_invite()
        line = interview.line_ids[0].with_user(self.officer)
        with self.assertRaisesRegex(UserError, "own words"):
            line.answer_text = "Written by HR"
        line.with_user(self.interviewer).interviewer_note = "Mentioned the team day"
        line.sudo().answer_text = "Through the portal"
        self.assertEqual(line.answer_display, "Through the portal")

    def test_template_change_replaces_questions_in_draft_only(self):
        small = self.create_template(("Why?", "text"), section="Only")
        interview = self.create_interview()
        interview.template_id = small
        self.assertEqual(interview.line_ids.mapped("question"), ["Why?"])
        interview.action_invite()
        with self.assertRaisesRegex(UserError, "template can only change"):
            interview.template_id = self.template

    @freeze_time("2031-06-01")
    def test_planning_proposes_a_week_before_and_books_the_meeting(self):
        # 10:00 in the employee's Brussels (summer time) on 23 June is 08:00 UTC
        self.employee.tz = "Europe/Brussels"
        interview = self.create_interview()
        self.assertEqual(interview.planned_start, datetime(2031, 6, 23, 8, 0))
        self.assertEqual(interview.duration, 2.0)
        self.assertFalse(interview.planning_warning)
        event = interview.calendar_event_id
        self.assertTrue(event)
        self.assertEqual(event.start, interview.planned_start)
        self.assertEqual(event.stop, datetime(2031, 6, 23, 10, 0))
        # The employee is no attendee, before or after the questions: any internal
        # user may search attendees (the questions' mail brings them the meeting).
        self.assertEqual(event.partner_ids, self.interviewer.partner_id)
        interview.action_invite()
        self.assertEqual(event.partner_ids, self.interviewer.partner_id)
        colleague = new_test_user(self.env, login="exit_colleague_calendar")
        self.assertFalse(
            self.env["calendar.attendee"]
            .with_user(colleague)
            .search([("partner_id", "=", self.employee.work_contact_id.id)])
        )
        self.assertEqual(event.privacy, "private")
        # The guide: a week to a few days before; 4 to 6 days is fine.
        interview.planned_start = datetime(2031, 6, 25, 8, 0)
        self.assertEqual(event.start, datetime(2031, 6, 25, 8, 0))
        self.assertFalse(interview.planning_warning)
        interview.planned_start = datetime(2031, 6, 30, 6, 0)
        self.assertIn("only 0 day(s)", interview.planning_warning)
        interview.planned_start = datetime(2031, 7, 2, 8, 0)
        self.assertIn("after the last working day", interview.planning_warning)
        interview.planned_start = datetime(2031, 5, 20, 8, 0)
        self.assertIn("in the past", interview.planning_warning)
        interview.action_cancel()
        self.assertFalse(event.active)

    def test_manager_as_interviewer_is_warned_and_logged(self):
        interview = self.create_interview(interviewer_id=self.manager_user.id)
        self.assertTrue(interview.interviewer_is_manager)
        logged = interview.message_ids.filtered(
            lambda m: "advises against" in (m.body or "")
        )
        self.assertEqual(len(logged), 1)
        interview.interviewer_id = self.interviewer
        self.assertFalse(interview.interviewer_is_manager)

    def test_coach_counts_as_manager(self):
        self.employee.coach_id = self.manager
        self.employee.parent_id = False
        interview = self.create_interview(interviewer_id=self.manager_user.id)
        self.assertTrue(interview.interviewer_is_manager)

    def test_company_can_forbid_the_manager(self):
        self.company.exit_interview_forbid_manager = True
        with self.assertRaisesRegex(ValidationError, "speak freely"):
            self.create_interview(interviewer_id=self.manager_user.id)
        interview = self.create_interview()
        with self.assertRaisesRegex(ValidationError, "Choose another interviewer"):
            interview.interviewer_id = self.manager_user

    def test_form_shows_the_warnings(self):
        with Form(self.env["hr.exit.interview"].with_user(self.officer)) as form:
            form.employee_id = self.employee
            form.interviewer_id = self.manager_user
            self.assertTrue(form.interviewer_is_manager)
            self.assertEqual(form.department_id, self.department)
        interview = form.save()
        self.assertEqual(len(interview.line_ids), 41)

    def test_form_shows_the_questions_before_saving(self):
        short = self.create_template(("Why?", "text"), ("Rate us", "rating"))
        form = Form(self.env["hr.exit.interview"].with_user(self.officer))
        self.assertEqual(len(form.line_ids), 0, "no employee yet: no questions")
        form.employee_id = self.employee
        self.assertEqual(len(form.line_ids), 41, "the default template's questions")
        form.template_id = short
        self.assertEqual(
            [line["question"] for line in form.line_ids._records], ["Why?", "Rate us"]
        )
        with form.line_ids.edit(0) as line:
            line.question = "Why now?"
        interview = form.save()
        self.assertEqual(interview.line_ids.mapped("question"), ["Why now?", "Rate us"])
        # On a saved draft, a new template brings its questions once, before saving.
        form = Form(interview.with_user(self.officer))
        form.template_id = self.template
        self.assertEqual(len(form.line_ids), 41)
        form.save()
        self.assertEqual(len(interview.line_ids), 41)

    def test_english_user_dutch_employee_gets_dutch_questions(self):
        self.load_dutch()
        # The employee's language comes from their user when HR left it empty.
        dutch_user = new_test_user(
            self.env, login="exit_dutch_leaver", groups="base.group_user", lang="nl_NL"
        )
        self.employee.user_id = dutch_user
        officer = self.officer.with_context(lang="en_US")
        self.assertFalse(self.employee.lang)
        form = Form(self.env["hr.exit.interview"].with_user(officer))
        form.employee_id = self.employee
        self.assertEqual(form.line_ids._records[0]["section_name"], "Algemeen")
        interview = form.save()
        first = interview.line_ids.sorted()[0]
        self.assertEqual(
            first.question, "Hoe kijk je in het algemeen terug op je periode bij ons?"
        )
        # HR sets it on the employee form, where Odoo keeps it without showing it.
        arch = (
            self.env["hr.employee"]
            .with_user(self.officer)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('name="lang"', arch)
        # Created without the form (the departure wizard): the same.
        other = self.create_interview(employee_id=self.employee.id)
        self.assertEqual(other.line_ids.sorted()[0].section_name, "Algemeen")

    def test_copy_is_a_fresh_draft(self):
        interview = self.create_interview(
            **dict.fromkeys(CONFIDENTIAL_TEXT_FIELDS, "Confidential")
        )
        interview.action_invite()
        interview.line_ids[0].sudo().answer_text = "Secret"
        copy = interview.copy()
        self.assertEqual(copy.state, "draft")
        for field in CONFIDENTIAL_TEXT_FIELDS:
            self.assertFalse(copy[field], field)
        self.assertFalse(copy.calendar_event_id & interview.calendar_event_id)
        self.assertNotIn("Secret", copy.line_ids.mapped("answer_text"))
        self.assertEqual(len(copy.line_ids), 41)


@tagged("post_install", "-at_install")
class TestJobsHeld(ExitInterviewCase):
    """With hr_skills (auto-installed with hr, and installed by the test tier), the
    resume's work experience are the jobs held."""

    def test_jobs_held_are_the_work_experience_only(self):
        if "resume_line_ids" not in self.env["hr.employee"]._fields:
            self.skipTest("hr_skills is not installed")
        employee = self.env["hr.employee"].create(
            {"name": "Rosa Resume", "job_title": "Coordinator"}
        )
        self.env["hr.resume.line"].create(
            [
                {
                    "employee_id": employee.id,
                    "name": "Jeugdhuis Vonk",
                    "date_start": date(2015, 9, 1),
                    "line_type_id": self.env.ref("hr_skills.resume_type_experience").id,
                },
                {
                    "employee_id": employee.id,
                    "name": "Bachelor in Social Work",
                    "date_start": date(2011, 9, 1),
                    "line_type_id": self.env.ref("hr_skills.resume_type_education").id,
                },
            ]
        )
        jobs = self.create_interview(employee_id=employee.id).career_jobs.splitlines()
        self.assertEqual(jobs[0], "2015-09-01 Jeugdhuis Vonk")
        self.assertIn("Coordinator", jobs[-1])
        self.assertNotIn("Bachelor", "\n".join(jobs))
