# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrDepartureReason(models.Model):
    _inherit = "hr.departure.reason"

    departure_kind = fields.Selection(
        [("voluntary", "Voluntary"), ("involuntary", "Involuntary")],
        default="voluntary",
        help="Whether the employee chose to leave: the board's analysis groups by it.",
    )
    plan_exit_interview = fields.Boolean(
        help="When a departure with this reason is registered, planning an exit "
        "interview is proposed by default.",
    )
