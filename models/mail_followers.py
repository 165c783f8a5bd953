# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .hr_exit_interview_mail import check_chatter_access, search_readable_chatter


class MailFollowers(models.Model):
    """The followers of an exit interview, for those who read its chatter only: Odoo
    lets every internal user list followers, and who follows an interview tells who
    handles whose departure."""

    _inherit = "mail.followers"

    def _check_access(self, operation):
        return check_chatter_access(self, super()._check_access(operation), operation)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset, limit, order)
        return search_readable_chatter(self, query)

    def _exit_interview_forbidden(self, _operation):
        followers = self.sudo().filtered(lambda f: f.res_model == "hr.exit.interview")
        if not followers:
            return self.browse()
        interviews = self.env["hr.exit.interview"].browse(followers.mapped("res_id"))
        allowed = set(interviews._filtered_chatter_access().ids)
        return self.browse(f.id for f in followers if f.res_id not in allowed)
