# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import SQL

from .hr_exit_interview_mail import add_forbidden


class MailFollowers(models.Model):
    """The followers of an exit interview, for those who read its chatter only: Odoo
    lets every internal user list followers, and who follows an interview tells who
    handles whose departure."""

    _inherit = "mail.followers"

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if self.env.su or not self:
            return result
        allowed = self - result[0] if result else self
        return add_forbidden(result, allowed._exit_interview_forbidden(), operation)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset, limit, order)
        if self.env.su:
            return query
        # Filtered in SQL, so that limits and counts stay right.
        readable = self.env["hr.exit.interview"]._chatter_readable_query()
        query.add_where(
            SQL(
                "(%s IS DISTINCT FROM 'hr.exit.interview' OR %s IN %s)",
                SQL.identifier(self._table, "res_model"),
                SQL.identifier(self._table, "res_id"),
                readable.subselect(),
            )
        )
        return query

    def _exit_interview_forbidden(self):
        followers = self.sudo().filtered(lambda f: f.res_model == "hr.exit.interview")
        if not followers:
            return self.browse()
        interviews = self.env["hr.exit.interview"].browse(followers.mapped("res_id"))
        allowed = set(interviews._filtered_chatter_access().ids)
        return self.browse(f.id for f in followers if f.res_id not in allowed)
