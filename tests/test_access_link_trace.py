"""The employee's link leaves no usable trace: its first visit exchanges it for a
session of that browser (an HttpOnly cookie for the interview's pages only) and
takes it out of the address bar; found later in a log or a history, it opens
nothing by itself, and only offers to mail a new link to where it went."""

from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged

from ..controllers.portal import SESSION_COOKIE
from .common import LINK, PortalCase, SendingCase, csrf_token


@tagged("post_install", "-at_install")
class TestLinkTrace(PortalCase, SendingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.interview, cls.token = cls.create_invited_interview()
        cls.question = cls.interview.line_ids[:1].question

    def new_browser(self):
        """Another device, or whoever found the link: no cookie of this one."""
        self.opener.cookies.clear()

    def ask_new_link(self, token, offer):
        """The offer's button to mail a new link, with `token`; the mails it sent
        in self._mails."""
        with self.mock_mail_gateway(mail_unlink_sent=True):
            return self.url_open(
                f"/my/exit-interviews/{self.interview.id}/new-link",
                data={"access_token": token, "csrf_token": csrf_token(offer)},
            )

    def test_the_first_visit_exchanges_the_link_for_a_session(self):
        response = self.url_open(self.portal_url(), allow_redirects=False)
        page = f"/my/exit-interviews/{self.interview.id}"
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(page))
        self.assertNotIn(self.token, response.headers["Location"])
        cookie = response.headers["Set-Cookie"]
        self.assertIn(f"{SESSION_COOKIE}=", cookie)
        self.assertIn("HttpOnly", cookie)
        self.assertIn(f"Path={page}", cookie)
        self.assertIn("SameSite=Lax", cookie)
        self.assertIn("Max-Age=", cookie)
        self.assertNotIn(self.token, cookie)
        # The page, without the link, in this browser.
        response = self.url_open(page, allow_redirects=False)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.question, response.text)
        self.assertNotIn(self.token, response.text)
        # The history's entry with the link, in the same browser: the page again.
        self.assertIn(self.question, self.page().text)

    def test_the_used_link_opens_nothing_elsewhere_and_offers_a_new_one(self):
        self.page()
        self.new_browser()
        for response in (self.page(), self.url_open(self.portal_url())):
            self.assertEqual(response.status_code, 200)
            self.assertIn("This link was already opened", response.text)
            self.assertNotIn(self.question, response.text)
            self.assertNotIn("Dirk Departing", response.text)
            self.assertEqual(response.headers["Cache-Control"], "no-store")
        # Posting with it opens nothing either.
        response = self.save({"action": "save"}, page=self.page().text)
        self.assertEqual(response.status_code, 404)

    def test_a_new_link_goes_to_the_latest_address_once_in_a_while(self):
        self.page()
        self.new_browser()
        offer = self.page().text
        response = self.ask_new_link(self.token, offer)
        self.assertIn("A new link was sent to d...@example.com", response.text)
        links = [mail for mail in self._mails if LINK.search(mail["body"])]
        self.assertEqual(len(links), 1)
        self.assertEqual(links[0]["email_to"], ["dirk@example.com"])
        new_token = self.token_of(links[0])
        self.assertNotEqual(new_token, self.token)
        # The used link asks no second time: the new one replaced it.
        response = self.ask_new_link(self.token, offer)
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self._mails)
        # The new link opens the page on this device; asked from yet another one
        # right after, it is not sent again so soon.
        self.assertIn(self.question, self.page(token=new_token).text)
        self.new_browser()
        offer = self.page(token=new_token).text
        response = self.ask_new_link(new_token, offer)
        self.assertIn("a few minutes ago", response.text)
        self.assertFalse(self._mails)

    def test_a_wrong_or_unknown_link_never_has_a_new_one_sent(self):
        self.page()
        self.new_browser()
        offer = self.page().text
        for token in ("wrong", ""):
            response = self.ask_new_link(token, offer)
            self.assertEqual(response.status_code, 404)
            self.assertFalse(self._mails)

    def test_the_session_ends_with_its_time_a_new_sending_or_the_questions(self):
        self.page()
        self.assertIn(self.question, self.page(token=None).text)
        later = fields.Datetime.now() + timedelta(hours=13)
        with patch.object(fields.Datetime, "now", return_value=later):
            self.assertEqual(self.page(token=None).status_code, 404)
        self.interview.with_user(self.officer)._send_employee_link(
            "leaver@example.com", self.env["res.users"]
        )
        self.assertEqual(self.page(token=None).status_code, 404)

    def test_the_session_opens_no_other_interview(self):
        other, _other_token = self.create_invited_interview(
            employee_id=self.env["hr.employee"].create({"name": "Other Leaver"}).id
        )
        self.page()
        secret = self.opener.cookies.get(SESSION_COOKIE)
        self.assertTrue(secret)
        self.opener.cookies.set(
            SESSION_COOKIE, secret, path=f"/my/exit-interviews/{other.id}"
        )
        self.assertEqual(self.page(other, token=None).status_code, 404)
