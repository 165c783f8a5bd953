"""The employee's drafts: autosave with the checks of Save, the revision each answer
carries so that two pages never overwrite each other silently, the progress, the
time of the last save, the limit that refuses instead of cutting, and what the page
shows around the form."""

from lxml import html

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.hr_exit_interview_portal import ANSWER_MAX_LENGTH
from .common import PortalCase

TOO_LONG = "y" * (ANSWER_MAX_LENGTH + 1)


@tagged("post_install", "-at_install")
class TestPortalDrafts(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.drafts_template = cls.create_template(
            ("What did you enjoy?", "text"),
            ("What would you change?", "text"),
            ("How do you rate us?", "rating"),
        )
        cls.drafts_template.closing = "Thank you for your time"
        cls.interview, cls.token = cls.create_invited_interview(
            template_id=cls.drafts_template.id
        )
        cls.enjoyed, cls.change, cls.rating = cls.interview.line_ids.sorted()

    # Autosave

    def test_autosave_stores_the_draft(self):
        status, result = self.autosave({self.enjoyed: "The camps", self.rating: "4"})
        self.assertEqual(status, 200)
        self.assertEqual(result["status"], "saved")
        self.assertIn("Draft saved on", result["message"])
        self.assertEqual(self.enjoyed.answer_text, "The camps")
        self.assertEqual(self.rating.answer_rating, "4")
        self.assertEqual(self.enjoyed.answer_revision, 1)
        self.assertEqual(self.change.answer_revision, 0, "only what changed")
        self.assertTrue(self.interview.answers_saved_on)
        self.assertEqual(
            result["bases"][str(self.enjoyed.id)], self.enjoyed._portal_base()
        )
        page = self.page().text
        self.assertIn("2 of 3 questions answered", page)
        self.assertIn("Draft saved on", page)

    @mute_logger("odoo.http")
    def test_autosave_makes_the_checks_of_save(self):
        self.autosave({self.enjoyed: "Earlier"})
        foreign = self.create_invited_interview(template_id=self.drafts_template.id)[
            0
        ].line_ids[0]
        # What each autosave sends, and the status and the message it gets.
        refused = {
            "too long": (
                {self.enjoyed: TOO_LONG},
                400,
                f"longer than {ANSWER_MAX_LENGTH:,}",
            ),
            "expired page": ({self.enjoyed: "New", "csrf_token": ""}, 400, "expired"),
            "a rating of 9": ({self.rating: "9"}, 400, "from 1 to 5"),
            "another interview's question": ({foreign: "x"}, 400, "belong"),
            "no link": ({self.enjoyed: "New", "access_token": None}, 404, "valid"),
            "a wrong link": ({self.enjoyed: "New", "access_token": "x"}, 404, "valid"),
        }
        for what, (values, expected_status, message) in refused.items():
            with self.subTest(what):
                if "access_token" in values:
                    # Another browser: without the session the link opened.
                    self.opener.cookies.clear()
                status, result = self.autosave(values)
                self.assertEqual(status, expected_status)
                self.assertIn(message, result["message"])
                self.env.invalidate_all()
                self.assertEqual(self.enjoyed.answer_text, "Earlier")
                self.assertFalse(self.rating.answer_rating)
                self.assertFalse(foreign.answer_text)
        response = self.url_open(
            f"/my/exit-interviews/{self.interview.id}/autosave"
            f"?access_token={self.token}",
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 405)

    def test_autosave_needs_no_notice_and_records_no_choice_without_it(self):
        status, result = self.autosave(
            {
                self.enjoyed: "Before reading",
                "acknowledge_notice": None,
                "board_consent": "1",
            }
        )
        self.assertEqual(status, 200)
        self.assertEqual(result["status"], "saved")
        self.assertEqual(self.enjoyed.unconfirmed_answer, "Before reading")
        self.assertFalse(self.interview.notice_acknowledged_on)
        self.assertFalse(
            self.interview.board_consent, "a choice waits for the notice read"
        )
        self.assertIn("Before reading", self.page().text, "the page shows the draft")

    def test_a_draft_before_the_notice_is_the_employee_s_alone(self):
        """Nobody reads what the employee saved before confirming who reads their
        answers; confirming hands it over as it stands, declining drops it."""
        self.autosave({self.enjoyed: "Before reading", "acknowledge_notice": None})
        for user in (self.interviewer, self.officer):
            line = self.enjoyed.with_user(user)
            self.assertFalse(line.answer_text)
            self.assertFalse(line.answer_display)
            self.assertFalse(
                line.search([("answer_text", "ilike", "Before reading")]),
                user.login,
            )
            # Nor when, or how often, the employee saved.
            for record, field in (
                (line, "unconfirmed_answer"),
                (line, "answer_revision"),
                (self.interview.with_user(user), "answers_saved_on"),
            ):
                with self.assertRaises(AccessError):
                    record.read([field])
            with self.assertRaises(AccessError):
                line.search([("answer_revision", ">", 0)])
        self.autosave({self.enjoyed: "Before reading", "acknowledge_notice": "1"})
        self.assertEqual(
            self.enjoyed.with_user(self.interviewer).answer_text, "Before reading"
        )
        self.assertFalse(self.enjoyed.unconfirmed_answer)

    def test_declining_drops_the_unconfirmed_drafts(self):
        self.autosave({self.enjoyed: "Before reading", "acknowledge_notice": None})
        self.post({"action": "decline", "decline_reason": ""})
        self.assertEqual(self.interview.state, "declined")
        self.assertFalse(self.enjoyed.unconfirmed_answer)
        self.assertFalse(self.enjoyed.answer_text)

    def test_autosave_after_submitting_changes_nothing(self):
        self.post({self.enjoyed: "Final", "action": "submit"})
        status, result = self.autosave({self.enjoyed: "Late"})
        self.assertEqual((status, result["status"]), (404, "invalid"))
        self.assertEqual(self.enjoyed.answer_text, "Final")

    # Two pages on one interview

    def test_the_slower_page_is_told_and_keeps_its_text(self):
        first_page, second_page = self.page().text, self.page().text
        self.assertEqual(
            self.save({self.enjoyed: "From A"}, first_page).status_code, 200
        )
        response = self.save(
            {self.enjoyed: "From B", self.change: "Only B"}, second_page
        )
        self.assertEqual(response.status_code, 409)
        self.assertIn("Another window or device saved a newer version", response.text)
        self.assertIn("From B</textarea>", response.text, "the slower text is kept")
        self.assertIn("From A", response.text, "beside the newer version")
        # The field names the newer version, as it names its help and errors.
        page = html.fromstring(response.text)
        described = page.get_element_by_id(f"answer_{self.enjoyed.id}").get(
            "aria-describedby"
        )
        newer = [page.get_element_by_id(id_) for id_ in described.split()]
        self.assertIn("From A", " ".join(element.text_content() for element in newer))
        self.assertEqual(self.enjoyed.answer_text, "From A")
        self.assertEqual(self.change.answer_text, "Only B", "the rest is saved")
        # Saving again from the page that was told stores the merged text.
        merged = self.save({self.enjoyed: "From A and B"}, response.text)
        self.assertEqual(merged.status_code, 200)
        self.assertEqual(self.enjoyed.answer_text, "From A and B")
        self.assertEqual(self.enjoyed.answer_revision, 2)

    def test_an_answer_left_as_the_page_showed_it_keeps_the_newer_one(self):
        stale_page = self.page().text
        self.save({self.enjoyed: "Newer, from another page"})
        # The stale page sends the first answer as it showed it: empty.
        response = self.save({self.enjoyed: "", self.change: "Mine"}, stale_page)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.enjoyed.answer_text, "Newer, from another page")
        self.assertEqual(self.change.answer_text, "Mine")

    def test_autosave_names_the_answers_changed_meanwhile(self):
        stale_page = self.page().text
        self.save({self.rating: "2"})
        status, result = self.autosave(
            {self.rating: "5", self.enjoyed: "Saved all the same"}, stale_page
        )
        self.assertEqual(status, 409)
        self.assertEqual(result["status"], "conflict")
        self.assertEqual(
            result["conflicts"],
            [
                {
                    "line": self.rating.id,
                    "base": self.rating._portal_base(),
                    "answer": "2",
                    "display": "2 / 5",
                }
            ],
        )
        self.assertEqual(self.rating.answer_rating, "2")
        self.assertEqual(self.enjoyed.answer_text, "Saved all the same")
        self.assertNotIn(str(self.rating.id), result["bases"])

    def test_submitting_over_a_newer_answer_submits_nothing(self):
        stale_page = self.page().text
        self.save({self.enjoyed: "Newer"})
        response = self.post(
            {self.enjoyed: "Older", self.change: "Also mine", "action": "submit"},
            stale_page,
        )
        self.assertEqual(response.status_code, 409)
        self.assertIn("nothing was saved or submitted", response.text)
        self.assertEqual(self.interview.state, "invited")
        self.assertEqual(self.enjoyed.answer_text, "Newer")
        self.assertFalse(self.change.answer_text)

    # What the page shows

    def test_the_page_counts_the_answers_and_shows_the_last_save(self):
        page = self.page().text
        self.assertIn("0 of 3 questions answered", page)
        self.assertNotIn("Draft saved on", page)
        self.save({self.enjoyed: "The camps", self.rating: "4"})
        self.assertTrue(self.interview.answers_saved_on)
        page = self.page().text
        self.assertIn("2 of 3 questions answered", page)
        self.assertIn("Draft saved on", page)

    def test_the_limit_refuses_and_never_cuts(self):
        page = self.page().text
        self.assertNotIn("maxlength", page)
        self.assertEqual(
            page.count(f'data-max-length="{ANSWER_MAX_LENGTH}"'), 3, "and the reason"
        )
        response = self.save({self.enjoyed: TOO_LONG})
        self.assertEqual(response.status_code, 400)
        self.assertIn("What did you enjoy?", response.text)
        self.assertIn(TOO_LONG + "</textarea>", response.text)
        self.assertFalse(self.enjoyed.answer_text)

    def test_the_thanks_close_the_page_after_the_buttons(self):
        page = self.page().text
        self.assertLess(
            page.index("o_exit_interview_submit"), page.index("Thank you for your time")
        )

    def test_a_declined_interview_shows_the_decline_and_nothing_to_fill_in(self):
        portal_user = self.make_employee_portal_user("drafts_portal")
        interview, token = self.create_invited_interview(
            template_id=self.drafts_template.id
        )
        self.interview, self.token = interview, token
        self.post({"action": "decline", "decline_reason": "A new job abroad"})
        self.assertEqual(interview.state, "declined")
        self.authenticate(portal_user.login, portal_user.login)
        page = self.page(interview, token=None).text
        self.assertIn("You chose not to take part", page)
        self.assertIn("A new job abroad", page)
        for absent in ("<textarea", "<select", "o_exit_interview_form", "your time"):
            self.assertNotIn(absent, page)

    def test_no_sign_in_for_an_employee_without_account(self):
        self.assertNotIn('href="/web/login"', self.page().text)
        portal_user = self.make_employee_portal_user("drafts_signin")
        interview, token = self.create_invited_interview(
            template_id=self.drafts_template.id
        )
        self.assertTrue(interview._latest_sending().user_id == portal_user)
        page = self.page(interview, token).text
        self.assertIn('href="/web/login"', page, "an employee with an account may")

    # In the browser

    def test_tour_autosave(self):
        self.start_tour(self.portal_url(), "hr_exit_interview_portal_autosave")
        # The notice not confirmed, the drafts wait for it, out of sight.
        self.assertEqual(
            self.enjoyed.unconfirmed_answer, "Typed and never saved by hand"
        )
        self.assertEqual(
            self.change.unconfirmed_answer, "Typed just before closing the page"
        )
        self.assertEqual(self.interview.state, "invited")

    def test_tour_two_tabs(self):
        self.interview._portal_record_choices(True, False)
        self.start_tour(self.portal_url(), "hr_exit_interview_portal_two_tabs")
        self.assertEqual(
            self.enjoyed.answer_text, "Written in this tab and in the other tab"
        )
        self.assertEqual(self.enjoyed.answer_revision, 2)
