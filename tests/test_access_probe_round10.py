"""A hostile probe through Odoo's generic paths, tried on every model of the addon
as each other role: each test is a way in that must stay closed."""

from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import new_test_user

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from .common import OFFICER_GROUP, PortalCase


@tagged("post_install", "-at_install")
class TestProbeRound10(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.short = cls.create_template(("Why leave?", "text"))
        cls.interview, cls.token = cls.create_invited_interview(
            template_id=cls.short.id,
            planned_start=datetime(2031, 6, 23, 10, 0),
        )

    def test_the_uninstall_flag_of_a_call_deletes_nothing_unlogged(self):
        """Odoo's uninstall flag is a context key that any RPC call may send: it
        skipped the legal hold and the line of the erasure log of a deletion, and
        the questions' own check. It counts while the addon is uninstalled only."""
        log = self.env["hr.exit.interview.erasure.log"].sudo()
        self.env["hr.exit.interview.hold"].with_user(self.officer).create(
            {"interview_id": self.interview.id, "reason": "A labour court case"}
        ).action_confirm()
        forged = {MODULE_UNINSTALL_FLAG: True}
        with self.assertRaises(UserError):
            self.interview.with_user(self.officer).with_context(**forged).unlink()
        self.assertTrue(self.interview.exists())
        # The questions of an interview sent to the employee stay too.
        with self.assertRaises(UserError):
            self.interview.line_ids.with_user(self.officer).with_context(
                **forged
            ).unlink()
        self.assertTrue(self.interview.line_ids.exists())
        # Without a hold, the deletion is logged as any other.
        other = self.create_interview(template_id=self.short.id)
        number = other.id
        other.with_user(self.officer).with_context(**forged).unlink()
        self.assertFalse(other.exists())
        self.assertTrue(
            log.search([("interview_ref", "=", number), ("event", "=", "deleted")])
        )
        # While Odoo uninstalls the addon (which an administrator starts), the flag
        # is Odoo's own: the log goes with the addon, and so do held interviews.
        self.env["ir.module.module"].sudo().search(
            [("name", "=", "hr_exit_interview")]
        ).state = "to remove"
        number = self.interview.id
        self.interview.sudo().with_context(**forged).unlink()
        self.assertFalse(self.interview.exists())
        self.assertFalse(
            log.search([("interview_ref", "=", number), ("event", "=", "deleted")])
        )

    def test_a_copy_is_kept_from_whom_its_original_is_kept_from(self):
        """Whom an interview is kept from grows with each new manager or coach; a
        copy took today's only, and opened the exit to a former manager, an
        officer here, who reads the copy's employee and reason."""
        former = new_test_user(
            self.env,
            login="exit_probe_former_boss",
            groups=f"base.group_user,{OFFICER_GROUP}",
        )
        self.employee.parent_id = self.env["hr.employee"].create(
            {"name": "Former Boss", "user_id": former.id}
        )
        self.employee.parent_id = self.manager
        self.assertIn(former, self.interview.kept_out_user_ids)
        copy = self.interview.with_user(self.officer).copy()
        self.assertEqual(copy.kept_out_user_ids, self.interview.kept_out_user_ids)
        Interview = self.env["hr.exit.interview"].with_user(former)
        self.assertFalse(Interview.search([("employee_id", "=", self.employee.id)]))
