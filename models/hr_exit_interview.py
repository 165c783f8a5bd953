# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

STATES = [
    ("draft", "Draft"),
    ("invited", "Invited"),
    ("prepared", "Prepared"),
    ("held", "Held"),
    ("reported", "Reported"),
    ("evaluated", "Evaluated"),
    ("declined", "Declined"),
    ("cancelled", "Cancelled"),
]

# For each state, the states an interview may come from.
TRANSITIONS = {
    "invited": ("draft",),
    "prepared": ("invited",),
    "held": ("invited", "prepared"),
    "reported": ("held",),
    "evaluated": ("reported",),
    "declined": ("draft", "invited"),
    "cancelled": ("draft", "invited", "prepared", "held"),
    "draft": ("declined", "cancelled"),
}

SENIORITY_BANDS = [
    ("lt1", "Less than 1 year"),
    ("1to2", "1 to 2 years"),
    ("2to5", "2 to 5 years"),
    ("5to10", "5 to 10 years"),
    ("ge10", "10 years or more"),
]

# The addon's groups, for the checks in Python (views and rules name them in XML).
INTERVIEWER_GROUP = "hr_exit_interview.group_exit_interview_interviewer"
OFFICER_GROUP = "hr_exit_interview.group_exit_interview_officer"
BOARD_GROUP = "hr_exit_interview.group_exit_interview_board"
BOARD_FIELDS = {"board_evaluation", "measure_ids"}

# Texts the employee or interviewer wrote: never tracked, never copied.
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
)


class HrExitInterview(models.Model):
    _name = "hr.exit.interview"
    _description = "Exit Interview"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "last_working_day desc, id desc"
    _check_company_auto = True

    # === FIELDS === #

    name = fields.Char(compute="_compute_name", store=True)
    active = fields.Boolean(default=True)
    state = fields.Selection(
        STATES, string="Status", default="draft", required=True, tracking=True
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
    last_working_day = fields.Date(
        tracking=True,
    )
    career_jobs = fields.Text(
        string="Jobs Held",
        help="The jobs held as far as Odoo knows them, when the interview was created.",
    )
    seniority_months = fields.Integer(compute="_compute_seniority", store=True)
    seniority_display = fields.Char(
        string="Seniority", compute="_compute_seniority_display"
    )
    seniority_band = fields.Selection(
        SENIORITY_BANDS, compute="_compute_seniority", store=True
    )
    year = fields.Char(
        compute="_compute_year", store=True, help="Year of the last working day."
    )

    interviewer_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    interviewer_is_manager = fields.Boolean(compute="_compute_interviewer_is_manager")

    template_id = fields.Many2one(
        "hr.exit.interview.template",
        default=lambda self: self.env.company.exit_interview_template_id,
        check_company=True,
    )
    line_ids = fields.One2many(
        "hr.exit.interview.line", "interview_id", string="Questions", copy=False
    )
    rating_average = fields.Float(
        string="Average Rating",
        compute="_compute_rating_average",
        store=True,
        aggregator="avg",
        help="Average of the employee's answers to the rating questions (1 to 5).",
    )

    # Preparation by the interviewer (the guide: prepare the appreciation in advance)
    excelled_at = fields.Text(
        string="Where They Excelled",
        groups="hr_exit_interview.group_exit_interview_interviewer",
    )
    thank_for = fields.Text(
        string="What to Thank Them For",
        groups="hr_exit_interview.group_exit_interview_interviewer",
    )
    points_to_pass_on = fields.Text(
        string="Strengths and Points of Attention to Pass On",
        groups="hr_exit_interview.group_exit_interview_interviewer",
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
    keep_in_touch_volunteer = fields.Boolean(string="As a Volunteer")
    keep_in_touch_visitor = fields.Boolean(string="As a Visitor")
    keep_in_touch_newsletter = fields.Boolean(string="Through the Newsletter")
    keep_in_touch_none = fields.Boolean(string="No Further Contact")

    # The short report for the board
    report_include_answers = fields.Boolean(
        string="Answers in the Board Report",
        default=True,
        help="Untick to give the board the short report only, without the "
        "employee's detailed answers.",
    )
    report_summary = fields.Text(string="Short Report")
    reasons_for_leaving = fields.Text()
    advice_for_successor = fields.Text(string="Advice for the Successor")
    strengths = fields.Text(string="Strengths of the Organisation")
    points_to_improve = fields.Text(string="Points to Improve")
    # The board's evaluation (the guide: lessons, strengthening the organisation,
    # HR policy for current and new employees)
    board_evaluation = fields.Text(
        string="Lessons Learned",
        groups="hr_exit_interview.group_exit_interview_officer,"
        "hr_exit_interview.group_exit_interview_board",
    )
    measure_ids = fields.One2many(
        "hr.exit.interview.measure",
        "interview_id",
        string="Board Measures",
        groups="hr_exit_interview.group_exit_interview_officer,"
        "hr_exit_interview.group_exit_interview_board",
    )
    decline_reason = fields.Text(
        string="Reason for Declining",
        groups="hr_exit_interview.group_exit_interview_interviewer",
    )

    # === COMPUTE METHODS === #

    @api.depends("employee_id.name", "anonymised_on")
    def _compute_name(self):
        for interview in self:
            if interview.anonymised_on:
                interview.name = self.env._("Anonymised exit interview")
                continue
            interview.name = self.env._(
                "Exit interview of %(employee)s",
                employee=interview.employee_id.name or "",
            )

    @api.depends("hire_date", "last_working_day")
    def _compute_seniority(self):
        bands = ((12, "lt1"), (24, "1to2"), (60, "2to5"), (120, "5to10"))
        for interview in self:
            if not interview.hire_date:
                interview.seniority_months = 0
                interview.seniority_band = False
                continue
            end = interview.last_working_day or fields.Date.context_today(interview)
            delta = relativedelta(end, interview.hire_date)
            months = max(delta.years * 12 + delta.months, 0)
            interview.seniority_months = months
            interview.seniority_band = next(
                (band for limit, band in bands if months < limit), "ge10"
            )

    @api.depends("seniority_months", "hire_date")
    def _compute_seniority_display(self):
        for interview in self:
            months = interview.seniority_months
            interview.seniority_display = interview.hire_date and self.env._(
                "%(years)s years, %(months)s months",
                years=months // 12,
                months=months % 12,
            )

    @api.depends("last_working_day")
    def _compute_year(self):
        for interview in self:
            interview.year = (
                str(interview.last_working_day.year)
                if interview.last_working_day
                else False
            )

    @api.depends("interviewer_id", "manager_id", "coach_id")
    def _compute_interviewer_is_manager(self):
        for interview in self:
            interview.interviewer_is_manager = bool(
                interview.interviewer_id & interview._leader_users()
            )

    @api.depends("line_ids.answer_rating")
    def _compute_rating_average(self):
        for interview in self:
            ratings = [int(r) for r in interview.line_ids.mapped("answer_rating") if r]
            interview.rating_average = sum(ratings) / len(ratings) if ratings else 0.0

    # === CONSTRAINT METHODS === #

    @api.constrains(
        "keep_in_touch_none",
        "keep_in_touch_volunteer",
        "keep_in_touch_visitor",
        "keep_in_touch_newsletter",
    )
    def _check_keep_in_touch(self):
        for interview in self:
            if interview.keep_in_touch_none and (
                interview.keep_in_touch_volunteer
                or interview.keep_in_touch_visitor
                or interview.keep_in_touch_newsletter
            ):
                raise ValidationError(
                    self.env._(
                        "Keeping in touch and no further contact exclude each other: "
                        "untick one of them."
                    )
                )

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
            self.update(self._employee_snapshot(self.employee_id))

    # === CRUD METHODS === #

    @api.model_create_multi
    def create(self, vals_list):
        employees = self.env["hr.employee"].browse(
            [vals["employee_id"] for vals in vals_list if vals.get("employee_id")]
        )
        for vals in vals_list:
            if vals.get("employee_id"):
                employee = employees.browse(vals["employee_id"])
                if vals.get("interviewer_id", self.env.uid) != self.env.uid:
                    self._check_not_own_team(employee)
                vals.update(
                    {
                        key: value
                        for key, value in self._employee_snapshot(employee).items()
                        if key not in vals
                    }
                )
        # An interview is born a draft, so that its questions can be copied; one
        # imported or loaded in a later state (past interviews) then takes it.
        initial_states = [vals.pop("state", "draft") for vals in vals_list]
        interviews = super().create(vals_list)
        for interview, state in zip(interviews, initial_states, strict=True):
            if interview.template_id and not interview.line_ids:
                interview._copy_template_questions()
            if state != "draft":
                super(HrExitInterview, interview).write({"state": state})
            interview._subscribe_interviewer()
            # Odoo subscribes the creator directly, past _message_subscribe.
            interview.message_unsubscribe(partner_ids=interview._leader_partners().ids)
            interview._log_manager_as_interviewer()
        interviews.filtered("planned_start")._sync_calendar_event()
        return interviews

    def write(self, vals):
        self._check_board_writes_evaluation_only(vals)
        if "state" in vals:
            for interview in self:
                interview._check_transition(vals["state"])
        if "template_id" in vals and any(i.state != "draft" for i in self):
            raise UserError(
                self.env._(
                    "The questions were already sent: the template can only change "
                    "while the interview is a draft."
                )
            )
        previous_interviewers = (
            {interview: interview.interviewer_id for interview in self}
            if "interviewer_id" in vals
            else {}
        )
        result = super().write(vals)
        if "template_id" in vals:
            for interview in self:
                interview.line_ids.unlink()
                interview._copy_template_questions()
        for interview, previous in previous_interviewers.items():
            if previous != interview.interviewer_id:
                interview.message_unsubscribe(partner_ids=previous.partner_id.ids)
            interview._subscribe_interviewer()
            interview._log_manager_as_interviewer()
        if {"planned_start", "duration", "interviewer_id"} & vals.keys():
            self._sync_calendar_event()
        if vals.get("state") in ("cancelled", "declined"):
            self._archive_calendar_event(archive=True)
        return result

    def copy_data(self, default=None):
        # A copy is a new interview to prepare: no meeting, answers or report of the
        # original come along.
        default = dict(default or {}, state="draft", calendar_event_id=False)
        for field in CONFIDENTIAL_TEXT_FIELDS:
            default.setdefault(field, False)
        return super().copy_data(default=default)

    # === ACTION METHODS === #

    def action_invite(self):
        """Mark the preparatory questions as sent to the employee."""
        self._check_officer()
        self._check_can_invite()
        self.write({"state": "invited"})

    def action_mark_prepared(self):
        """The employee answered the preparatory questions (on paper or by mail)."""
        self.write({"state": "prepared"})

    def action_mark_held(self):
        self.write({"state": "held"})

    def action_report(self):
        """Finish the report: from now on the board can read it."""
        for interview in self:
            interview._check_transition("reported")
            if not interview.report_summary:
                raise UserError(
                    self.env._(
                        "Write the short report before sharing it with the board."
                    )
                )
        self.write({"state": "reported"})

    def action_evaluate(self):
        """The board has evaluated the report and formulated its actions."""
        if not self.env.user.has_group(BOARD_GROUP):
            raise AccessError(
                self.env._("Only a board member can close the board's evaluation.")
            )
        # Board members may write nothing else on the interview: the state moves in
        # superuser mode, once their right to read this report is checked.
        self.check_access("read")
        self.sudo().write({"state": "evaluated"})

    def action_decline(self):
        """The employee prefers not to take part: it cannot be forced."""
        self.write({"state": "declined"})

    def action_cancel(self):
        self._check_officer()
        self.write({"state": "cancelled"})

    def action_reset_draft(self):
        self._check_officer()
        self.write({"state": "draft"})
        self._archive_calendar_event(archive=False)

    # === BUSINESS METHODS === #

    def _check_transition(self, new_state):
        if self.state == new_state:
            return
        if self.state in TRANSITIONS.get(new_state, ()):
            return
        states = dict(self._fields["state"]._description_selection(self.env))
        hints = {
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
            "reported": self.env._(
                "Only a held interview can be reported: mark it as held first."
            ),
            "evaluated": self.env._(
                "The board evaluates reported interviews only: the interviewer must "
                "finish the report first."
            ),
            "declined": self.env._(
                "Only an interview that was not prepared yet can be declined: cancel "
                "it instead."
            ),
            "cancelled": self.env._(
                "A reported interview belongs to the board's record and cannot be "
                "cancelled."
            ),
            "draft": self.env._(
                "Only a cancelled or declined interview can be reset to draft."
            ),
        }
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

    def _check_officer(self):
        if not self.env.su and not self.env.user.has_group(OFFICER_GROUP):
            raise AccessError(
                self.env._(
                    "Only exit interview officers send the questions, cancel an "
                    "interview or reset it to draft."
                )
            )

    @api.model
    def _check_not_own_team(self, employee):
        """Refuse, in words, an officer starting for someone else the interview of their
        own team member when the company keeps it from them (as the record rules do)."""
        if self.env.su or employee.company_id.exit_interview_manager_officer_access:
            return
        leaders = (employee.parent_id | employee.coach_id).sudo().user_id
        if self.env.user in leaders:
            raise AccessError(
                self.env._(
                    "You are the manager or coach of %(employee)s: your organisation "
                    "keeps their exit interview from them. Ask another exit interview "
                    "officer to start it.",
                    employee=employee.name,
                )
            )

    def _check_board_writes_evaluation_only(self, vals):
        """Board members write the evaluation and its actions, nothing else, on the
        interviews they do not hold themselves."""
        user = self.env.user
        if (
            self.env.su
            or not user.has_group(BOARD_GROUP)
            or user.has_group(OFFICER_GROUP)
        ):
            return
        if not set(vals) - BOARD_FIELDS:
            if any(interview.state != "reported" for interview in self):
                raise UserError(
                    self.env._("The board evaluates an interview while it is reported.")
                )
        elif any(interview.interviewer_id != user for interview in self):
            raise AccessError(
                self.env._(
                    "As a board member you write the evaluation and its measures only."
                )
            )

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
        lang = self.employee_id.lang or self.env.lang
        questions = self.template_id.with_context(lang=lang).question_ids.sorted()
        self.env["hr.exit.interview.line"].create(
            [
                {
                    "interview_id": self.id,
                    "sequence": index,
                    "question_id": question.id,
                    "section_name": question.section_id.name,
                    "question": question.name,
                    "help_text": question.help_text,
                    "question_type": question.question_type,
                }
                for index, question in enumerate(questions, start=1)
            ]
        )

    def _leader_users(self):
        """The users of the employee's manager and coach recorded on the interview."""
        self.ensure_one()
        return (self.manager_id | self.coach_id).sudo().user_id

    @api.model
    def _employee_snapshot(self, employee):
        """The facts of the employee at creation, kept when the employee changes."""
        return {
            "company_id": employee.company_id.id,
            "department_id": employee.department_id.id,
            "job_id": employee.job_id.id,
            "job_title": employee.job_title,
            "manager_id": employee.parent_id.id,
            "coach_id": employee.coach_id.id,
            "hire_date": self._employee_hire_date(employee),
            "departure_reason_id": employee.departure_reason_id.id,
            "last_working_day": employee.departure_date,
            "career_jobs": self._employee_career(employee),
        }

    @api.model
    def _employee_hire_date(self, employee):
        # hr_contract, when installed, knows the first contract; else the record's age.
        if "first_contract_date" in employee._fields and employee.first_contract_date:
            return employee.first_contract_date
        return employee.create_date and employee.create_date.date()

    @api.model
    def _employee_career(self, employee):
        jobs = []
        # hr_skills, when installed, keeps the employee's resume.
        if "resume_line_ids" in employee._fields:
            for line in employee.resume_line_ids.sorted("date_start"):
                period = line.date_start and fields.Date.to_string(line.date_start)
                jobs.append(f"{period or ''} {line.name}".strip())
        current = ", ".join(
            filter(None, [employee.job_title, employee.department_id.name])
        )
        if current and current not in jobs:
            jobs.append(current)
        return "\n".join(jobs) or False

    def _keep_in_touch_display(self):
        self.ensure_one()
        wishes = [
            self._fields[name].get_description(self.env)["string"]
            for name in (
                "keep_in_touch_volunteer",
                "keep_in_touch_visitor",
                "keep_in_touch_newsletter",
                "keep_in_touch_none",
            )
            if self[name]
        ]
        return ", ".join(wishes) or "-"
