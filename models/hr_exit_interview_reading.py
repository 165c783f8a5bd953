# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .hr_exit_interview import BOARD_GROUP

# How a report was read: the technical name each path logs, and what the readings
# list shows of it.
READING_PATHS = [
    ("report.hr_exit_interview.report_exit_interview", "Board report (PDF or page)"),
    ("report.hr_exit_interview.report_exit_interview_summary", "Board summary"),
    ("hr.exit.interview.read", "Opened in Odoo (form, list, grouping or export)"),
    ("hr.exit.interview.search", "Search in the reports"),
    ("hr.exit.interview.line.search", "Search in the answers"),
]


class HrExitInterviewReading(models.Model):
    """Who rendered which board report when: the organisation can answer "who has
    seen my exit report?". Written in superuser mode only, read by officers."""

    _name = "hr.exit.interview.reading"
    _description = "Exit Interview Reading"
    _order = "create_date desc, id desc"

    interview_id = fields.Many2one(
        "hr.exit.interview", index=True, ondelete="cascade", readonly=True
    )
    read_through = fields.Selection(READING_PATHS, readonly=True)
    user_id = fields.Many2one("res.users", string="Read By", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)

    @api.model
    def _log_search(self, domain, fields, read_through):
        """Log a board member's search on these confidential fields: a search reads
        them, guess by guess."""
        if self.env.su or not any(
            isinstance(leaf, list | tuple) and str(leaf[0]).split(".")[0] in fields
            for leaf in domain or ()
        ):
            return
        if self.env.user.has_group(BOARD_GROUP):
            self._log_reading(read_through)

    @api.model
    def _log_reading(self, read_through, interviews=None):
        """Record that the current user rendered a report (of these interviews)."""
        user = self.env.user
        interviews = interviews or []
        values = [
            {
                "interview_id": interview.id,
                "read_through": read_through,
                "user_id": user.id,
                "company_id": interview.company_id.id,
            }
            for interview in interviews
        ] or [
            {
                "read_through": read_through,
                "user_id": user.id,
                "company_id": self.env.company.id,
            }
        ]
        # The one way a reading is logged: in the reader's transaction when it may
        # write (the board reports' routes, see controllers/report.py), else through
        # a cursor of its own, as res.device's log does (Odoo's reads run in
        # read-only transactions, on a replica when there is one): the read-only
        # one, which wrote nothing, ends first.
        if not self.env.cr.readonly:
            self.sudo().create(values)
            return
        self.env.cr.rollback()
        with self.env.registry.cursor(readonly=False) as cr:
            self.env(cr=cr, su=True)[self._name].create(values)
