# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class HrExitInterviewLinkSending(models.Model):
    """Each sending of the employee's personal link: to which address, for which user,
    when and by whom. Append-only: the portal trusts the latest sending only, so no
    one may rewrite one; officers read it. Only anonymisation deletes them."""

    _name = "hr.exit.interview.link.sending"
    _description = "Exit Interview Link Sending"
    _order = "sent_on desc, id desc"

    interview_id = fields.Many2one(
        "hr.exit.interview", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="interview_id.company_id", store=True)
    kind = fields.Selection(
        [("invitation", "Invitation"), ("reminder", "Reminder")], required=True
    )
    employee_id = fields.Many2one(
        "hr.employee",
        help="The departing employee the link was sent for: a change of employee on "
        "the interview hands nothing to the user named here.",
    )
    email = fields.Char(string="Sent To", required=True)
    user_id = fields.Many2one(
        "res.users",
        string="Opens It Logged In",
        help="The employee's own user when the link was sent: logged in, this user "
        "reaches the interview without the link.",
    )
    sent_by_id = fields.Many2one("res.users", required=True)
    sent_on = fields.Datetime(required=True)

    @api.model_create_multi
    def create(self, vals_list):
        # Only the interview's sending code writes the log, in superuser mode, once
        # it checked the officer.
        if not self.env.su:
            raise AccessError(self.env._("The sendings of a link cannot be edited."))
        return super().create(vals_list)

    def write(self, vals):
        if vals:
            raise AccessError(self.env._("The sendings of a link cannot be edited."))
        return super().write(vals)
