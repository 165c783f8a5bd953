"""The employee's page speaks the employee's language, whatever the browser asks: the
letter, the notice, the buttons, the messages and the texts of the page's script.
Belgium's two languages, each opened by a browser set to the other one."""

import json
from html import unescape
from urllib.parse import quote

from odoo.tests import tagged

from .common import PortalCase

DUTCH = ("Concept bewaren", "Mijn antwoorden indienen", "Wie je antwoorden leest")
FRENCH = ("Enregistrer le brouillon", "Envoyer mes réponses", "Qui lit vos réponses")


@tagged("post_install", "-at_install")
class TestPortalLanguage(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.load_dutch()
        cls.env["res.lang"]._activate_lang("fr_BE")
        cls.env["ir.module.module"].search(
            [("name", "=", "hr_exit_interview")]
        )._update_translations(["fr_BE"])
        cls.employee.lang = "nl_NL"
        cls.dutch, cls.dutch_token = cls.create_invited_interview()
        francoise = cls.env["hr.employee"].create(
            {
                "name": "Françoise Départ",
                "lang": "fr_BE",
                "private_email": "francoise@example.com",
            }
        )
        cls.french, cls.french_token = cls.create_invited_interview(
            employee_id=francoise.id
        )

    def page_text(self, interview, token, browser):
        """The text of the employee's page, opened by a browser that asks for
        the given languages."""
        page = self.page(interview, token, headers={"Accept-Language": browser})
        return unescape(page.text)

    def assert_page_in(self, page, lang, expected, unexpected):
        self.assertIn(f'<html lang="{lang}"', page)
        for text in expected:
            self.assertIn(text, page)
        for text in unexpected:
            self.assertNotIn(text, page)
        self.assertNotIn("js_language_selector", page, "no language to choose")

    def test_a_dutch_employee_reads_dutch_in_a_french_browser(self):
        page = self.page_text(self.dutch, self.dutch_token, "fr-BE,fr;q=0.9")
        self.assert_page_in(
            page,
            "nl-NL",
            (*DUTCH, "Dag Dirk Departing,", "0 van de 41 vragen beantwoord"),
            FRENCH,
        )

    def test_a_french_employee_reads_french_in_a_dutch_browser(self):
        page = self.page_text(self.french, self.french_token, "nl-BE,nl;q=0.9")
        self.assert_page_in(
            page,
            "fr-BE",
            (
                *FRENCH,
                "Bonjour Françoise Départ",
                "0 questions sur 41 ont reçu une réponse",
            ),
            DUTCH,
        )

    def test_the_messages_follow_the_employee(self):
        for interview, token, browser, expected in (
            (self.dutch, self.dutch_token, "fr-BE", "Bevestig dat je gelezen hebt"),
            (self.french, self.french_token, "nl-BE", "Merci de confirmer"),
        ):
            with self.subTest(lang=interview.employee_id.lang):
                response = self.post(
                    {
                        interview.line_ids[0]: "Before the notice",
                        "acknowledge_notice": None,
                        "action": "submit",
                    },
                    interview=interview,
                    token=token,
                    headers={"Accept-Language": browser},
                )
                self.assertEqual(response.status_code, 400)
                self.assertIn(expected, response.text)

    def test_a_link_that_has_ended_speaks_the_employees_language(self):
        self.dutch._portal_submit_answers({})
        response = self.page(
            self.dutch, self.dutch_token, headers={"Accept-Language": "fr-BE"}
        )
        self.assertEqual(response.status_code, 404)
        self.assertIn('<html lang="nl-NL"', response.text)
        self.assertNotIn("Dirk", response.text)

    def test_a_link_that_opens_nothing_speaks_the_browsers_language(self):
        # It tells nothing about an interview, not even its employee's language.
        for browser, expected in (
            ("fr-BE", "Ce lien n'est plus valable"),
            ("nl-BE", "Deze link is niet meer geldig"),
        ):
            with self.subTest(browser=browser):
                # A new visitor: no language remembered from an earlier page.
                self.opener.cookies.clear()
                page = self.page_text(self.dutch, "wrong", browser)
                self.assertIn(expected, page)

    def test_the_scripts_texts_come_in_each_language(self):
        for lang, expected in (("nl_NL", "Bewaren…"), ("fr_BE", "Enregistrement…")):
            with self.subTest(lang=lang):
                response = self.url_open(f"/website/translations/x?lang={lang}")
                messages = json.loads(response.text)["modules"]["hr_exit_interview"]
                self.assertIn(
                    {"id": "Saving…", "string": expected}, messages["messages"]
                )

    def test_tour_the_script_speaks_dutch_then_french(self):
        # One browser for both pages: the tour opens the French one, whose address a
        # cookie gives it, once the Dutch one is checked.
        self.start_tour(
            self.portal_url(self.dutch, self.dutch_token),
            "hr_exit_interview_portal_language",
            cookies={
                "hr_exit_interview_next_page": quote(
                    self.portal_url(self.french, self.french_token), safe=""
                )
            },
        )
