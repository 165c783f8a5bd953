# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from .hr_exit_interview_mail import check_chatter_access, search_readable_chatter


class IrAttachment(models.Model):
    """The files of an exit interview: for those who read its chatter only (see
    hr.exit.interview's _filtered_chatter_access), whatever the path (ORM, search,
    /web/content, /web/image)."""

    _inherit = "ir.attachment"

    @api.model
    def check(self, mode, values=None):
        result = super().check(mode, values)
        if self.env.su:
            return result
        interview_ids = set(self._exit_interview_ids().values())
        if values and values.get("res_model") == "hr.exit.interview":
            interview_ids.add(values.get("res_id"))
        interviews = self.env["hr.exit.interview"].browse(filter(None, interview_ids))
        if interviews.exists() - interviews._filtered_chatter_access():
            raise AccessError(
                self.env._("Sorry, you are not allowed to access this document.")
            )
        return result

    def _check_access(self, operation):
        return check_chatter_access(self, super()._check_access(operation), operation)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset, limit, order)
        return search_readable_chatter(self, query)

    def _exit_interview_ids(self):
        """{attachment id: interview id} of the attachments of exit interviews."""
        if not self.ids:
            return {}
        self.flush_recordset(["res_model", "res_id"])
        return dict(
            self.env.execute_query(
                SQL(
                    "SELECT id, res_id FROM ir_attachment WHERE id = ANY(%s) "
                    "AND res_model = 'hr.exit.interview' AND res_id IS NOT NULL",
                    self.ids,
                )
            )
        )

    def _exit_interview_forbidden(self, _operation):
        links = self._exit_interview_ids()
        if not links:
            return self.browse()
        interviews = self.env["hr.exit.interview"].browse(set(links.values()))
        allowed = set(interviews._filtered_chatter_access().ids)
        return self.browse(
            aid for aid, res_id in links.items() if res_id not in allowed
        )
