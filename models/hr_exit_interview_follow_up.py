# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tools import email_normalize

from .hr_exit_interview import INTERVIEWER_GROUP, OFFICER_GROUP

# The employee's private address, as Odoo 18 keeps it on the employee (there is no
# private contact any more): employee field -> contact field.
PRIVATE_ADDRESS_FIELDS = {
    "private_email": "email",
    "private_phone": "phone",
    "private_street": "street",
    "private_street2": "street2",
    "private_zip": "zip",
    "private_city": "city",
    "private_state_id": "state_id",
    "private_country_id": "country_id",
}


class HrExitInterview(models.Model):
    """The guide's follow-up after the talk: keeping in touch with the employee as a
    contact of the organisation, and the advice for the successor handed over to the
    job position; both outlive the interview's anonymisation."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

    keep_in_touch_partner_id = fields.Many2one(
        "res.partner",
        string="Contact for Keeping in Touch",
        readonly=True,
        copy=False,
        groups=INTERVIEWER_GROUP,
    )

    # Asked on the portal (see PORTAL_FIELDS): written by Odoo only.
    successor_advice_consent = fields.Boolean(
        string="Employee Agrees to Pass On the Advice",
        readonly=True,
        copy=False,
        help="The employee's own choice on the portal: the advice for the successor, "
        "alone and without their name, may be handed over to the job position.",
    )
    successor_advice_id = fields.Many2one(
        "hr.job.advice",
        string="Advice Handed Over",
        readonly=True,
        copy=False,
        groups=OFFICER_GROUP,
    )

    # === BUSINESS METHODS === #

    def _keep_in_touch_link_contact(self, wish_changed=None):
        """With the employee's consent to a way of keeping in touch: the contact made
        from their private email and address (or the one already there with that
        email), tagged with the company's category, and a to-do for the person who
        keeps in touch. Again for a new wish, on the same contact."""
        wish_changed = wish_changed if wish_changed is not None else self
        for interview in self.sudo():
            if (
                interview.keep_in_touch in (False, "none")
                or not interview.keep_in_touch_consent
                or interview.anonymised_on
            ):
                continue
            if interview.keep_in_touch_partner_id and interview not in wish_changed:
                continue
            company = interview.company_id
            contact = (
                interview.keep_in_touch_partner_id
                or interview._keep_in_touch_find_contact()
                or interview._keep_in_touch_create_contact()
            )
            category = company._exit_interview_keep_in_touch_category()
            contact.category_id = [Command.link(category.id)]
            interview.keep_in_touch_partner_id = contact
            wishes = dict(
                self._fields["keep_in_touch"]._description_selection(self.env)
            )
            contact.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=(
                    company.exit_interview_keep_in_touch_user_id or interview.create_uid
                ).id,
                summary=self.env._(
                    "Keep in touch: %(wish)s", wish=wishes[interview.keep_in_touch]
                ),
            )

    def _keep_in_touch_find_contact(self):
        """A contact of the company (or shared) with the employee's private email."""
        email = email_normalize(self.employee_id.private_email or "")
        if not email:
            return self.env["res.partner"]
        return self.env["res.partner"].search(
            [
                ("email_normalized", "=", email),
                ("company_id", "in", (False, self.company_id.id)),
            ],
            order="id",
            limit=1,
        )

    def _keep_in_touch_create_contact(self):
        employee = self.employee_id
        values = {
            contact_field: employee[employee_field].id
            if employee._fields[employee_field].type == "many2one"
            else employee[employee_field]
            for employee_field, contact_field in PRIVATE_ADDRESS_FIELDS.items()
            if employee[employee_field]
        }
        if not {"email", "street", "city"} & values.keys():
            raise UserError(
                self.env._(
                    "%(employee)s agreed to keep in touch, but Odoo knows no private "
                    "email or address of theirs: add them on the employee's Private "
                    "Information tab first.",
                    employee=employee.name,
                )
            )
        return self.env["res.partner"].create(
            dict(values, name=employee.name, company_id=self.company_id.id)
        )
