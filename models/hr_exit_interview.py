# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import psycopg2.errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tools import SQL

STATES = [
    ("draft", "Draft"),
    ("invited", "Invited"),
    ("prepared", "Prepared"),
    ("held", "Held"),
    ("shared", "Shared with Board"),
    ("evaluated", "Evaluated"),
    ("declined", "Declined"),
    ("cancelled", "Cancelled"),
]

# Until the report is shared, the interview is the interviewer's working file.
BEFORE_REPORT_STATES = ("draft", "invited", "prepared", "held")
# From the report on, the board reads the interview.
SHARED_STATES = ("shared", "evaluated")
# The conversation took place.
HELD_STATES = ("held", *SHARED_STATES)

# For each state, the states an interview may come from.
TRANSITIONS = {
    "invited": ("draft",),
    "prepared": ("invited",),
    "held": ("invited", "prepared"),
    "shared": ("held",),
    "evaluated": ("shared",),
    "declined": ("draft", "invited"),
    "cancelled": BEFORE_REPORT_STATES,
    "draft": ("declined", "cancelled"),
}

SENIORITY_BANDS = [
    ("lt1", "Less than 1 year"),
    ("1to2", "1 to 2 years"),
    ("2to5", "2 to 5 years"),
    ("5to10", "5 to 10 years"),
    ("ge10", "10 years or more"),
]
KEEP_IN_TOUCH = [
    ("volunteer", "As a Volunteer"),
    ("visitor", "As a Regular Visitor"),
    ("newsletter", "Through the Newsletter"),
    ("none", "No Further Contact"),
]
# The upper bound, in months, of each band but the last.
SENIORITY_LIMITS = ((12, "lt1"), (24, "1to2"), (60, "2to5"), (120, "5to10"))

# The addon's groups, for the checks in Python (views and rules name them in XML).
INTERVIEWER_GROUP = "hr_exit_interview.group_exit_interview_interviewer"
OFFICER_GROUP = "hr_exit_interview.group_exit_interview_officer"
BOARD_GROUP = "hr_exit_interview.group_exit_interview_board"
BOARD_FIELDS = {"board_evaluation", "measure_ids"}
# What the board reads of a shared interview: opening any of these is logged.
REPORT_FIELDS = (
    "report_summary",
    "reasons_for_leaving",
    "advice_for_successor",
    "strengths",
    "points_to_improve",
    "board_evaluation",
    "board_rating_average",
    "board_rating_sum",
    "board_rating_count",
    "line_ids",
    "keep_in_touch",
    "confidentiality_explained",
    "appreciation_given",
    "report_include_answers",
)
# What the interviewer shares with the board: fixed once shared.
SHARED_REPORT_FIELDS = {
    field for field in REPORT_FIELDS if field not in BOARD_FIELDS
} - {"board_rating_average", "board_rating_sum", "board_rating_count", "line_ids"}
# The role whose action makes each state (the officers hold every role but the
# board's); see _write_state.
STATE_ROLES = {
    "invited": OFFICER_GROUP,
    "cancelled": OFFICER_GROUP,
    "draft": OFFICER_GROUP,
    "prepared": INTERVIEWER_GROUP,
    "held": INTERVIEWER_GROUP,
    "shared": INTERVIEWER_GROUP,
    "declined": INTERVIEWER_GROUP,
    "evaluated": BOARD_GROUP,
}
# What the side effects of a write look for (see write()).
MEETING_FIELDS = {"planned_start", "duration", "interviewer_id"}
KEEP_IN_TOUCH_FIELDS = {"keep_in_touch", "keep_in_touch_consent"}
# Marks a state written by an action method (an object no RPC context can carry).
_STATE_BY_ACTION = object()


def without_odoo_only_defaults(records):
    """The records with a context that gives no default to the values only Odoo
    writes (records._odoo_only_fields()): create() takes context defaults after its
    own checks of the values given, and code that creates in superuser mode inherits
    the caller's context."""
    protected = records._odoo_only_fields()
    # A whole context: taking keys out is what with_context(**kwargs) cannot do.
    return records.with_context(  # pylint: disable=context-overridden
        {
            key: value
            for key, value in records.env.context.items()
            if not (key.startswith("default_") and key[8:] in protected)
        }
    )


# Texts the employee, the interviewer or the board wrote: never tracked, never copied
# (copy=False on each), erased on anonymisation.
CONFIDENTIAL_TEXT_FIELDS = (
    "excelled_at",
    "thank_for",
    "points_to_pass_on",
    "report_summary",
    "reasons_for_leaving",
    "advice_for_successor",
    "strengths",
    "points_to_improve",
    "decline_reason",
    "board_evaluation",
    "employee_report_comment",
)

# Each average of the analysis and the ratings it is taken from: (sum, count).
AVERAGE_PARTS = {
    "rating_average": ("rating_sum", "rating_count"),
    "board_rating_average": ("board_rating_sum", "board_rating_count"),
}


class HrExitInterview(models.Model):
    _name = "hr.exit.interview"
    _description = "Exit Interview"
    # Not portal.mixin: see hr_exit_interview_portal.py for why.
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "last_working_day desc, id desc"
    _check_company_auto = True

    # === FIELDS === #

    # Not stored: each reader reads it in their own language.
    name = fields.Char(compute="_compute_name", search="_search_name")
    active = fields.Boolean(default=True)
    state = fields.Selection(
        STATES,
        string="Status",
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    # Required, except once anonymised (see _check_employee).
    employee_id = fields.Many2one(
        "hr.employee",
        index=True,
        tracking=True,
        ondelete="restrict",
        check_company=True,
    )
    department_id = fields.Many2one(
        "hr.department",
    )
    job_id = fields.Many2one(
        "hr.job",
        string="Job Position",
    )
    job_title = fields.Char()
    manager_id = fields.Many2one(
        "hr.employee",
        help="The employee's manager when the interview was created.",
    )
    coach_id = fields.Many2one(
        "hr.employee",
        help="The employee's coach when the interview was created.",
    )
    hire_date = fields.Date()
    departure_reason_id = fields.Many2one(
        "hr.departure.reason",
        tracking=True,
    )
    departure_kind = fields.Selection(
        related="departure_reason_id.departure_kind", store=True
    )
    # HR's own judgement of the departure, for officers only.
    regrettable = fields.Boolean(
        string="Regrettable Departure",
        groups="hr_exit_interview.group_exit_interview_officer",
    )
    eligible_for_rehire = fields.Selection(
        [("yes", "Yes"), ("no", "No")],
        string="Eligible for Rehire",
        groups="hr_exit_interview.group_exit_interview_officer",
    )
    last_working_day = fields.Date(
        tracking=True,
    )
    career_jobs = fields.Text(
        string="Jobs Held",
        help="The jobs held as far as Odoo knows them, when the interview was created.",
    )
    seniority_display = fields.Char(
        string="Seniority", compute="_compute_seniority_display"
    )
    # The statistics the board keeps once the interview is anonymised and its dates
    # are gone: plain values, written from the dates (see _statistics_values).
    seniority_months = fields.Integer(readonly=True)
    seniority_band = fields.Selection(SENIORITY_BANDS, readonly=True)
    year = fields.Char(readonly=True, help="Year of the last working day.")
    departure_month = fields.Date(
        readonly=True, help="The first day of the month of the last working day."
    )

    interviewer_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )

    template_id = fields.Many2one(
        "hr.exit.interview.template",
        default=lambda self: self.env.company.exit_interview_template_id,
        check_company=True,
    )
    line_ids = fields.One2many(
        "hr.exit.interview.line", "interview_id", string="Questions", copy=False
    )
    # The columns of the answers typed in from paper that the questions need.
    has_rating_questions = fields.Boolean(compute="_compute_question_types")
    has_yes_no_questions = fields.Boolean(compute="_compute_question_types")
    # The employee's ratings are answers: the board reads them only through
    # board_rating_average, which is set when the answers are part of the report.
    rating_average = fields.Float(
        string="Average Rating",
        compute="_compute_rating_average",
        store=True,
        aggregator="avg",
        groups="hr_exit_interview.group_exit_interview_interviewer",
        help="Average of the employee's answers to the rating questions (1 to 5).",
    )

    # Preparation by the interviewer (the guide: prepare the appreciation in advance)
    excelled_at = fields.Text(
        string="Where They Excelled",
        groups="hr_exit_interview.group_exit_interview_interviewer",
        copy=False,
    )
    thank_for = fields.Text(
        string="What to Thank Them For",
        groups="hr_exit_interview.group_exit_interview_interviewer",
        copy=False,
    )
    points_to_pass_on = fields.Text(
        string="Strengths and Points of Attention to Pass On",
        groups="hr_exit_interview.group_exit_interview_interviewer",
        copy=False,
    )

    # The conversation
    confidentiality_explained = fields.Boolean(
        string="Confidentiality and Board Report Explained",
        help="At the start: the talk is confidential and a short report goes to the "
        "board.",
    )
    appreciation_given = fields.Boolean(
        string="Appreciation Given, Thanked, Success Wished"
    )
    # The guide: a positive farewell keeps the bond, "as a volunteer or a regular
    # visitor" (see hr_exit_interview_follow_up.py for the contact it makes).
    keep_in_touch = fields.Selection(
        KEEP_IN_TOUCH,
        string="Keeping in Touch",
        help="The employee's wish, recorded in the conversation.",
    )
    keep_in_touch_consent = fields.Boolean(
        string="May Be Contacted",
        groups="hr_exit_interview.group_exit_interview_interviewer",
        help="The employee agrees that their private email and address are kept as a "
        "contact of the organisation, to keep in touch as they wish.",
    )

    # The short report for the board
    report_include_answers = fields.Boolean(
        string="Answers in the Board Report",
        copy=False,
        help="Only when the employee agreed on the portal: the board then reads the "
        "employee's answers beside the short report.",
    )
    report_summary = fields.Text(string="Short Report", copy=False)
    reasons_for_leaving = fields.Text(copy=False)
    advice_for_successor = fields.Text(string="Advice for the Successor", copy=False)
    strengths = fields.Text(string="Strengths of the Organisation", copy=False)
    points_to_improve = fields.Text(string="Points to Improve", copy=False)
    decline_reason = fields.Text(
        string="Reason for Declining",
        groups="hr_exit_interview.group_exit_interview_interviewer",
        copy=False,
    )

    # The employee's manager and coach: kept out of the interview (the record rules
    # read the stored list), warned against or refused as its interviewer.
    interviewer_is_manager = fields.Boolean(compute="_compute_interviewer_is_manager")
    # Who the interview is kept from: the users of the employee's managers and coaches
    # since its creation, when the company kept them out at that moment. Only ever
    # added to (see hr.employee's write); the record rules read this list.
    leaders_kept_out = fields.Boolean(
        readonly=True, groups="hr_exit_interview.group_exit_interview_officer"
    )
    kept_out_user_ids = fields.Many2many(
        "res.users",
        "hr_exit_interview_kept_out_user_rel",
        "interview_id",
        "user_id",
        string="Kept Out",
        readonly=True,
        copy=False,
        groups="hr_exit_interview.group_exit_interview_officer",
        help="The employee's managers and coaches, whom the interview is kept from.",
    )

    # The analysis' averages. A float field stores "no rating" as 0.0, so an average
    # of the per-interview averages would count every interview without ratings as a
    # 0: the averages are taken from the sum and the number of ratings instead.
    rating_sum = fields.Integer(
        string="Sum of Ratings",
        compute="_compute_rating_totals",
        store=True,
        aggregator="sum",
        groups=INTERVIEWER_GROUP,
    )
    rating_count = fields.Integer(
        string="Number of Ratings",
        compute="_compute_rating_totals",
        store=True,
        aggregator="sum",
        groups=INTERVIEWER_GROUP,
    )
    board_rating_sum = fields.Integer(
        string="Sum of Ratings in the Report",
        compute="_compute_board_rating_totals",
        store=True,
        aggregator="sum",
        groups=f"{OFFICER_GROUP},{BOARD_GROUP}",
    )
    board_rating_count = fields.Integer(
        string="Number of Ratings in the Report",
        compute="_compute_board_rating_totals",
        store=True,
        aggregator="sum",
        groups=f"{OFFICER_GROUP},{BOARD_GROUP}",
    )

    # === COMPUTE METHODS === #

    @api.depends("employee_id.name", "anonymised_on")
    @api.depends_context("lang")
    def _compute_name(self):
        for interview in self:
            if interview.anonymised_on:
                interview.name = self.env._("Anonymised exit interview")
                continue
            interview.name = self.env._(
                "Exit interview of %(employee)s",
                employee=interview.employee_id.name or "",
            )

    def _search_name(self, operator, value):
        return [("employee_id.name", operator, value)]

    @api.depends("seniority_months", "hire_date")
    def _compute_seniority_display(self):
        for interview in self:
            months = interview.seniority_months
            interview.seniority_display = interview.hire_date and self.env._(
                "%(years)s years, %(months)s months",
                years=months // 12,
                months=months % 12,
            )

    @api.depends("line_ids.answer_rating")
    def _compute_rating_average(self):
        for interview in self:
            ratings = interview._ratings()
            interview.rating_average = sum(ratings) / len(ratings) if ratings else 0.0

    @api.depends("line_ids.question_type")
    def _compute_question_types(self):
        for interview in self:
            kinds = set(interview.line_ids.mapped("question_type"))
            interview.has_rating_questions = "rating" in kinds
            interview.has_yes_no_questions = "yes_no" in kinds

    @api.depends("interviewer_id", "manager_id", "coach_id", "kept_out_user_ids")
    def _compute_interviewer_is_manager(self):
        for interview in self:
            interview.interviewer_is_manager = bool(
                interview.interviewer_id & interview._leader_users()
            )

    @api.depends("line_ids.answer_rating")
    def _compute_rating_totals(self):
        for interview in self:
            ratings = interview._ratings()
            interview.rating_sum = sum(ratings)
            interview.rating_count = len(ratings)

    @api.depends(
        "rating_sum", "rating_count", "report_include_answers", "answers_transcribed"
    )
    def _compute_board_rating_totals(self):
        for interview in self:
            shared = interview._board_reads_answers()
            interview.board_rating_sum = shared and interview.rating_sum
            interview.board_rating_count = shared and interview.rating_count

    # === CONSTRAINT METHODS === #

    @api.constrains("employee_id", "anonymised_on")
    def _check_employee(self):
        for interview in self:
            if not interview.employee_id and not interview.anonymised_on:
                raise ValidationError(
                    self.env._("Choose the departing employee of the exit interview.")
                )

    @api.constrains("interviewer_id", "manager_id", "coach_id", "company_id")
    def _check_interviewer_not_manager(self):
        for interview in self:
            if (
                interview.company_id.exit_interview_forbid_manager
                and interview.interviewer_is_manager
            ):
                raise ValidationError(
                    self.env._(
                        "%(interviewer)s is the manager or coach of %(employee)s. Your "
                        "organisation does not let the direct manager hold the exit "
                        "interview: the employee must be able to speak freely, also "
                        "when the manager is part of the reason for leaving. Choose "
                        "another interviewer.",
                        interviewer=interview.interviewer_id.name,
                        employee=interview.employee_id.name,
                    )
                )

    # === ONCHANGE METHODS === #

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        if self.employee_id:
            self.update(self.employee_id._exit_interview_snapshot())

    @api.onchange("employee_id", "template_id")
    def _onchange_template_questions(self):
        """Show the template's questions as soon as the employee and the template are
        known, as saving copies them; on a saved draft, when the template changes."""
        if (
            self.state != "draft"
            or not (self.employee_id and self.template_id)
            or (self._origin.id and self.template_id == self._origin.template_id)
        ):
            return
        lines = self.template_id._interview_line_values(self._leaver_lang())
        self.line_ids = [Command.clear()] + [Command.create(v) for v in lines]

    # === CRUD METHODS === #

    @api.model
    def _odoo_only_fields(self):
        """The values only Odoo writes (the actions, the portal, the jobs), which no
        user gives, by a value, a default, an import or a copy: the one declaration
        that create(), write(), default_get() and the forge test read. The model's
        other files add theirs."""
        return {"state", "kept_out_user_ids", "leaders_kept_out"}

    @api.model
    def _check_odoo_only_values(self, vals):
        """Refuse every value only Odoo writes that has no check of its own (the
        status and whom the interview is kept from have theirs)."""
        given = (
            self._odoo_only_fields()
            - {"state", "kept_out_user_ids", "leaders_kept_out"}
        ) & vals.keys()
        if given:
            raise AccessError(
                self.env._(
                    "Odoo records %(fields)s itself: they cannot be set by hand.",
                    fields=", ".join(
                        sorted(
                            self._fields[name].get_description(self.env)["string"]
                            for name in given
                        )
                    ),
                )
            )

    @api.model
    def default_get(self, fields_list):
        return super(HrExitInterview, without_odoo_only_defaults(self)).default_get(
            fields_list
        )

    # The interview's one create() and one write(): every side effect of a change,
    # and of each transition (see _on_state_changed), is called from here, in the
    # order written; the other files of the model add fields and helpers only.

    @api.model_create_multi
    def create(self, vals_list):
        self._check_create(vals_list)
        self._complete_create_values(vals_list)
        # An interview is born a draft, so that its questions can be copied; one
        # imported or loaded in a later state (past interviews) then takes it.
        initial_states = [vals.pop("state", "draft") for vals in vals_list]
        interviews = super().create(vals_list)
        for interview, state in zip(interviews, initial_states, strict=True):
            if interview.template_id and not interview.line_ids:
                interview._copy_template_questions()
            if state != "draft":
                super(HrExitInterview, interview).write({"state": state})
        interviews.filtered("planned_start")._sync_calendar_event()
        interviews._follow_new_interviews()
        interviews._keep_in_touch_check_address()
        interviews._keep_in_touch_sync()
        return interviews

    def copy(self, default=None):
        # Whom an interview is kept from only grows (every manager and coach since
        # its creation): a copy, kept from today's ones only, would open the exit
        # to the others. It is kept from whom its original is kept from.
        copies = super().copy(default=default)
        for original, new in zip(self.sudo(), copies.sudo(), strict=True):
            if original.leaders_kept_out:
                new.write(
                    {
                        "leaders_kept_out": True,
                        "kept_out_user_ids": [
                            Command.link(user.id) for user in original.kept_out_user_ids
                        ],
                    }
                )
        return copies

    def write(self, vals):
        # What the side effects compare with, read before anything is written.
        wishes = (
            {interview: interview.keep_in_touch for interview in self}
            if KEEP_IN_TOUCH_FIELDS & vals.keys()
            else None
        )
        interviewers = (
            {interview: interview.interviewer_id for interview in self}
            if "interviewer_id" in vals
            else None
        )
        self._check_write(vals)
        result = super().write(vals)
        if vals.get("employee_id"):
            employee = self.env["hr.employee"].sudo().browse(vals["employee_id"])
            self._add_kept_out_users(employee._exit_interview_leader_users())
        if {"hire_date", "last_working_day"} & vals.keys():
            # Once anonymised, the dates are gone and the statistics stay.
            for interview in self.filtered(lambda i: not i.anonymised_on):
                super(HrExitInterview, interview).write(
                    interview._statistics_values(
                        interview.hire_date, interview.last_working_day
                    )
                )
        # The form sends the questions its onchange copied along with the template.
        if "template_id" in vals and "line_ids" not in vals:
            for interview in self:
                interview.line_ids.unlink()
                interview._copy_template_questions()
        if MEETING_FIELDS & vals.keys():
            self._sync_calendar_event()
        if "state" in vals:
            self._on_state_changed(vals["state"])
        if interviewers is not None:
            self._follow_new_interviewer(interviewers)
        # The link opens the open questions of one employee for the interviewer it
        # was sent for: a new interviewer or employee ends it, as a new state does.
        if {"interviewer_id", "employee_id", "active"} & vals.keys():
            self._portal_end_link()
        if wishes is not None:
            self._keep_in_touch_check_address()
        if wishes is not None or {"state", "last_working_day"} & vals.keys():
            self._keep_in_touch_sync(
                self.filtered(lambda i: wishes and wishes[i] != i.keep_in_touch)
            )
        return result

    def _on_state_changed(self, state):
        """What each transition does besides the new status, after the write: the
        one place that says it."""
        if state != "invited":
            self._portal_drop_unconfirmed_answers()
        if state == "invited":
            # The employee is invited to the meeting with the questions, not before.
            self._sync_calendar_event()
            self._close_answers_in_activity(done=False)
            self._portal_end_link()
            self._close_send_in_time_todo(done=True)
        elif state == "prepared":
            self._portal_end_link()
        elif state == "held":
            self._meeting_activities().action_feedback()
            self._close_answers_in_activity(done=True)
            self._portal_end_link()
        elif state in ("shared", "evaluated"):
            self._close_answers_in_activity(done=False)
            self._portal_end_link()
            if state == "evaluated":
                self._told_schedule_reminder()
        elif state in ("cancelled", "declined"):
            # The meeting archived (no one is mailed) and its activities dropped.
            self._archive_calendar_event(archive=True)
            self._close_answers_in_activity(done=False)
            self._portal_end_link()
            self._close_send_in_time_todo(done=False)
        elif state == "draft":
            # The meeting, archived on cancel, is restored by action_reset_draft.
            self._sync_calendar_event()
            self._close_answers_in_activity(done=False)
            self._portal_end_link()
            # Asked again to send the questions in time.
            self.sudo().questions_late_notified = False

    @api.model
    def _check_create(self, vals_list):
        """What a user may not set on a new interview (the superuser may)."""
        if self.env.su:
            return
        for vals in vals_list:
            self._check_transcription_fields(vals)
        for vals in vals_list:
            self._check_portal_fields(vals)
            self._check_odoo_only_values(vals)

    @api.model
    def _complete_create_values(self, vals_list):
        """The values a new interview takes from its employee and dates; the status
        and whom it is kept from are checked or set here."""
        employees = self.env["hr.employee"].browse(
            [vals["employee_id"] for vals in vals_list if vals.get("employee_id")]
        )
        for vals in vals_list:
            if vals.get("state", "draft") != "draft":
                self._check_state_written_by_action(vals["state"])
            # Set here only, from the employee: no caller chooses whom it keeps out.
            vals.pop("kept_out_user_ids", None)
            vals.pop("leaders_kept_out", None)
            if vals.get("employee_id"):
                employee = employees.browse(vals["employee_id"])
                if vals.get("interviewer_id", self.env.uid) != self.env.uid:
                    self._check_not_own_team(employee)
                for key, value in employee._exit_interview_snapshot().items():
                    vals.setdefault(key, value)
                company = self.env["res.company"].browse(
                    vals.get("company_id") or employee.company_id.id
                )
                if not company.sudo().exit_interview_manager_officer_access:
                    vals["leaders_kept_out"] = True
                    vals["kept_out_user_ids"] = [
                        Command.set(employee.sudo()._exit_interview_leader_users().ids)
                    ]
            statistics = self._statistics_values(
                fields.Date.to_date(vals.get("hire_date")),
                fields.Date.to_date(vals.get("last_working_day")),
            )
            for key, value in statistics.items():
                vals.setdefault(key, value)

    def _check_write(self, vals):
        """Refuse a write the user's role, the status or the shared report does not
        allow, before anything is written."""
        if not self.env.su:
            self._check_transcription_fields(vals)
            self._check_portal_fields(vals)
            self._check_odoo_only_values(vals)
        self._check_board_writes_evaluation_only(vals)
        if not self.env.su:
            self._check_shared_report_unchanged(vals)
        if "state" in vals:
            self._check_state_written_by_action(vals["state"])
            for interview in self:
                interview._check_transition(vals["state"])
        if {"kept_out_user_ids", "leaders_kept_out"} & vals.keys() and not self.env.su:
            raise AccessError(
                self.env._(
                    "Whom an exit interview is kept from follows the employee's "
                    "managers and coaches; it cannot be changed by hand."
                )
            )
        if "employee_id" in vals:
            self._check_employee_change(vals["employee_id"])
        if "template_id" in vals and any(i.state != "draft" for i in self):
            raise UserError(
                self.env._(
                    "The questions were already sent: the template can only change "
                    "while the interview is a draft."
                )
            )

    # === CORE METHODS OVERRIDES === #

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        # Checks the reader's access to the average itself, then takes it from the
        # sums and counts: NULL, not 0, for a group without any rating.
        result = super()._read_group_select(aggregate_spec, query)
        fname, _sep, func = aggregate_spec.partition(":")
        if func != "avg" or fname not in AVERAGE_PARTS:
            return result
        total, count = (
            self._field_to_sql(self._table, name, query)
            for name in AVERAGE_PARTS[fname]
        )
        return SQL("SUM(%s)::float / NULLIF(SUM(%s), 0)", total, count)

    # === ACTION METHODS === #

    def action_invite(self):
        """Mark the preparatory questions as sent to the employee."""
        self._check_officer()
        self._check_can_invite()
        self._write_state("invited")

    def action_send_questions(self):
        """Open the sending wizard, which shows where the personal link goes."""
        self.ensure_one()
        self._check_officer()
        if self.state != "invited":
            self._check_transition("invited")
        self._check_can_invite()
        return self._open_wizard(
            "hr.exit.interview.send", self.env._("Send the Questions")
        )

    def action_type_in_paper_answers(self):
        """The employee answered on paper: the answers can be typed in, marked as
        typed in by the interviewer. The employee's link stops working."""
        for interview in self:
            if interview.state != "invited":
                raise UserError(
                    self.env._(
                        "Answers received on paper are typed in once the questions "
                        "were sent and before the employee submits any: the exit "
                        "interview of %(employee)s is past that.",
                        employee=interview.employee_id.name,
                    )
                )
        self.check_access("write")
        self._write_state("prepared")
        self._mark_transcribed()
        for interview in self:
            interview.message_post(
                body=self.env._(
                    "The answers were received on paper; %(user)s types them in.",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def action_mark_prepared(self):
        """The employee answered the preparatory questions (on paper or by mail)."""
        self._write_state("prepared")

    def action_mark_held(self):
        """The conversation took place. From the form (the button asks for the
        check), with the guide's checklist open, the interviewer is asked first: a
        warning, not a wall."""
        unchecked = self.filtered(
            lambda i: not (i.confidentiality_explained and i.appreciation_given)
        )
        if (
            len(self) == 1
            and unchecked
            and self.env.context.get("exit_interview_checklist_check")
            and not self.env.context.get("exit_interview_checklist_confirmed")
        ):
            self._check_transition("held")
            return self._open_wizard(
                "hr.exit.interview.held", self.env._("Mark as Held")
            )
        self._write_state("held")

    def action_share_with_board(self):
        """Finish the report: from now on the board can read it. From the form (the
        button asks for the check), the interviewer first sees what is missing."""
        for interview in self:
            interview._check_transition("shared")
            if not interview.report_summary:
                # The whole list at once, not one refusal per missing part.
                missing = [
                    interview._fields["report_summary"].get_description(self.env)[
                        "string"
                    ],
                    *interview._report_missing(),
                ]
                raise UserError(
                    self.env._(
                        "The report of %(employee)s is empty: the board has nothing "
                        "to read yet.\n\nNot filled in:\n%(missing)s\n\nWrite at "
                        "least the Short Report on the Report tab, then share the "
                        "report with the board again.",
                        employee=interview.employee_id.name,
                        missing="\n".join(f"- {label}" for label in missing),
                    )
                )
        context = self.env.context
        if (
            len(self) == 1
            and context.get("exit_interview_share_check")
            and not context.get("exit_interview_share_confirmed")
        ):
            return self._report_share_wizard()
        # Where the company asks it, the employee reads the report first.
        to_share = self._report_reading_ask()
        to_share._write_state("shared")
        to_share._notify_board()

    def action_evaluate(self):
        """The board has evaluated the report and formulated its actions."""
        if not self.env.user.has_group(BOARD_GROUP):
            raise AccessError(
                self.env._("Only a board member can close the board's evaluation.")
            )
        # Board members may write nothing else on the interview: the state moves in
        # superuser mode, once their right to read this report is checked.
        self.check_access("read")
        self.sudo()._write_state("evaluated")

    def action_decline(self):
        """The employee prefers not to take part: it cannot be forced."""
        self._write_state("declined")

    def action_answer_in_writing(self):
        """The officer's offer when planning: the interview takes place in writing,
        without a meeting (see hr_exit_interview_written.py)."""
        self._offer_written_path()

    def action_cancel(self):
        """Cancel an interview that will not take place."""
        self._check_officer()
        self._write_state("cancelled")

    def action_reset_draft(self):
        """Start a cancelled or declined interview over."""
        self._check_officer()
        self._write_state("draft")
        self._archive_calendar_event(archive=False)

    def action_hand_over_advice(self):
        """Hand the advice for the successor, alone and without the employee's name,
        over to the job position, where whoever fills it next reads it."""
        if not self.env.su and not self.env.user.has_group(OFFICER_GROUP):
            raise AccessError(
                self.env._(
                    "Only exit interview officers hand the advice over to the job "
                    "position."
                )
            )
        self.check_access("write")
        for interview in self:
            if not interview.successor_advice_consent:
                raise UserError(
                    self.env._(
                        "%(employee)s did not agree, on the portal, that the advice "
                        "for their successor is passed on: it stays in the report.",
                        employee=interview.employee_id.name,
                    )
                )
            if interview.state not in SHARED_STATES:
                raise UserError(
                    self.env._(
                        "Share the report with the board first: the advice is handed "
                        "over as the report holds it."
                    )
                )
            if not interview.advice_for_successor or not interview.job_id:
                raise UserError(
                    self.env._(
                        "There is no advice for the successor in the report, or no "
                        "job position on the interview, to hand it over to."
                    )
                )
            if interview.successor_advice_id:
                raise UserError(
                    self.env._(
                        "The advice was already handed over to the job position."
                    )
                )
            # The advice alone: no link back to the interview, which names the
            # employee, for anyone who reads the job position. Recorded by Odoo
            # (see _odoo_only_fields) once the officer was checked above.
            interview.sudo().successor_advice_id = self.env["hr.job.advice"].create(
                {
                    "job_id": interview.job_id.id,
                    "advice": interview.advice_for_successor,
                }
            )
            interview.message_post(
                body=self.env._(
                    "The advice for the successor was handed over to the job position "
                    "%(job)s.",
                    job=interview.job_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def action_tell_what_was_done(self):
        """Mail the employee who asked for it what the board lets leavers hear of
        the measures of their interview."""
        self._told_check_officer()
        for interview in self:
            interview._told_check_can_tell()
        for interview in self:
            interview._told_send()

    def action_open_calendar_event(self):
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": self.calendar_event_id.id,
            "view_mode": "form",
        }

    @api.model
    def action_open_home(self):
        """The app's first screen, by role: the board lands on the reports waiting
        for it, everyone else on the interviews."""
        user = self.env.user
        xmlid = (
            "hr_exit_interview.hr_exit_interview_action_board"
            if user.has_group(BOARD_GROUP) and not user.has_group(INTERVIEWER_GROUP)
            else "hr_exit_interview.hr_exit_interview_action"
        )
        return self.env["ir.actions.act_window"]._for_xml_id(xmlid)

    def action_name_external_interviewer(self):
        """Open the window that names an interviewer from outside the organisation
        (see hr_exit_interview_external.py)."""
        self.ensure_one()
        self._check_officer()
        return self._open_wizard(
            "hr.exit.interview.external", self.env._("Name an External Interviewer")
        )

    # === BUSINESS METHODS === #

    def _check_transition(self, new_state):
        if self.state == new_state:
            return
        if self.state in TRANSITIONS.get(new_state, ()):
            return
        if self.state in self._extra_transitions(new_state):
            return
        states = dict(self._fields["state"]._description_selection(self.env))
        hints = self._transition_hints()
        raise UserError(
            self.env._(
                "The exit interview of %(employee)s is %(current)s and cannot become "
                "%(target)s. %(hint)s",
                employee=self.employee_id.name,
                current=states[self.state],
                target=states.get(new_state, new_state),
                hint=hints.get(new_state, ""),
            )
        )

    def _transition_hints(self):
        """{state: what to do first to reach it}, for _check_transition's error."""
        return {
            "invited": self.env._(
                "Questions can only be sent for a draft interview; reset a cancelled "
                "or declined interview to draft first."
            ),
            "prepared": self.env._(
                "Answers can only come in after the questions were sent: send the "
                "questions first."
            ),
            "held": self.env._(
                "Only an interview whose questions were sent can be marked as held: "
                "send the questions first."
            ),
            "shared": self.env._(
                "Only a held interview can be shared with the board: mark it as held "
                "first."
            ),
            "evaluated": self.env._(
                "The board evaluates shared interviews only: the interviewer must "
                "finish the report first."
            ),
            "declined": self.env._(
                "Only an interview that was not prepared yet can be declined: cancel "
                "it instead."
            ),
            "cancelled": self.env._(
                "An interview shared with the board belongs to its record and cannot "
                "be cancelled."
            ),
            "draft": self.env._(
                "Only a cancelled or declined interview can be reset to draft."
            ),
        }

    def _extra_transitions(self, new_state):
        """The states this interview may also come from, besides TRANSITIONS: a
        hook for the paths of the model's other files."""
        return ()

    def _lock_for_job(self):
        """The interviews of self that this transaction now holds until it ends, so
        that a job run at the same moment by several processes does its work on
        each exactly once (Odoo's cron lock covers scheduled runs, not direct
        calls). Rows held by another transaction, or changed by one since this
        transaction began, are left to it. Callers re-check their selection on the
        result: it is read again."""
        if not self:
            return self
        cr = self.env.cr
        held = set()
        try:
            with cr.savepoint(flush=False):
                cr.execute(self._lock_query(self.ids), log_exceptions=False)
                held.update(row[0] for row in cr.fetchall())
        except psycopg2.errors.SerializationFailure:
            # Some row changed since this transaction began: lock the others.
            for interview_id in self.ids:
                try:
                    with cr.savepoint(flush=False):
                        cr.execute(
                            self._lock_query([interview_id]), log_exceptions=False
                        )
                        held.update(row[0] for row in cr.fetchall())
                except psycopg2.errors.SerializationFailure:
                    continue
        locked = self.browse(
            [interview_id for interview_id in self.ids if interview_id in held]
        )
        locked.invalidate_recordset()
        return locked

    def _lock_query(self, ids):
        return SQL(
            "SELECT id FROM %s WHERE id IN %s FOR NO KEY UPDATE SKIP LOCKED",
            SQL.identifier(self._table),
            tuple(ids),
        )

    def _check_officer(self):
        if not self.env.su and not self.env.user.has_group(OFFICER_GROUP):
            raise AccessError(
                self.env._(
                    "Only exit interview officers send the questions, cancel an "
                    "interview or reset it to draft."
                )
            )

    def _write_state(self, state):
        """Move to the state, as the action of the user's role does."""
        if not self.env.su and not self.env.user.has_group(STATE_ROLES[state]):
            raise AccessError(
                self.env._(
                    "Your role in exit interviews does not let you move an interview "
                    "to this status."
                )
            )
        return self.with_context(exit_interview_state=_STATE_BY_ACTION).write(
            {"state": state}
        )

    @api.model
    def _check_state_written_by_action(self, state):
        """The status moves through the actions only (data files excepted, which load
        in superuser mode)."""
        if self.env.su or self.env.context.get("exit_interview_state") is (
            _STATE_BY_ACTION
        ):
            return
        raise UserError(
            self.env._(
                "The status of an exit interview changes through its buttons only "
                "(Send Questions, Mark as Held, Share Report with Board...)."
            )
        )

    def _check_employee_change(self, employee_id):
        """The departing employee is who the interview is about: only an officer may
        correct it, while the interview is a draft."""
        if self.env.su:
            return
        changed = self.filtered(lambda i: i.employee_id.id != employee_id)
        if changed and (
            any(interview.state != "draft" for interview in changed)
            or not self.env.user.has_group(OFFICER_GROUP)
        ):
            raise UserError(
                self.env._(
                    "The departing employee of an exit interview cannot change once "
                    "its questions were sent; only an officer corrects it on a draft."
                )
            )
        if changed and employee_id:
            self._check_not_own_team(self.env["hr.employee"].browse(employee_id))

    def _check_questions_editable(self):
        if any(interview.state != "draft" for interview in self):
            raise UserError(
                self.env._(
                    "The questions were already sent to the employee: they can no "
                    "longer be added, removed or changed. Add your own points to the "
                    "interviewer's notes instead."
                )
            )

    def _copy_template_questions(self):
        """Copy the template's questions, in the employee's language: later edits of
        the template never change this interview."""
        self.ensure_one()
        lines = self.template_id._interview_line_values(self._leaver_lang())
        self.env["hr.exit.interview.line"].create(
            [dict(values, interview_id=self.id) for values in lines]
        )

    def _add_kept_out_users(self, users):
        """Keep the interviews from these users too (a new manager or coach): the list
        only ever grows."""
        for interview in self.sudo().filtered("leaders_kept_out"):
            missing = users - interview.kept_out_user_ids
            if missing:
                interview.kept_out_user_ids = [Command.link(u.id) for u in missing]
                # Nor do they follow it any more (as its creator, say).
                interview.message_unsubscribe(
                    partner_ids=(
                        missing.partner_id - interview.interviewer_id.partner_id
                    ).ids
                )

    @api.model
    def _check_not_own_team(self, employee):
        """Refuse, in words, an officer starting for someone else the interview of their
        own team member when the company keeps it from them (as the record rules do)."""
        if self.env.su or employee.company_id.exit_interview_manager_officer_access:
            return
        if self.env.user in employee.sudo()._exit_interview_leader_users():
            raise AccessError(
                self.env._(
                    "You are the manager or coach of %(employee)s: your organisation "
                    "keeps their exit interview from them. Ask another exit interview "
                    "officer to start it.",
                    employee=employee.name,
                )
            )

    def _leader_users(self):
        """The users of the employee's managers and coaches: those recorded at the
        creation and every one kept out since."""
        self.ensure_one()
        interview = self.sudo()
        return (
            interview.manager_id | interview.coach_id
        ).user_id | interview.kept_out_user_ids

    def _ratings(self):
        """The employee's answers to the rating questions, as numbers (1 to 5)."""
        self.ensure_one()
        return [int(r) for r in self.line_ids.mapped("answer_rating") if r]

    def _board_reads_answers(self):
        """Whether the board reads the employee's answers with the report: only
        when the employee agreed and the answers are their own (not typed in from
        paper). The record rule on the answers says the same in its domain."""
        self.ensure_one()
        return self.report_include_answers and not self.answers_transcribed

    def _open_wizard(self, res_model, name):
        """The window of a wizard on this interview."""
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": res_model,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_interview_id": self.id},
        }
