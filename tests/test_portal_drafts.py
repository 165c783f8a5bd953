"""The employee's drafts: the progress, the time of the last save, and the limit
that refuses instead of cutting."""

from odoo.tests import HttpCase, tagged

from .common import ExitInterviewCase, csrf_token


@tagged("post_install", "-at_install")
class TestPortalDrafts(HttpCase, ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.drafts_template = cls.create_template(
            ("What did you enjoy?", "text"),
            ("What would you change?", "text"),
            ("How do you rate us?", "rating"),
        )
        cls.interview, cls.token = cls.create_invited_interview(
            template_id=cls.drafts_template.id
        )
        cls.enjoyed, cls.change, cls.rating = cls.interview.line_ids.sorted()

    def page(self, token="own"):
        token = self.token if token == "own" else token
        return self.url_open(self.portal_path(self.interview, token)).text

    def post(self, route, answers, page=None, **fields):
        """Post from a page (by default one opened now) the answers {line: text},
        with the page's CSRF token and the notice confirmed."""
        page = page if page is not None else self.page()
        data = {
            "access_token": self.token,
            "csrf_token": csrf_token(page),
            "acknowledge_notice": "1",
            **{f"answer_{line.id}": text for line, text in answers.items()},
            **fields,
        }
        data = {key: value for key, value in data.items() if value is not None}
        response = self.url_open(
            f"/my/exit-interviews/{self.interview.id}/{route}",
            data=data,
            allow_redirects=False,
        )
        self.env.invalidate_all()
        return response

    def save(self, answers, page=None, **fields):
        return self.post("answer", answers, page, **{"action": "save", **fields})

    # What the page shows

    def test_the_page_counts_the_answers_and_shows_the_last_save(self):
        page = self.page()
        self.assertIn("0 of 3 questions answered", page)
        self.assertNotIn("Draft saved on", page)
        self.save({self.enjoyed: "The camps", self.rating: "4"})
        self.assertTrue(self.interview.answers_saved_on)
        page = self.page()
        self.assertIn("2 of 3 questions answered", page)
        self.assertIn("Draft saved on", page)

    def test_the_limit_refuses_and_never_cuts(self):
        page = self.page()
        self.assertNotIn("maxlength", page)
        self.assertEqual(page.count('data-max-length="10000"'), 3, "and the reason")
        response = self.save({self.enjoyed: "y" * 10001})
        self.assertEqual(response.status_code, 400)
        self.assertIn("What did you enjoy?", response.text)
        self.assertIn("y" * 10001 + "</textarea>", response.text)
        self.assertFalse(self.enjoyed.answer_text)
