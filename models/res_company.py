# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The smallest group the board summary shows: below it, people can be recognised.
MIN_GROUP_SIZE = 3


class ResCompany(models.Model):
    _inherit = "res.company"

    exit_interview_days_before = fields.Integer(
        string="Exit Interview Days Before Last Day",
        default=7,
        help="Exit interviews are proposed this many days before the last working "
        "day; the interview warns when it is planned closer to it.",
    )
    exit_interview_min_days_before = fields.Integer(
        string="Exit Interview Warning Days Before Last Day",
        default=2,
        help="The interview warns when its meeting is planned fewer days than this "
        "before the last working day (the guide: never squeezed in just before the "
        "farewell).",
    )
    exit_interview_reminder_days = fields.Integer(
        default=2,
        help="One reminder goes to an employee who has not answered the preparatory "
        "questions this many days before the meeting.",
    )
    exit_interview_questions_days_before = fields.Integer(
        string="Exit Interview Questions Days Before Meeting",
        default=7,
        help="The officer who created an exit interview gets a to-do when its "
        "questions are not sent this many days before the meeting.",
    )
    exit_interview_min_group_size = fields.Integer(
        string="Exit Interview Summary Minimum Group",
        default=3,
        help="In the board summary, a figure that would count fewer interviews "
        "than this is not shown and a breakdown cell is merged into Other, so that no "
        "one can be recognised. At least 3.",
    )
    exit_interview_retention_months = fields.Integer(
        string="Exit Interview Retention (Months)",
        default=24,
        help="Exit interviews are anonymised this many months after the last "
        "working day.",
    )
    exit_interview_privacy_notice = fields.Text(
        translate=True,
        help="Added to the notice the employee reads before the first answer, after "
        "what Odoo states from the settings (who reads what, for how long).",
    )
    exit_interview_forbid_manager = fields.Boolean(
        string="Forbid the Manager as Interviewer",
        help="Refuse an exit interview held by the employee's own manager or coach.",
    )
    exit_interview_manager_officer_access = fields.Boolean(
        string="Managers With Officer Rights Open Their Own Team's Interviews",
        help="An exit interview officer who is the departing employee's manager or "
        "coach opens that interview only when this is ticked; the interviewer of an "
        "interview always opens it.",
    )
    exit_interview_template_id = fields.Many2one(
        "hr.exit.interview.template", string="Default Exit Interview Template"
    )

    exit_interview_keep_in_touch_category_id = fields.Many2one(
        "res.partner.category",
        string="Exit Interview Keep-in-Touch Tag",
        help="The tag of the contacts made for former employees who wish to keep in "
        "touch. Empty: the tag Former employee – keep in touch.",
    )
    exit_interview_keep_in_touch_user_id = fields.Many2one(
        "res.users",
        string="Exit Interview Keep-in-Touch Contact Person",
        domain="[('share', '=', False)]",
        help="Gets a to-do for each former employee who wishes to keep in touch. "
        "Empty: the officer who created the exit interview.",
    )
    exit_interview_told_months = fields.Integer(
        string="Tell Leavers What Was Done After (Months)",
        default=6,
        help="After the board's evaluation, the officer is reminded this many months "
        "later to tell the employee, when they asked for it, what was done with "
        "their feedback.",
    )
    exit_interview_report_read_first = fields.Boolean(
        string="The Employee Reads the Short Report Before It Is Shared",
        help="Share Report with Board first mails the employee a link to the short "
        "report; it goes to the board when they agree or comment, or after the "
        "days set without an answer.",
    )
    exit_interview_report_read_first_days = fields.Integer(
        string="Exit Interview Days to Read the Report",
        default=5,
        help="The short report goes to the board this many days after it was mailed "
        "to the employee, when they have not answered.",
    )

    @api.constrains("exit_interview_min_group_size")
    def _check_exit_interview_min_group_size(self):
        for company in self:
            if company.exit_interview_min_group_size < MIN_GROUP_SIZE:
                raise ValidationError(
                    self.env._(
                        "The board summary's minimum group is %(minimum)s at least: "
                        "in smaller groups people can be recognised.",
                        minimum=MIN_GROUP_SIZE,
                    )
                )

    @api.constrains("exit_interview_report_read_first_days")
    def _check_exit_interview_report_read_first_days(self):
        for company in self:
            if company.exit_interview_report_read_first_days < 1:
                raise ValidationError(
                    self.env._(
                        "The employee needs at least one day to read the short "
                        "report: set the days to read it to 1 or more."
                    )
                )

    def _exit_interview_keep_in_touch_category(self):
        self.ensure_one()
        return self.exit_interview_keep_in_touch_category_id or self.env.ref(
            "hr_exit_interview.res_partner_category_keep_in_touch"
        )

    # Data governance (see hr_exit_interview_governance.py)

    exit_interview_retention_notice_days = fields.Integer(
        string="Exit Interview Retention List Days Ahead",
        default=30,
        help="The retention list shows the exit interviews anonymised in this many "
        "days; the responsible officer gets a weekly to-do when it is not empty.",
    )
    exit_interview_retention_user_id = fields.Many2one(
        "res.users",
        string="Exit Interview Data Protection Responsible",
        domain="[('share', '=', False)]",
        help="The officer who answers for the exit interviews' data: gets a weekly "
        "to-do when interviews will be anonymised in the coming days. Empty: no "
        "to-do.",
    )
    exit_interview_retention_notified_on = fields.Datetime(
        string="Exit Interview Retention To-Do Made On", readonly=True
    )
    exit_interview_access_include_notes = fields.Boolean(
        string="Exit Interview Notes in the Copy of the Employee's Data",
        help="Ticked: the copy an employee receives when asking for their data "
        "(GDPR art. 15) holds the interviewer's notes on each answer. Unticked: it "
        "leaves them out, as personal working notes of the interviewer; make sure "
        "your data protection officer agrees, since notes about the employee are "
        "usually their personal data too.",
    )

    @api.constrains("exit_interview_retention_notice_days")
    def _check_exit_interview_retention_notice_days(self):
        for company in self:
            if not 1 <= company.exit_interview_retention_notice_days <= 366:
                raise ValidationError(
                    self.env._(
                        "The retention list looks 1 to 366 days ahead: enter a number "
                        "of days in that range."
                    )
                )

    def _exit_interview_retention_preview(self, months):
        """How many interviews the anonymisation job would anonymise at its next
        run with this retention period: held ones are kept."""
        self.ensure_one()
        if months is None or months < 0:
            return 0
        limit = fields.Date.context_today(self) - relativedelta(months=months)
        interviews = (
            self.env["hr.exit.interview"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("company_id", "=", self.id),
                    ("anonymised_on", "=", False),
                    "|",
                    ("last_working_day", "<", limit),
                    "&",
                    ("last_working_day", "=", False),
                    ("create_date", "<", limit),
                ]
            )
        )
        return len(interviews - interviews._on_legal_hold())

    @api.constrains("exit_interview_told_months")
    def _check_exit_interview_told_months(self):
        for company in self:
            if company.exit_interview_told_months < 1:
                raise ValidationError(
                    self.env._(
                        "The reminder to tell leavers what was done comes one month "
                        "after the board's evaluation at the earliest: enter 1 or more."
                    )
                )
