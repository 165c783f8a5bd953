"""Keeping in touch (the guide: "als vrijwilliger of vaste bezoeker"): one choice,
which with the employee's consent becomes, from the last working day on, a tagged
contact that outlives the interview, seen by officers and the person who keeps in
touch only."""

from datetime import timedelta

from odoo import Command, fields
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
                    # The employee's last working day has come.
                    "last_working_day": fields.Date.today(),
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

    def test_a_stranger_contact_with_the_email_is_never_bound(self):
        # Anyone can type the employee's private email into a contact of theirs.
        stranger = self.env["res.partner"].create(
            {"name": "Dirk?", "email": "dirk.private@example.com"}
        )
        self.as_interviewer.write(
            {"keep_in_touch": "newsletter", "keep_in_touch_consent": True}
        )
        contact = self.interview.sudo().keep_in_touch_partner_id
        self.assertTrue(contact)
        self.assertNotEqual(contact, stranger)
        self.assertFalse(stranger.category_id)
        self.assertFalse(self.keep_in_touch_activities(stranger))

    def test_the_employee_s_own_contact_is_reused_never_duplicated(self):
        self.as_interviewer.write(
            {"keep_in_touch": "newsletter", "keep_in_touch_consent": True}
        )
        contact = self.interview.sudo().keep_in_touch_partner_id
        # Saved again, or another interview of the same person: the same contact.
        self.as_interviewer.write({"keep_in_touch_consent": True})
        second = self.create_interview(last_working_day=fields.Date.today())
        second.with_user(self.interviewer).write(
            {"keep_in_touch": "volunteer", "keep_in_touch_consent": True}
        )
        self.assertEqual(second.keep_in_touch_partner_id, contact)
        self.assertEqual(self.contacts(), contact)
        # One to-do for each interview's wish, none for saving again.
        self.assertEqual(len(self.keep_in_touch_activities(contact)), 2)

    def test_a_new_wish_replaces_the_to_do_on_the_same_contact(self):
        self.as_interviewer.write(
            {"keep_in_touch": "newsletter", "keep_in_touch_consent": True}
        )
        self.as_interviewer.keep_in_touch = "volunteer"
        contact = self.contacts()
        self.assertEqual(len(contact), 1)
        self.assertEqual(
            self.keep_in_touch_activities(contact).mapped("summary"),
            ["Keep in touch: As a Volunteer"],
        )

    def test_nothing_before_the_last_working_day(self):
        later = fields.Date.today() + timedelta(days=40)
        self.interview.write({"last_working_day": later})
        self.as_interviewer.write(
            {"keep_in_touch": "volunteer", "keep_in_touch_consent": True}
        )
        self.assertFalse(self.contacts())
        self.env["hr.exit.interview"]._cron_keep_in_touch()
        self.assertFalse(self.contacts())
        # The day comes: the daily job makes the contact.
        self.interview.write({"last_working_day": fields.Date.today()})
        self.assertTrue(self.contacts())
        self.interview.write({"last_working_day": later})
        self.assertFalse(self.contacts())
        self.env.cr.execute(
            "UPDATE hr_exit_interview SET last_working_day = %s WHERE id = %s",
            [fields.Date.today(), self.interview.id],
        )
        self.interview.invalidate_recordset()
        self.env["hr.exit.interview"]._cron_keep_in_touch()
        self.assertTrue(self.interview.sudo().keep_in_touch_partner_id)

    def test_withdrawal_and_cancellation_remove_what_was_added(self):
        for undo in (
            {"keep_in_touch_consent": False},
            {"keep_in_touch": "none"},
            {"state": "cancelled"},
        ):
            with self.subTest(undo=undo):
                interview = self.create_interview(last_working_day=fields.Date.today())
                interview.with_user(self.interviewer).write(
                    {"keep_in_touch": "volunteer", "keep_in_touch_consent": True}
                )
                contact = interview.keep_in_touch_partner_id
                self.assertTrue(self.keep_in_touch_activities(contact))
                if "state" in undo:
                    interview.with_user(self.officer).action_cancel()
                else:
                    interview.with_user(self.interviewer).write(undo)
                self.assertFalse(interview.keep_in_touch_partner_id)
                # The contact the addon made is gone, and its to-do with it.
                self.assertFalse(contact.exists())
                self.assertFalse(self.contacts())

    def test_removal_keeps_a_contact_the_organisation_uses(self):
        self.as_interviewer.write(
            {"keep_in_touch": "volunteer", "keep_in_touch_consent": True}
        )
        contact = self.contacts()
        # Since then the organisation gave the volunteer a portal account on it.
        self.env["res.users"].create(
            {
                "login": "dirk.volunteer",
                "partner_id": contact.id,
                "groups_id": [Command.set(self.env.ref("base.group_portal").ids)],
            }
        )
        self.as_interviewer.write({"keep_in_touch_consent": False})
        contact = contact.with_context(active_test=False)
        self.assertTrue(contact.exists())
        self.assertNotIn(self.env.ref(DEFAULT_TAG), contact.category_id)
        self.assertFalse(self.keep_in_touch_activities(contact))

    def test_only_officers_and_the_person_keeping_in_touch_see_the_contact(self):
        person = self.users["hr_user"]
        self.company.exit_interview_keep_in_touch_user_id = person
        self.as_interviewer.write(
            {"keep_in_touch": "volunteer", "keep_in_touch_consent": True}
        )
        contact = self.interview.sudo().keep_in_touch_partner_id
        domain = [("email_normalized", "=", "dirk.private@example.com")]
        Partner = self.env["res.partner"]
        for role, sees in (
            ("officer", True),
            ("hr_user", True),
            ("internal", False),
            ("interviewer", False),
            ("board", False),
        ):
            with self.subTest(role=role):
                user = self.users[role]
                found = Partner.with_user(user).search(domain)
                self.assertEqual(found, contact if sees else Partner)
                tagged_contacts = Partner.with_user(user).search(
                    [("category_id", "in", self.env.ref(DEFAULT_TAG).ids)]
                )
                self.assertEqual(contact in tagged_contacts, sees)

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
