"""Keeping in touch (the guide: "als vrijwilliger of vaste bezoeker"): one choice,
which with the employee's consent becomes a tagged contact that outlives the
interview."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ExitInterviewCase

DEFAULT_TAG = "hr_exit_interview.res_partner_category_keep_in_touch"


@tagged("post_install", "-at_install")
class TestKeepInTouch(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee.write(
            {
                "private_email": "Dirk.Private@Example.com",
                "private_street": "Kerkstraat 1",
                "private_zip": "9000",
                "private_city": "Gent",
                "private_country_id": cls.env.ref("base.be").id,
            }
        )
        cls.interview = (
            cls.env["hr.exit.interview"]
            .with_user(cls.officer)
            .create(
                {
                    "employee_id": cls.employee.id,
                    "interviewer_id": cls.interviewer.id,
                    "template_id": cls.template.id,
                }
            )
        )
        cls.as_interviewer = cls.interview.with_user(cls.interviewer)

    def contacts(self):
        return self.env["res.partner"].search(
            [("email_normalized", "=", "dirk.private@example.com")]
        )

    def keep_in_touch_activities(self, contact):
        return contact.activity_ids.filtered(
            lambda a: a.summary and a.summary.startswith("Keep in touch")
        )

    def test_the_wish_with_consent_makes_a_tagged_contact(self):
        self.as_interviewer.write(
            {"keep_in_touch": "volunteer", "keep_in_touch_consent": True}
        )
        contact = self.interview.sudo().keep_in_touch_partner_id
        self.assertEqual(contact, self.contacts())
        self.assertEqual(contact.name, "Dirk Departing")
        self.assertEqual(
            (contact.street, contact.zip, contact.city, contact.country_id.code),
            ("Kerkstraat 1", "9000", "Gent", "BE"),
        )
        self.assertIn(self.env.ref(DEFAULT_TAG), contact.category_id)
        activity = self.keep_in_touch_activities(contact)
        self.assertEqual(activity.summary, "Keep in touch: As a Volunteer")
        # Nobody is configured: the officer who created the interview.
        self.assertEqual(activity.user_id, self.officer)
        self.assertEqual(
            self.interview.sudo()._keep_in_touch_display(), "As a Volunteer"
        )

    def test_the_configured_tag_and_person(self):
        tag = self.env["res.partner.category"].create({"name": "Friends"})
        person = self.users["hr_user"]
        self.company.write(
            {
                "exit_interview_keep_in_touch_category_id": tag.id,
                "exit_interview_keep_in_touch_user_id": person.id,
            }
        )
        self.as_interviewer.write(
            {"keep_in_touch": "visitor", "keep_in_touch_consent": True}
        )
        contact = self.contacts()
        self.assertEqual(contact.category_id, tag)
        activity = self.keep_in_touch_activities(contact)
        self.assertEqual(activity.user_id, person)
        self.assertEqual(activity.summary, "Keep in touch: As a Regular Visitor")

    def test_no_contact_without_consent_or_without_a_wish(self):
        self.as_interviewer.keep_in_touch = "newsletter"
        self.as_interviewer.write({"keep_in_touch": "none"})
        self.as_interviewer.keep_in_touch_consent = True
        self.assertFalse(self.contacts())
        self.assertFalse(self.interview.sudo().keep_in_touch_partner_id)

    def test_a_contact_with_the_email_is_reused_never_duplicated(self):
        existing = self.env["res.partner"].create(
            {"name": "Dirk (volunteer list)", "email": "dirk.private@example.com"}
        )
        self.as_interviewer.write(
            {"keep_in_touch": "newsletter", "keep_in_touch_consent": True}
        )
        self.assertEqual(self.interview.sudo().keep_in_touch_partner_id, existing)
        # Saved again, or another interview of the same person: the same contact.
        self.as_interviewer.write({"keep_in_touch_consent": True})
        second = self.create_interview()
        second.with_user(self.interviewer).write(
            {"keep_in_touch": "volunteer", "keep_in_touch_consent": True}
        )
        self.assertEqual(second.keep_in_touch_partner_id, existing)
        self.assertEqual(self.contacts(), existing)
        self.assertEqual(existing.name, "Dirk (volunteer list)")
        # One to-do for each wish recorded, none for saving again.
        self.assertEqual(len(self.keep_in_touch_activities(existing)), 2)

    def test_a_new_wish_plans_a_new_to_do_on_the_same_contact(self):
        self.as_interviewer.write(
            {"keep_in_touch": "newsletter", "keep_in_touch_consent": True}
        )
        self.as_interviewer.keep_in_touch = "volunteer"
        contact = self.contacts()
        self.assertEqual(len(contact), 1)
        self.assertEqual(
            sorted(self.keep_in_touch_activities(contact).mapped("summary")),
            ["Keep in touch: As a Volunteer", "Keep in touch: Through the Newsletter"],
        )

    def test_without_private_email_or_address_the_interviewer_is_told(self):
        self.employee.write(
            {"private_email": False, "private_street": False, "private_city": False}
        )
        with self.assertRaisesRegex(UserError, "Private Information"):
            self.as_interviewer.write(
                {"keep_in_touch": "volunteer", "keep_in_touch_consent": True}
            )

    def test_only_the_tagged_contact_survives_anonymisation(self):
        self.as_interviewer.write(
            {"keep_in_touch": "volunteer", "keep_in_touch_consent": True}
        )
        contact = self.contacts()
        self.interview.sudo()._anonymise()
        interview = self.interview.sudo()
        self.assertFalse(interview.keep_in_touch)
        self.assertFalse(interview.keep_in_touch_consent)
        self.assertFalse(interview.keep_in_touch_partner_id)
        self.assertTrue(contact.exists().active)
        self.assertIn(self.env.ref(DEFAULT_TAG), contact.category_id)
        self.assertEqual(contact.email, "Dirk.Private@Example.com")
