# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrExitInterviewAccess(models.TransientModel):
    """The employee's access request (GDPR art. 15): one PDF, and a JSON file
    beside it, of everything the addon holds on them, mailed to the address of the
    latest sending or downloaded by the officer."""

    _name = "hr.exit.interview.access"
    _description = "Copy of an Employee's Exit Interview Data"
    _inherit = "hr.exit.interview.wizard.mixin"

    request_date = fields.Date(
        string="Request Received On", default=fields.Date.context_today, required=True
    )
    delivery = fields.Selection(
        [("mail", "Mail It to the Employee"), ("download", "Download It")],
        required=True,
        default="mail",
    )
    email = fields.Char(
        string="Sent To",
        compute="_compute_email",
        help="The address the questions were last sent to.",
    )
    include_notes = fields.Boolean(
        string="Interviewer's Notes Included",
        compute="_compute_email",
        help="The company's setting: Settings > Exit Interviews.",
    )

    @api.depends("interview_id")
    def _compute_email(self):
        for wizard in self:
            # The address is read in superuser mode: only for who may change the
            # interview, as create() checks; an onchange reaches here without it.
            interview = wizard.interview_id._filtered_access("write")
            wizard.email = interview and interview._latest_sending().email
            wizard.include_notes = (
                interview.company_id.exit_interview_access_include_notes
            )

    def action_confirm(self):
        """Produce the copy, record the request, and mail or download it."""
        self.ensure_one()
        interview = self.interview_id
        interview._check_governance_officer()
        today = fields.Date.context_today(self)
        request = self.env["hr.exit.interview.request"].create(
            {
                "interview_id": interview.id,
                "kind": "access",
                "request_date": min(self.request_date, today),
                "outcome": "granted",
                "outcome_date": today,
            }
        )
        files = interview._produce_access_request(request, mail=self.delivery == "mail")
        if self.delivery == "mail":
            return {"type": "ir.actions.act_window_close"}
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{files[:1].id}?download=true",
            "target": "download",
        }
