# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import http
from odoo.http import request

from odoo.addons.web.controllers.report import ReportController

# Rendering these reports logs who read them, which needs a read/write transaction.
LOGGED_REPORTS = {
    "hr_exit_interview.report_exit_interview",
    "hr_exit_interview.report_exit_interview_summary",
}
# /report/<converter>/<reportname>[/<docids>], after a language prefix if any.
REPORT_NAME = re.compile(r"/report/[^/]+/([^/]+)")


def _readonly_unless_logged_report(controller):
    """Odoo serves /report/... in a read-only transaction; the board reports are
    logged when rendered, so they get a read/write one from the start."""
    found = REPORT_NAME.search(request.httprequest.path)
    return not (found and found.group(1) in LOGGED_REPORTS)


class ExitInterviewReportController(ReportController):
    @http.route(readonly=_readonly_unless_logged_report)
    def report_routes(self, reportname, docids=None, converter=None, **data):
        """The addon's reports (also through /report/download) are never kept by a
        browser or a proxy, as the employee's pages are not."""
        response = super().report_routes(
            reportname, docids=docids, converter=converter, **data
        )
        if reportname.partition(".")[0] == "hr_exit_interview":
            response.headers["Cache-Control"] = "no-store"
        return response
