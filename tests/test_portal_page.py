"""The employee's page as a phone shows it: declining offered near the top, the link
that has ended saying what happened to the answers, the headings following where
each question stands, the meeting and the last save written without seconds or
decimal hours, and the walk on a phone."""

from datetime import datetime

from odoo import Command
from odoo.tests import tagged

from .common import ExitInterviewCase, PortalCase


@tagged("post_install", "-at_install")
class TestPortalEndedLink(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.page_template = cls.create_template(
            ("What did you enjoy?", "text"), ("What would you change?", "text")
        )
        cls.interview, cls.token = cls.create_invited_interview(
            template_id=cls.page_template.id
        )

    def assert_no_link_for_accounts(self, text):
        self.assertNotIn('href="/my/home"', text)
        self.assertNotIn('href="/my/exit-interviews"', text)
        self.assertNotIn("o_portal_submenu", text)

    def invalid_status(self):
        self.opener.cookies.clear()
        return self.page(token="never-valid").status_code

    def test_a_submitted_link_says_the_answers_were_received(self):
        response = self.post(
            {"action": "submit", self.interview.line_ids[0]: "The secret camps"}
        )
        self.assertEqual(self.interview.state, "prepared")
        self.assertIn("The secret camps", response.text)
        # The mailed link again, in another browser: no content, no interview.
        self.opener.cookies.clear()
        response = self.page()
        self.assertEqual(response.status_code, self.invalid_status())
        self.opener.cookies.clear()
        text = self.page().text
        self.assertIn("Your answers were received", text)
        self.assertIn("A copy of them was mailed", text)
        self.assertNotIn("This link is no longer valid", text)
        for content in (
            "The secret camps",
            "What did you enjoy?",
            self.employee.name,
        ):
            self.assertNotIn(content, text)
        self.assert_no_link_for_accounts(text)

    def test_back_after_submitting_says_the_answers_were_received(self):
        self.page()  # The link exchanged for this browser's session.
        self.post({"action": "submit"})
        response = self.page(token=None)
        self.assertEqual(response.status_code, 404)
        self.assertIn("Your answers were received", response.text)
        self.opener.cookies.clear()
        response = self.page(token=None)
        self.assertIn("This link is no longer valid", response.text)

    def test_a_declined_link_says_the_choice_was_recorded(self):
        self.post({"action": "decline", "decline_reason": "A new job abroad"})
        self.assertEqual(self.interview.state, "declined")
        self.opener.cookies.clear()
        response = self.page()
        self.assertEqual(response.status_code, 404)
        self.assertIn("Your choice was recorded", response.text)
        self.assertNotIn("A new job abroad", response.text)
        self.assertNotIn("A copy of them was mailed", response.text)

    def test_a_link_that_never_opened_anything_keeps_the_neutral_page(self):
        self.post({"action": "submit"})
        for token in ("never-valid", self.token[:-1]):
            with self.subTest(token=token):
                self.opener.cookies.clear()
                response = self.page(token=token)
                self.assertEqual(response.status_code, 404)
                self.assertIn("This link is no longer valid", response.text)
                self.assertNotIn("Your answers were received", response.text)
                self.assert_no_link_for_accounts(response.text)
                # Told apart from the text by more than its colour.
                self.assertIn(
                    'class="text-decoration-underline" href="/web/login', response.text
                )

    def test_a_new_link_ends_what_the_old_one_says(self):
        self.post({"action": "submit"})
        self.interview._portal_new_token()
        self.opener.cookies.clear()
        self.assertIn("This link is no longer valid", self.page().text)


@tagged("post_install", "-at_install")
class TestPortalPageLayout(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.page_template = cls.create_template(("What did you enjoy?", "text"))
        cls.interview, cls.token = cls.create_invited_interview(
            template_id=cls.page_template.id,
            planned_start=datetime(2031, 6, 20, 8, 0),
            duration=1.25,
        )

    def test_declining_is_offered_where_the_notice_says_it_is_a_choice(self):
        page = self.page().text
        decline = page.index("o_exit_interview_decline")
        self.assertLess(page.index("o_exit_interview_notice"), decline)
        self.assertLess(decline, page.index("o_exit_interview_question"))

    def test_after_declining_the_notice_points_to_no_choice_below(self):
        self.assertIn("only if you agree below", self.page().text)
        response = self.post({"action": "decline"})
        self.assertIn("You chose not to take part", response.text)
        self.assertIn("only if you agreed to it", response.text)
        self.assertNotIn("below", response.text.split("o_exit_interview_notice")[1])

    def test_the_meeting_and_the_last_save_have_no_seconds_nor_decimal_hours(self):
        self.interview.sudo().answers_saved_on = datetime(2031, 6, 1, 8, 15, 42)
        page = self.page().text
        self.assertIn("at 10:00, for about 1 hr 15 min.", page)
        self.assertIn("10:15", page)
        self.assertNotIn(":42", page)
        for hours, expected in (
            (0.75, "45 min"),
            (1.5, "an hour and a half"),
            (3.5, "3 hr 30 min"),
        ):
            with self.subTest(hours=hours):
                self.interview.duration = hours
                self.assertEqual(self.interview._letter_meeting_duration(), expected)


@tagged("post_install", "-at_install")
class TestSectionsFollowTheQuestions(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.interview = cls.create_interview()
        cls.lines = cls.interview.line_ids.sorted(lambda line: (line.sequence, line.id))

    def sections(self):
        lines = self.interview.line_ids.sorted(lambda line: (line.sequence, line.id))
        names = [lines[0].section_name]
        for line in lines[1:]:
            if line.section_name != names[-1]:
                names.append(line.section_name)
        return names

    def move(self, line, after):
        """Move the line just after another, as the form's handle does: the lines
        between get new sequences."""
        order = [other for other in self.lines if other != line]
        order.insert(order.index(after) + 1, line)
        self.interview.with_user(self.officer).write(
            {
                "line_ids": [
                    Command.update(other.id, {"sequence": index})
                    for index, other in enumerate(order, start=1)
                    if other.sequence != index
                ]
            }
        )

    def test_a_question_moved_into_another_section_takes_its_heading(self):
        before = self.sections()
        first_section = self.lines.filtered(lambda line: line.section_name == before[0])
        second_section = self.lines.filtered(
            lambda line: line.section_name == before[1]
        )
        moved = first_section[0]
        self.move(moved, second_section[0])
        self.env.cr.flush()  # The end of the form's save.
        self.assertEqual(moved.section_name, before[1])
        self.assertEqual(self.sections(), before, "no heading comes back twice")

    def test_a_question_moved_to_a_border_keeps_its_heading(self):
        before = self.sections()
        first_section = self.lines.filtered(lambda line: line.section_name == before[0])
        moved = self.lines.filtered(lambda line: line.section_name == before[2])[0]
        self.move(moved, first_section[-1])
        self.env.cr.flush()
        self.assertEqual(moved.section_name, before[2])


@tagged("post_install", "-at_install")
class TestPortalOnAPhone(PortalCase):
    browser_size = "375x667"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.interview, cls.token = cls.create_invited_interview()

    def test_tour_the_walk_on_a_phone(self):
        self.start_tour(self.portal_url(), "hr_exit_interview_portal_phone")
        self.assertEqual(self.interview.state, "prepared")
        self.assertTrue(self.interview.notice_acknowledged_on)
        self.assertIn(
            "I enjoyed the youth camps", self.interview.line_ids.mapped("answer_text")
        )

    def test_tour_declining_on_a_phone(self):
        self.start_tour(self.portal_url(), "hr_exit_interview_portal_phone_decline")
        self.assertEqual(self.interview.state, "declined")
        self.assertEqual(self.interview.decline_reason, "A new job abroad")
