# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .hr_exit_interview import BOARD_GROUP, OFFICER_GROUP


class HrExitInterviewMeasure(models.Model):
    """A measure ("maatregel") the board formulates from an exit interview's report."""

    _name = "hr.exit.interview.measure"
    _description = "Exit Interview Board Measure"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_deadline, id"

    name = fields.Text(string="Description", required=True)
    category = fields.Selection(
        [
            ("organisation", "Strengthen the organisation"),
            ("hr_policy", "HR policy"),
            ("other", "Other"),
        ],
        required=True,
        default="organisation",
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        domain="[('share', '=', False)]",
        tracking=True,
    )
    date_deadline = fields.Date(string="Deadline", tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("dropped", "Dropped")],
        required=True,
        default="open",
        tracking=True,
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    # Whose exit it came from: the board and the officers only, for every way in
    # (read, search, group by, order, export); a responsible user outside them, the
    # leaver's own manager for one, follows the measure up without learning it.
    interview_id = fields.Many2one(
        "hr.exit.interview",
        required=True,
        index=True,
        ondelete="cascade",
        groups="hr_exit_interview.group_exit_interview_officer,"
        "hr_exit_interview.group_exit_interview_board",
    )
    company_id = fields.Many2one(related="interview_id.company_id", store=True)
    # The leaver's department, with the measure's date, narrows down who left.
    department_id = fields.Many2one(
        related="interview_id.department_id",
        store=True,
        groups="hr_exit_interview.group_exit_interview_officer,"
        "hr_exit_interview.group_exit_interview_board",
    )

    @api.depends("category")
    def _compute_display_name(self):
        # The description is the board's free text: names (breadcrumbs, activities,
        # messages, notifications) never quote it.
        for measure in self:
            measure.display_name = measure._mail_record_name()

    @api.depends("date_deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for measure in self:
            measure.is_overdue = bool(
                measure.state == "open"
                and measure.date_deadline
                and measure.date_deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError
        domain = [
            ("state", "=", "open"),
            ("date_deadline", "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!"] + domain

    @api.model_create_multi
    def create(self, vals_list):
        measures = super().create(vals_list)
        # The board decides while it evaluates: after that, the record is closed.
        if (
            not self.env.su
            and not self.env.user.has_group(OFFICER_GROUP)
            and any(measure.interview_id.state != "shared" for measure in measures)
        ):
            raise UserError(
                self.env._(
                    "The board formulates measures while it evaluates a shared "
                    "interview."
                )
            )
        measures._schedule_responsible_activity()
        return measures

    def write(self, vals):
        self._check_responsible_writes_state_only(vals)
        if "interview_id" in vals and not self.env.su:
            if any(m.interview_id.id != vals["interview_id"] for m in self):
                raise UserError(
                    self.env._(
                        "A measure belongs to the interview it was decided on: create "
                        "a new measure on the other interview instead."
                    )
                )
        result = super().write(vals)
        if "user_id" in vals or "date_deadline" in vals:
            self._schedule_responsible_activity()
        return result

    def _message_auto_subscribe_followers(self, updated_values, default_subtype_ids):
        # The responsible user follows the measure, without Odoo's "You have been
        # assigned" mail: the activity scheduled for them mails them already, with
        # the deadline (one mail for one assignment).
        followers = super()._message_auto_subscribe_followers(
            updated_values, default_subtype_ids
        )
        return [(partner, subtypes, False) for partner, subtypes, _mail in followers]

    def export_data(self, fields_to_export):
        """Export, logged as a reading of the report when it reaches the interview."""
        result = super().export_data(fields_to_export)
        if any(path.split("/")[0] == "interview_id" for path in fields_to_export):
            self.interview_id._log_board_reading()
        return result

    def action_done(self):
        self.write({"state": "done"})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_drop(self):
        self.write({"state": "dropped"})
        self.activity_unlink(["mail.mail_activity_data_todo"])

    def action_reopen(self):
        self.write({"state": "open"})

    def _check_responsible_writes_state_only(self, vals):
        """A responsible user outside the board and the officers follows the measure
        up: they may mark it done or dropped, not rewrite what the board decided."""
        user = self.env.user
        if self.env.su or user.has_group(BOARD_GROUP) or user.has_group(OFFICER_GROUP):
            return
        if set(vals) - {"state"}:
            raise AccessError(
                self.env._(
                    "Only the board changes what it decided: you can mark the "
                    "measure done or dropped."
                )
            )

    def _mail_record_name(self):
        """A name that quotes nothing the board wrote (see the interview's)."""
        self.ensure_one()
        if not self.id:
            return self.env._("New board measure")
        return self.env._("Board measure %(number)s", number=self.id)

    def _schedule_responsible_activity(self):
        for measure in self.filtered(lambda m: m.user_id and m.state == "open"):
            measure.activity_unlink(["mail.mail_activity_data_todo"])
            # In the language of the one who carries it out.
            in_lang = measure.with_context(lang=measure.user_id.lang or self.env.lang)
            in_lang.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=measure.date_deadline
                or fields.Date.context_today(measure),
                user_id=measure.user_id.id,
                summary=in_lang.env._("Board measure from an exit interview"),
            )
