# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _make_access_error(self, operation, records):
        # In developer mode (Technical Features), Odoo's refusal names each record
        # refused, by its name read in superuser mode ("Exit interview of ..."),
        # and the rules that refused it ("never ... whom it is kept from"): a user
        # trying numbers would learn who leaves and whose manager they are. The
        # addon's records are refused as to everyone else, without either; so are
        # the contacts of former employees kept in touch with (res_partner.py).
        if records._original_module == "hr_exit_interview" or (
            records._name == "res.partner"
            and any(records.sudo().mapped("exit_interview_keep_in_touch"))
        ):
            records = records.browse()
        return super()._make_access_error(operation, records)
