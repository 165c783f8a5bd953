# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

ADDON = "odoo.addons.hr_exit_interview."
MAIN = f"{ADDON}models.hr_exit_interview"


@tagged("post_install", "-at_install")
class TestInterviewLifeInOneFile(TransactionCase):
    """The interview's life (its one create, one write and every button) stays in
    models/hr_exit_interview.py; the model's other files add fields and helpers."""

    def addon_classes(self):
        """This addon's classes of hr.exit.interview, as the registry chains them."""
        return [
            cls
            for cls in type(self.env["hr.exit.interview"]).__mro__
            if cls.__module__.startswith(ADDON)
        ]

    def defined_in(self, name):
        return [cls.__module__ for cls in self.addon_classes() if name in vars(cls)]

    def test_one_create_and_one_write_in_the_main_file(self):
        self.assertIn(MAIN, [cls.__module__ for cls in self.addon_classes()])
        for name in ("create", "write"):
            with self.subTest(method=name):
                self.assertEqual(self.defined_in(name), [MAIN])

    def test_every_button_in_the_main_file(self):
        actions = {
            name
            for cls in self.addon_classes()
            for name in vars(cls)
            if name.startswith("action_")
        }
        self.assertIn("action_cancel", actions)
        for name in sorted(actions):
            with self.subTest(action=name):
                self.assertEqual(self.defined_in(name), [MAIN])
