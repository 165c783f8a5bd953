"""The address the link goes to cannot be planted: the sending window refuses an
address or a user of anyone but the employee, and says who changed the address."""

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import new_test_user

from .common import SendingCase


@tagged("post_install", "-at_install")
class TestTheLinkGoesToTheEmployeeOnly(SendingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager_user.email = "mia@example.com"
        cls.interview = cls.create_interview()

    def open_window(self):
        return (
            self.env["hr.exit.interview.send"]
            .with_user(self.officer)
            .create({"interview_id": self.interview.id})
        )

    def sendings(self):
        return self.env["hr.exit.interview.link.sending"].search(
            [("interview_id", "=", self.interview.id)]
        )

    def test_an_address_planted_by_the_manager_is_refused_and_shown(self):
        # Odoo tracks no record in the transaction that created it: this one is
        # older, as real employees are.
        self.env.cr.precommit.clear()
        # The employee's manager, an HR user, writes their own address in.
        self.employee.with_user(self.manager_user).with_context(
            tracking_disable=False
        ).private_email = "mia@example.com"
        # Odoo writes tracking values at commit time.
        self.env.cr.precommit.run()
        wizard = self.open_window()
        self.assertEqual(wizard.email, "mia@example.com")
        self.assertTrue(wizard.address_changed_by_other)
        self.assertIn(f"by {self.manager_user.name}", wizard.address_changed)
        with self.assertRaisesRegex(UserError, "belongs to a user of Odoo"):
            wizard.action_send()
        self.assertFalse(self.sendings())
        self.assertEqual(self.interview.state, "draft")

    def test_no_other_internal_user_gets_the_link(self):
        self.officer.email = "officer@example.com"
        self.interviewer.login = "interviewer@example.com"
        for address in (
            "officer@example.com",
            "interviewer@example.com",
            "MIA@example.com",
        ):
            with self.subTest(address=address):
                wizard = self.open_window()
                wizard.email = address
                with self.assertRaisesRegex(UserError, "belongs to a user of Odoo"):
                    wizard.action_send()
        self.assertFalse(self.sendings())

    def test_an_internal_user_made_the_employees_contact_is_refused(self):
        self.employee.work_contact_id = self.manager_user.partner_id
        self.employee.private_email = "dirk@example.com"
        wizard = self.open_window()
        self.assertEqual(wizard.user_id, self.manager_user)
        with self.assertRaisesRegex(UserError, "belongs to a user of Odoo"):
            wizard.action_send()
        self.assertFalse(self.sendings())

    def test_the_employees_own_address_goes_out(self):
        wizard = self.open_window()
        self.assertEqual(wizard.address_changed, "Unknown")
        self.assertFalse(wizard.address_changed_by_other)
        self.send_with_wizard(self.interview)
        self.assertEqual(self.sendings().email, "dirk@example.com")

    def test_the_employees_own_portal_user_is_theirs(self):
        portal = new_test_user(
            self.env, login="dirk_own_portal", groups="base.group_portal"
        )
        self.employee.work_contact_id = portal.partner_id
        self.send_with_wizard(self.interview)
        self.assertEqual(self.sendings().user_id, portal)
