# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize, format_datetime

# An address changed less than this many days ago by someone else is to be checked.
ADDRESS_RECENTLY_DAYS = 30


class HrExitInterviewSend(models.TransientModel):
    """Send the employee the questions and their personal link. The officer sees, and
    may correct, the address the link goes to; the link itself is shown to no one."""

    _name = "hr.exit.interview.send"
    _description = "Send the Exit Interview Questions"
    _inherit = "hr.exit.interview.wizard.mixin"

    # Computed with the user's rights, after the interview's check (see
    # _compute_email): the window shows nothing of an interview they may not change.
    employee_id = fields.Many2one(
        related="interview_id.employee_id", compute_sudo=False
    )
    is_resend = fields.Boolean(compute="_compute_is_resend")
    planned_start = fields.Datetime(
        string="Meeting", related="interview_id.planned_start", compute_sudo=False
    )
    email = fields.Char(
        string="Send To",
        compute="_compute_email",
        compute_sudo=False,
        store=True,
        readonly=False,
        help="The personal link goes to this address only. The employee's private "
        "email, else the work email.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Opens It Logged In",
        compute="_compute_user_id",
        compute_sudo=False,
        store=True,
        help="The employee's own user: logged in, it reaches the interview without "
        "the link. Check that it is the employee's.",
    )

    address_changed = fields.Char(
        string="Address Last Changed",
        compute="_compute_address_changed",
        help="Who last changed the employee's private email, and when.",
    )
    address_changed_by_other = fields.Boolean(compute="_compute_address_changed")

    @api.depends("interview_id")
    def _compute_address_changed(self):
        """Who last changed the employee's private email: an address written in
        lately by someone else than the employee is to be checked before the link
        goes out. Odoo tracks it since the addon was installed."""
        self.interview_id.check_access("write")
        field = self.env["ir.model.fields"]._get("hr.employee", "private_email")
        recently = fields.Datetime.now() - timedelta(days=ADDRESS_RECENTLY_DAYS)
        for wizard in self:
            employee = wizard.interview_id.employee_id.sudo()
            change = (
                self.env["mail.tracking.value"]
                .sudo()
                .search(
                    [
                        ("field_id", "=", field.id),
                        ("mail_message_id.model", "=", "hr.employee"),
                        ("mail_message_id.res_id", "=", employee.id),
                    ],
                    order="id desc",
                    limit=1,
                )
            )
            message = change.mail_message_id
            if not change:
                wizard.address_changed = self.env._("Unknown")
                wizard.address_changed_by_other = False
                continue
            wizard.address_changed = self.env._(
                "%(date)s by %(author)s",
                date=format_datetime(self.env, message.date, dt_format="medium"),
                author=message.author_id.name or self.env._("Odoo"),
            )
            wizard.address_changed_by_other = (
                message.date >= recently
                and message.author_id not in employee.user_id.partner_id
            )

    @api.depends("interview_id")
    def _compute_is_resend(self):
        for wizard in self:
            wizard.is_resend = wizard.interview_id.state == "invited"

    @api.depends("interview_id")
    def _compute_email(self):
        self.interview_id.check_access("write")
        for wizard in self:
            wizard.email = wizard.interview_id._leaver_email()

    @api.depends("interview_id")
    def _compute_user_id(self):
        self.interview_id.check_access("write")
        for wizard in self:
            wizard.user_id = wizard.interview_id._leaver_user()

    def action_send(self):
        """Mail the questions with a new personal link; an earlier link stops working,
        the answers already saved stay."""
        self.ensure_one()
        interview = self.interview_id
        interview._check_officer()
        interview.check_access("write")
        if interview.state != "invited":
            interview._check_transition("invited")
        interview._check_can_invite()
        email = email_normalize(self.email or "")
        if not email:
            raise UserError(
                self.env._(
                    "%(address)s is not an email address: correct it, or hand the "
                    "questions over on paper and mark them as sent.",
                    address=self.email or "",
                )
            )
        if self.user_id != interview._leaver_user():
            # What the officer saw is what is recorded, or nothing is sent.
            raise UserError(
                self.env._(
                    "The employee's user changed while this window was open: close "
                    "it, check the employee, and send again."
                )
            )
        interview._check_link_recipient(email, self.user_id)
        interview._send_employee_link(email, self.user_id)
        return {"type": "ir.actions.act_window_close"}
