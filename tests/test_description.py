import re

from lxml import html

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_open


@tagged("post_install", "-at_install")
class TestAppsDescription(TransactionCase):
    """The Apps page shows the user's README (readme/*.md), not the developer's."""

    def test_description_html_has_the_headings_and_no_markdown(self):
        module = self.env["ir.module.module"].search(
            [("name", "=", "hr_exit_interview")]
        )
        page = str(module.description_html)
        headings = {
            " ".join(heading.text_content().split())
            for heading in html.fromstring(page).iter("h1", "h2", "h3", "h4")
        }
        with file_open("hr_exit_interview/readme/DESCRIPTION.md") as description:
            own = re.findall(r"^#+ (.+)$", description.read(), re.M)
        self.assertTrue(own, "DESCRIPTION.md has headings of its own")
        for heading in own + ["Configuration", "Usage", "Known issues / Roadmap"]:
            self.assertIn(heading, headings)
        for markdown in ("## ", "```", "| --- |", "](", "**", "make test", "PGHOST"):
            self.assertNotIn(markdown, page)
        self.assertIn("/hr_exit_interview/static/description/interview_form.png", page)

    def test_listed_among_the_apps(self):
        # Odoo's Apps menu filters on applications by default: "exit" finds it there.
        module = self.env["ir.module.module"].search(
            [("name", "=", "hr_exit_interview"), ("application", "=", True)]
        )
        self.assertTrue(module)
