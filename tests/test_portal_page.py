"""The employee's page: the link that has ended saying what happened to the
answers, the headings following where each question stands."""

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
