"""The guide's loop: the board told and in three clicks, the conversation
sheet, the talk's checklist."""

from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger

from .common import BOARD_REPORT, CONVERSATION_REPORT, ExitInterviewCase


@tagged("post_install", "-at_install")
class TestTheBoard(HttpCase, ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        colleague = cls.env["hr.employee"].create({"name": "Rita Reported"})
        cls.interview = cls.create_interview(
            employee_id=colleague.id,
            state="held",
            report_summary="A warm goodbye",
            points_to_improve="Secret point",
        )
        other_company = cls.env["res.company"].create({"name": "Other Werking"})
        cls.other_board = new_test_user(
            cls.env,
            login="exit_other_board",
            groups="base.group_user,hr_exit_interview.group_exit_interview_board",
            company_id=other_company.id,
            company_ids=[other_company.id],
        )

    def test_the_board_is_told_a_report_waits_naming_no_one(self):
        self.interview.action_share_with_board()
        notices = self.env["mail.message"].search(
            [
                ("model", "=", "hr.exit.interview"),
                ("res_id", "=", self.interview.id),
                ("partner_ids", "in", self.board.partner_id.ids),
            ]
        )
        self.assertEqual(len(notices), 1)
        self.assertIn("An exit interview report is ready", notices.body)
        for text in ("Rita", "warm goodbye", "Secret point"):
            self.assertNotIn(text, notices.body)
            self.assertNotIn(text, notices.subject or "")
            self.assertNotIn(text, notices.record_name or "")
        self.assertNotIn(self.other_board.partner_id, notices.partner_ids)
        self.assertNotIn(self.officer.partner_id, notices.partner_ids)
        # It opens the report.
        self.assertEqual(
            notices.with_user(self.board).read(["body"])[0]["body"], notices.body
        )

    def test_the_first_screen_depends_on_the_role(self):
        interviews = self.env["hr.exit.interview"]
        board_action = interviews.with_user(self.board).action_open_home()
        self.assertEqual(
            board_action["id"],
            self.env.ref("hr_exit_interview.hr_exit_interview_action_board").id,
        )
        for user in (self.interviewer, self.officer):
            action = interviews.with_user(user).action_open_home()
            self.assertEqual(
                action["id"],
                self.env.ref("hr_exit_interview.hr_exit_interview_action").id,
            )

    def test_the_board_form_opens_on_the_report(self):
        arch = (
            self.env["hr.exit.interview"]
            .with_user(self.board)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        form = etree.fromstring(arch)
        pages = [page.get("name") for page in form.iter("page")]
        self.assertEqual(pages[0], "report")
        self.assertNotIn("questions", pages)
        self.assertFalse(form.xpath("//button[@name='action_open_calendar_event']"))

    def test_tour_three_clicks_to_a_waiting_report(self):
        self.interview.action_share_with_board()
        self.start_tour("/odoo", "hr_exit_interview_board", login=self.board.login)


@tagged("post_install", "-at_install")
class TestConversationSheet(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.interview = cls.create_interview(
            excelled_at="The summer camps", thank_for="Ten years of Saturdays"
        )
        cls.interview.action_invite()
        line = cls.interview.line_ids.sorted()[0]
        line.sudo().answer_text = "The team spirit"
        line.interviewer_note = "Ask about the camps"

    def render(self, user):
        return (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(CONVERSATION_REPORT, self.interview.ids)[0]
            .decode()
        )

    def test_the_interviewer_prints_the_sheet_of_the_talk(self):
        html = self.render(self.interviewer)
        for text in (
            "The summer camps",
            "Ten years of Saturdays",
            "A short report of this conversation goes to the board.",
            "speak freely",
            "We will not argue about past events",
            "The team spirit",
            "Ask about the camps",
            "Wish them success.",
        ):
            self.assertIn(text, html)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_no_one_else_prints_it(self):
        self.interview.sudo().write({"state": "held", "report_summary": "Report"})
        self.interview.action_share_with_board()
        for user in (self.board, self.other_interviewer, self.manager_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.render(user)


@tagged("post_install", "-at_install")
class TestChecklist(ExitInterviewCase):
    def test_marking_held_with_the_checklist_open_asks_first(self):
        interview = self.create_interview()
        interview.action_invite()
        form_click = interview.with_user(self.interviewer).with_context(
            exit_interview_checklist_check=True
        )
        action = form_click.action_mark_held()
        self.assertEqual(action["res_model"], "hr.exit.interview.held")
        self.assertEqual(interview.state, "invited")
        wizard = (
            self.env["hr.exit.interview.held"]
            .with_user(self.interviewer)
            .with_context(**action["context"])
            .create({})
        )
        wizard.action_confirm()
        self.assertEqual(interview.state, "held")

    def test_with_the_checklist_ticked_it_is_held_at_once(self):
        interview = self.create_interview(
            confidentiality_explained=True, appreciation_given=True
        )
        interview.action_invite()
        interview.with_user(self.interviewer).with_context(
            exit_interview_checklist_check=True
        ).action_mark_held()
        self.assertEqual(interview.state, "held")

    def test_the_board_report_states_the_checklist(self):
        interview = self.create_interview(
            state="held", report_summary="Report", confidentiality_explained=True
        )
        interview.action_share_with_board()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.board)
            ._render_qweb_html(BOARD_REPORT, interview.ids)[0]
            .decode()
        )
        self.assertRegex(html, r"o_exit_interview_checklist_opening\">\s*Yes")
        self.assertRegex(html, r"o_exit_interview_checklist_closing\">\s*No")


@tagged("post_install", "-at_install")
class TestTrends(ExitInterviewCase):
    """Statistics that keep their promise: anonymised interviews count, the year
    before is beside it, the default period reaches the departures to come."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.exit_interview_min_group_size = 3
        cls.company.exit_interview_retention_months = 12
        cls.old = cls.env["hr.exit.interview"]
        for index in range(3):
            employee = cls.env["hr.employee"].create({"name": f"Leaver {index}"})
            cls.old |= cls.create_interview(
                employee_id=employee.id,
                hire_date=date(2020, 1, 1),
                last_working_day=date(2027, 3, 10 + index),
            )
        for index in range(4):
            employee = cls.env["hr.employee"].create({"name": f"Later {index}"})
            cls.create_interview(
                employee_id=employee.id, last_working_day=date(2028, 3, 10 + index)
            )

    def summary(self, date_from, date_to):
        return self.env[
            "report.hr_exit_interview.report_exit_interview_summary"
        ]._get_report_values(
            [], data={"date_from": str(date_from), "date_to": str(date_to)}
        )

    @freeze_time("2028-06-01")
    def test_anonymised_interviews_keep_counting(self):
        anonymised = self.env["hr.exit.interview"]._cron_anonymise_expired()
        self.assertEqual(self.made_here(anonymised), self.old)
        self.assertFalse(any(self.old.mapped("last_working_day")))
        values = self.summary(date(2027, 3, 1), date(2027, 3, 31))
        self.assertEqual(values["interview_count"], 3)
        self.assertEqual(values["by_reason"], [("Resigned", 3)])

    @freeze_time("2028-06-01")
    def test_the_year_before_stands_beside_the_period(self):
        values = self.summary(date(2028, 3, 1), date(2028, 3, 31))
        # Rounded down to a multiple of the minimum (3): 4 shows as 3.
        self.assertEqual(values["interview_count"], 3)
        self.assertEqual(values["year_before"]["interview_count"], 3)
        self.assertEqual(values["year_before"]["by_reason"], [("Resigned", 3)])

    @freeze_time("2027-01-15")
    def test_the_default_period_reaches_the_departures_to_come(self):
        wizard = self.env["hr.exit.interview.summary.wizard"].create({})
        self.assertEqual(wizard.date_to, date(2028, 3, 31))

    def test_voluntary_or_not_and_hr_judgement(self):
        fired = self.create_interview(departure_reason_id=self.fired.id)
        self.assertEqual(fired.departure_kind, "involuntary")
        self.assertEqual(self.old[0].departure_kind, "voluntary")
        fired.with_user(self.officer).write(
            {"regrettable": True, "eligible_for_rehire": "yes"}
        )
        with self.assertRaises(AccessError):
            fired.with_user(self.interviewer).read(["regrettable"])
        with self.assertRaises(AccessError):
            fired.with_user(self.board).read(["eligible_for_rehire"])
