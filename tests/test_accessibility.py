"""Accessibility, measured with axe-core in the tours' browser.

axe-core comes from npm, as scripts/test-tools/package-lock.json pins it; the scripts
that run the tests install it outside the repository (scripts/common.sh,
node_packages). The browser asks for it at the address the tours use, which the test
answers from that folder.
"""

import os
from pathlib import Path

from lxml import html

from odoo.tests import tagged

from .common import PortalCase

AXE_URL = "https://axe-core.hr-exit-interview.test/axe.min.js"


def axe_core_path():
    """Where scripts/common.sh installs the test tools: CACHE_DIR/node-test-tools."""
    cache = os.environ.get("HR_EXIT_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"),
        "hr_exit_interview",
    )
    return Path(cache, "node-test-tools/node_modules/axe-core/axe.min.js")


class AxeCase(PortalCase):
    def setUp(self):
        super().setUp()
        path = axe_core_path()
        if not path.is_file():
            self.fail(
                f"axe-core is missing: no {path}. scripts/odoo.sh installs it when it "
                "runs tests (npm ci from scripts/test-tools/); Node.js and npm must "
                "be there."
            )
        self.axe_source = path.read_bytes()

    def fetch_proxy(self, url):
        if url == AXE_URL:
            response = self.make_fetch_proxy_response(self.axe_source)
            response["responseHeaders"].append(
                {"name": "content-type", "value": "text/javascript"}
            )
            return response
        return super().fetch_proxy(url)


@tagged("post_install", "-at_install")
class TestPortalAccessibility(AxeCase):
    """The departing employee's page on a phone, empty, with an error and submitted:
    no axe-core violation in the addon's markup, nor in what it decides for the page
    (language, title, one h1)."""

    browser_size = "375x740"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Long enough to scroll, as the guide's 41 questions are.
        template = cls.create_template(
            ("What did you enjoy?", "text"),
            ("How do you rate the team spirit?", "rating"),
            ("Would you come back?", "yes_no"),
            *((f"Open question {number}", "text") for number in range(1, 9)),
        )
        template.section_ids.question_ids[0].help_text = "Think of the last year."
        template.section_ids.question_ids[1].help_text = "Your overall impression."
        cls.interview, cls.token = cls.create_invited_interview(template_id=template.id)

    def tree(self, response=None):
        """The employee's page (or the page a post answered) as a tree."""
        if response is None:
            response = self.page()
        return html.fromstring(response.content)

    def test_page_names_its_language_title_and_structure(self):
        page = self.tree()
        self.assertEqual(page.get("lang"), "en-US")
        self.assertEqual(
            page.findtext(".//title"), f"Exit interview – {self.company.name}"
        )
        main = page.xpath("//div[contains(@class, 'o_exit_interview_portal')]")[0]
        self.assertEqual(len(page.xpath("//h1")), 1)
        self.assertIn("Exit interview at", main.xpath("string(.//h1)"))
        self.assertIn("General", main.xpath(".//h2/text()"))

    def test_questions_are_tied_to_their_help_and_scale(self):
        page = self.tree()
        text, rating, yes_no = self.interview.line_ids.sorted()[:3]
        legend = page.xpath("//fieldset/legend")
        self.assertEqual([node.text for node in legend], [rating.question])
        radios = page.xpath(f"//fieldset//input[@name='answer_{rating.id}']")
        self.assertEqual(len(radios), 5)
        for radio in radios:
            described = [
                page.get_element_by_id(id_).text_content()
                for id_ in radio.get("aria-describedby").split()
            ]
            self.assertEqual(
                described,
                ["Your overall impression.", "1 = very poor, 5 = excellent"],
            )
        answer = page.get_element_by_id(f"answer_{text.id}")
        help_text = page.get_element_by_id(answer.get("aria-describedby"))
        self.assertEqual(help_text.text_content(), "Think of the last year.")
        self.assertFalse(
            page.get_element_by_id(f"answer_{yes_no.id}").get("aria-describedby")
        )
        # Saving a draft needs no notice: no browser bubble in its own language
        # stops it; the page says what submitting needs.
        self.assertIsNone(page.get_element_by_id("acknowledge_notice").get("required"))

    def test_an_unconfirmed_notice_is_tied_to_its_error(self):
        response = self.post({"action": "submit", "acknowledge_notice": None})
        self.assertEqual(response.status_code, 400)
        checkbox = self.tree(response).get_element_by_id("acknowledge_notice")
        self.assertEqual(checkbox.get("aria-invalid"), "true")
        self.assertIsNotNone(checkbox.get("autofocus"))
        error = self.tree(response).get_element_by_id(checkbox.get("aria-describedby"))
        self.assertIn("Please confirm", error.text_content())

    def test_portal_page_empty_with_an_error_submitted(self):
        self.start_tour(self.portal_url(), "hr_exit_interview_portal_accessibility")
        self.assertEqual(self.interview.state, "prepared")
        self.assertEqual(
            self.interview.line_ids.sorted()[0].answer_text,
            "I enjoyed the youth camps",
        )


@tagged("post_install", "-at_install")
class TestBackOfficeAccessibility(AxeCase):
    """The status badges and the guidance reach 4.5:1; the board reads its reports
    as cards on a phone, and its evaluation field has a label."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        rita = cls.env["hr.employee"].create({"name": "Rita Reported"})
        cls.reported = cls.create_interview(
            employee_id=rita.id, state="held", report_summary="A warm goodbye"
        )
        cls.reported.action_share_with_board()
        cls.invited, _token = cls.create_invited_interview()

    def test_board_on_a_phone(self):
        self.browser_size = "375x740"
        self.touch_enabled = True
        self.start_tour(
            "/odoo/action-hr_exit_interview.hr_exit_interview_action_board",
            "hr_exit_interview_board_phone",
            login=self.board.login,
        )

    def test_status_badges(self):
        self.start_tour(
            "/odoo/action-hr_exit_interview.hr_exit_interview_action",
            "hr_exit_interview_status_badges",
            login=self.officer.login,
        )
