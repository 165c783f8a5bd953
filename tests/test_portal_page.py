"""The employee's page: the headings following where each question stands."""

from odoo import Command
from odoo.tests import tagged

from .common import ExitInterviewCase


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
