"""The employee's page and the save of a draft cost about what Odoo's own portal home
page costs a logged-in portal user: the reference the load test (make load) holds
their latencies to. A later change that reads the interview, its employee or its
questions once more per request fails here, before the load test's ratios drift."""

from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from ..controllers.portal import SESSION_COOKIE
from .common import ExitInterviewCase, answer_bases, csrf_token

# Queries the page and the save may cost beyond /my/home. The page and the save are
# measured as the load test makes them: the guide's 41 questions, every answer
# changed by each save.
EXTRA_QUERIES = {"page": 2, "save": 0}
# What the Save button's post may cost beyond the page it draws again: the savepoint
# and its release, the interview's lock, the questions' read, and one write of the
# answers and one of the interview.
SAVE_BUTTON_EXTRA_QUERIES = 6


@tagged("post_install", "-at_install")
class TestPortalQueryCount(HttpCase, ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = cls.make_portal_user("count_portal")
        cls.interview, cls.token = cls.create_invited_interview()
        cls.interview.sudo()._portal_record_choices(True, False)
        cls.saves = 0

    def count_queries(self, operation):
        """Queries of the operation, once warm: two runs fill the registry's caches,
        each request starts from an empty record cache."""
        for _run in range(2):
            operation()
            self.env.flush_all()
            self.env.invalidate_all()
        # As assertQueryCount: no random bus garbage collection.
        with patch("random.random", lambda: 1):
            count0 = self.cr.sql_log_count
            operation()
            self.env.flush_all()
            return self.cr.sql_log_count - count0

    def my_home(self):
        response = self.url_open("/my/home")
        self.assertEqual(response.status_code, 200)

    def page(self):
        """The page as the employee opens it again: the link's first visit opened
        the session, which every later visit and save goes by."""
        if not self.opener.cookies.get(SESSION_COOKIE):
            self.url_open(self.portal_path(self.interview, self.token))
        response = self.url_open(self.portal_path(self.interview))
        self.assertEqual(response.status_code, 200)
        return response.text

    def save(self):
        """A draft as the page's script saves it while the employee types, with a new
        text in every answer."""
        page = self.page()
        self.saves += 1
        data = {
            "access_token": self.token,
            "csrf_token": csrf_token(page),
            **answer_bases(page),
            **{
                f"answer_{line.id}": f"Draft {self.saves} of answer {line.id}"
                for line in self.interview.line_ids
                if line.question_type == "text"
            },
        }

        def operation():
            response = self.url_open(
                self.portal_path(self.interview, suffix="/autosave"), data=data
            )
            self.assertEqual(response.json()["status"], "saved")

        return operation

    def save_button(self):
        """The form's post by the Save button, which draws the page again, with a
        new text in every answer."""
        page = self.page()
        self.saves += 1
        data = {
            "csrf_token": csrf_token(page),
            "action": "save",
            **answer_bases(page),
            **{
                f"answer_{line.id}": f"Saved {self.saves} of answer {line.id}"
                for line in self.interview.line_ids
                if line.question_type == "text"
            },
        }

        def operation():
            response = self.url_open(
                self.portal_path(self.interview, suffix="/answer"), data=data
            )
            self.assertIn("Your answers are saved.", response.text)

        return operation

    def home_queries(self):
        self.authenticate("count_portal", "count_portal")
        queries = self.count_queries(self.my_home)
        self.authenticate(None, None)
        return queries

    def test_page_costs_what_the_portal_home_costs(self):
        home = self.home_queries()
        page = self.count_queries(self.page)
        self.assertLessEqual(page, home + EXTRA_QUERIES["page"], f"/my/home: {home}")

    def post_queries(self, prepare):
        """Queries of the post that prepare() returns, once warm: the page it is
        made from is not counted."""
        counts = []

        def operation():
            post = prepare()
            count0 = self.cr.sql_log_count
            post()
            counts.append(self.cr.sql_log_count - count0)

        self.count_queries(operation)
        return counts[-1]

    def test_save_costs_what_the_portal_home_costs(self):
        home = self.home_queries()
        self.assertLessEqual(
            self.post_queries(self.save),
            home + EXTRA_QUERIES["save"],
            f"/my/home: {home}",
        )

    def test_save_button_costs_the_page_and_the_save_alone(self):
        page = self.count_queries(self.page)
        self.assertLessEqual(
            self.post_queries(self.save_button),
            page + SAVE_BUTTON_EXTRA_QUERIES,
            f"the page: {page}",
        )
