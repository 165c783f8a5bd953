# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .hr_exit_interview import OFFICER_GROUP


class ResPartner(models.Model):
    """A contact kept in touch with after an exit holds the former employee's
    private address: its record rules show it to officers and to the person who
    keeps in touch only, as Odoo once kept private addresses."""

    _inherit = "res.partner"

    exit_interview_keep_in_touch = fields.Boolean(
        string="Former Employee Kept in Touch With",
        readonly=True,
        copy=False,
        groups=OFFICER_GROUP,
    )
    exit_interview_keep_in_touch_user_id = fields.Many2one(
        "res.users",
        string="Keeps in Touch",
        readonly=True,
        copy=False,
        groups=OFFICER_GROUP,
    )
