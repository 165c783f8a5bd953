# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError

from ..models.hr_exit_interview import OFFICER_GROUP


class ReportExitInterviewAccess(models.AbstractModel):
    """The copy of the employee's data (GDPR art. 15): for officers only, whatever
    the path that renders it (/report/ ignores the action's groups)."""

    _name = "report.hr_exit_interview.report_exit_interview_access"
    _description = "Copy of an Employee's Exit Interview Data"

    @api.model
    def _get_report_values(self, docids, data=None):
        if not self.env.user.has_group(OFFICER_GROUP):
            raise AccessError(
                self.env._(
                    "Only exit interview officers produce the copy of an employee's "
                    "data."
                )
            )
        docs = self.env["hr.exit.interview"].browse(docids)
        docs.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "hr.exit.interview",
            "docs": docs,
            "personal_data": {doc.id: doc._access_request_data() for doc in docs},
        }
