"""Record rules on every model of the addon, found in the registry: a model added
later is covered without editing these tests."""

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger

from ..models.hr_exit_interview import OFFICER_GROUP
from .common import ACCESS_LOGGERS, ExitInterviewCase


@tagged("post_install", "-at_install")
class TestEveryModelHasRules(ExitInterviewCase):
    @classmethod
    def addon_models(cls):
        """The models this addon defines (not those it extends), wizards included."""
        return sorted(
            name
            for name in cls.env.registry
            if type(cls.env[name])._original_module == "hr_exit_interview"
            and not cls.env[name]._abstract
        )

    def test_every_model_of_the_addon_has_a_record_rule(self):
        models = self.addon_models()
        self.assertIn("hr.exit.interview.send", models)
        without = [
            name
            for name in models
            if not self.env["ir.rule"].search_count([("model_id.model", "=", name)])
        ]
        self.assertEqual(without, [])

    def test_a_wizard_serves_the_user_who_opened_it_only(self):
        """Another officer, an officer kept out or another interviewer, with the
        same access rights on the wizard, finds none of its values."""
        second_officer = new_test_user(
            self.env,
            login="exit_second_officer",
            groups=f"base.group_user,{OFFICER_GROUP}",
        )
        interview = self.create_interview()
        wizards = [name for name in self.addon_models() if self.env[name]._transient]
        self.assertTrue(wizards)
        for name in wizards:
            with self.subTest(wizard=name):
                model = self.env[name]
                values = {}
                for field_name, field in model._fields.items():
                    if (
                        field.type == "many2one"
                        and field.comodel_name == interview._name
                    ):
                        values[field_name] = interview.id
                # The officer opened it; superuser mode only spares each wizard's own
                # opening checks, which their own tests try.
                wizard = model.with_user(self.officer).sudo().create(values)
                self.assertEqual(wizard.create_uid, self.officer)
                for reader in (second_officer, self.other_interviewer, self.board):
                    if not model.with_user(reader).has_access("read"):
                        continue
                    readable = model.with_user(reader).search_read([], ["id"])
                    self.assertNotIn(
                        wizard.id, [row["id"] for row in readable], reader.login
                    )
                found = model.with_user(self.officer).search([("id", "=", wizard.id)])
                self.assertEqual(found, wizard)

    @mute_logger(*ACCESS_LOGGERS)
    def test_the_wizards_show_nothing_of_an_interview_one_may_not_change(self):
        self.manager_user.groups_id |= self.env.ref(OFFICER_GROUP)
        draft = self.create_interview()
        with self.assertRaises(AccessError):
            self.env["hr.exit.interview.send"].with_user(self.manager_user).create(
                {"interview_id": draft.id}
            )
        others = self.create_interview(interviewer_id=self.other_interviewer.id)
        with self.assertRaises(AccessError):
            self.env["hr.exit.interview.held"].with_user(self.interviewer).create(
                {"interview_id": others.id}
            )
