# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tools import email_normalize
from odoo.tools.misc import clean_context

from odoo.addons.base.models.res_partner import _lang_get

from ..models.hr_exit_interview import OFFICER_GROUP


class HrExitInterviewExternal(models.TransientModel):
    """An officer names an interviewer from outside the organisation: a portal user,
    created or reused in the same step and invited by Odoo's own portal mail."""

    _name = "hr.exit.interview.external"
    _description = "Name an External Interviewer"
    _inherit = "hr.exit.interview.wizard.mixin"

    # Required in the form, not in the table: a window opened and left is no error.
    name = fields.Char()
    email = fields.Char()
    lang = fields.Selection(_lang_get, string="Language")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "lang" in fields_list and not values.get("lang"):
            # The leaver's language, read in superuser mode: only for who may
            # change the interview, as create() checks.
            interview = (
                self.env["hr.exit.interview"]
                .browse(values.get("interview_id"))
                .exists()
                ._filtered_access("write")
            )
            values["lang"] = (interview and interview._leaver_lang()) or self.env.lang
        return values

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.user.has_group(OFFICER_GROUP):
            raise AccessError(
                self.env._("Only exit interview officers name an external interviewer.")
            )
        return super().create(vals_list)

    def action_confirm(self):
        """Create or reuse the portal user, invite them and name them."""
        self.ensure_one()
        if not self.env.user.has_group(OFFICER_GROUP):
            raise AccessError(
                self.env._("Only exit interview officers name an external interviewer.")
            )
        interview = self.interview_id
        interview.check_access("write")
        if interview.state not in ("draft", "invited", "prepared", "held"):
            raise UserError(
                self.env._(
                    "The report of this exit interview was shared with the board or "
                    "the interview ended: its interviewer no longer changes."
                )
            )
        if not (self.name and self.email and self.lang):
            raise UserError(
                self.env._(
                    "Fill in the external interviewer's name, email and language."
                )
            )
        email = email_normalize(self.email or "")
        if not email:
            raise UserError(
                self.env._(
                    "%(email)s is not a valid email address: correct it.",
                    email=self.email or "",
                )
            )
        if email in interview._external_kept_out_emails():
            raise UserError(
                self.env._(
                    "%(email)s belongs to the departing employee, their manager or "
                    "coach, or someone the interview is kept from: the employee "
                    "must be able to speak freely. Choose another interviewer.",
                    email=email,
                )
            )
        user, created = self._external_user(email)
        # Checked before anyone is invited: a refused user gets no mail.
        interview._check_external_user(user)
        interview._external_name(user, self.name, email, self.lang)
        self._external_invite(user, created)
        return {"type": "ir.actions.act_window_close"}

    def _external_user(self, email):
        """The portal user of this address, reused only when it is provably theirs
        (one portal user whose login and contact are this address), else a new
        one; (user, created)."""
        users = (
            self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    "|",
                    ("login", "=ilike", email),
                    ("partner_id.email_normalized", "=", email),
                ]
            )
        )
        if len(users) > 1:
            raise UserError(
                self.env._(
                    "Several users have the address %(email)s: Odoo cannot tell who "
                    "the external interviewer is. Ask your administrator to sort "
                    "them out, or use another address.",
                    email=email,
                )
            )
        if users:
            if not users._is_portal() or users.has_group("base.group_user"):
                raise UserError(
                    self.env._(
                        "%(email)s is the address of an internal user: an external "
                        "interviewer is a portal user. Choose them as the "
                        "interviewer instead.",
                        email=email,
                    )
                )
            if (
                email_normalize(users.login) != email
                or users.partner_id.email_normalized != email
                or not users.active
            ):
                raise UserError(
                    self.env._(
                        "The portal user of %(email)s is archived or uses another "
                        "address for its login: Odoo cannot tell it is the same "
                        "person. Ask your administrator to check it.",
                        email=email,
                    )
                )
            return users, False
        # A new contact: an existing one with this address may be a stranger's.
        partner = (
            self.env["res.partner"]
            .sudo()
            .create({"name": self.name, "email": email, "lang": self.lang})
        )
        portal = self._external_portal_wizard(partner)
        portal.user_ids.with_company(self.interview_id.company_id).action_grant_access()
        return partner.user_ids[:1], True

    def _external_invite(self, user, created):
        """Odoo's own portal invitation: a new user chooses a password; a reused one
        is told of the invitation with a link to sign in."""
        if created:
            return
        portal = self._external_portal_wizard(user.partner_id)
        portal.user_ids.action_invite_again()

    def _external_portal_wizard(self, partner):
        """Odoo's portal access wizard on this contact, without the interview's
        window context (its active ids are interviews, not contacts)."""
        return (
            self.env["portal.wizard"]
            .sudo()
            .with_context(clean_context(self.env.context), active_ids=[])
            .create({"partner_ids": [Command.set(partner.ids)]})
        )
