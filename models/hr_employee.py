# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # Where the employee's link goes: tracked, so that the sending window can say who
    # changed it last (an address planted before the questions go out).
    private_email = fields.Char(tracking=True)
    work_contact_id = fields.Many2one(tracking=True)
    exit_interview_ids = fields.One2many(
        "hr.exit.interview",
        "employee_id",
        string="Exit Interviews",
        groups="hr_exit_interview.group_exit_interview_officer",
    )
    exit_interview_count = fields.Integer(
        compute="_compute_exit_interview_count",
        groups="hr_exit_interview.group_exit_interview_officer",
    )

    def _compute_exit_interview_count(self):
        counts = dict(
            self.env["hr.exit.interview"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.exit_interview_count = counts.get(employee, 0)

    def write(self, vals):
        result = super().write(vals)
        # A new manager or coach is kept out of the open exit interviews as the
        # former ones are: the list of who is kept out only grows.
        if {"parent_id", "coach_id"} & vals.keys():
            for employee in self.sudo():
                employee.with_context(
                    active_test=False
                ).exit_interview_ids._add_kept_out_users(
                    employee._exit_interview_leader_users()
                )
        if vals.get("user_id"):
            # A manager's record gets a user: that user is kept out too.
            interviews = (
                self.env["hr.exit.interview"]
                .sudo()
                .with_context(active_test=False)
                .search(
                    [
                        "|",
                        "|",
                        "|",
                        ("manager_id", "in", self.ids),
                        ("coach_id", "in", self.ids),
                        ("employee_id.parent_id", "in", self.ids),
                        ("employee_id.coach_id", "in", self.ids),
                    ]
                )
            )
            interviews._add_kept_out_users(self.sudo().user_id)
        return result

    def toggle_active(self):
        action = super().toggle_active()
        if (
            isinstance(action, dict)
            and action.get("res_model") == "hr.departure.wizard"
        ):
            departure_date = self._exit_interview_departure_date()
            if departure_date:
                action["context"] = dict(
                    action.get("context") or {},
                    default_departure_date=fields.Date.to_string(departure_date),
                )
        return action

    def _exit_interview_departure_date(self):
        """The departure date the departure wizard proposes, when the user may not
        read what it is proposed from: hr_contract's reads the contracts, wages
        included, which exit interview officers may not read. Set in the wizard's
        context, it spares the wizard that default."""
        wizard = self.env["hr.departure.wizard"].with_context(active_id=self.id)
        try:
            wizard._get_default_departure_date()
        except AccessError:
            return self.departure_date or fields.Date.context_today(self)
        return False

    def action_open_exit_interviews(self):
        """Open the employee's exit interview, or a new one to plan."""
        self.ensure_one()
        interviews = self.exit_interview_ids.filtered(lambda i: i.state != "cancelled")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_exit_interview.hr_exit_interview_action"
        )
        action["context"] = {"default_employee_id": self.id}
        if len(interviews) == 1:
            action.update(
                view_mode="form", views=[(False, "form")], res_id=interviews.id
            )
        elif not interviews:
            action.update(view_mode="form", views=[(False, "form")], target="current")
        else:
            action["domain"] = [("employee_id", "=", self.id)]
        return action

    def _exit_interview_snapshot(self):
        """The facts of the employee that an exit interview keeps from its creation
        on, whatever later happens to the employee's record."""
        self.ensure_one()
        return {
            "company_id": self.company_id.id,
            "department_id": self.department_id.id,
            "job_id": self.job_id.id,
            "job_title": self.job_title,
            "manager_id": self.parent_id.id,
            "coach_id": self.coach_id.id,
            "hire_date": self._exit_interview_hire_date(),
            "departure_reason_id": self.departure_reason_id.id,
            "last_working_day": self.departure_date,
            "career_jobs": self._exit_interview_career(),
        }

    def _exit_interview_leader_users(self):
        """The users of the employee's manager and coach."""
        return (self.parent_id | self.coach_id).user_id

    def _exit_interview_hire_date(self):
        """When the employee started: the start of service that OCA's
        hr_employee_service keeps, else the first contract that hr_contract knows
        (read in superuser mode: officers may not read contracts), else the day the
        employee's record was made."""
        employee = self.sudo()
        for field in ("service_start_date", "first_contract_date"):
            if field in self._fields and employee[field]:
                return employee[field]
        return self.create_date and self.create_date.date()

    def _exit_interview_greeting_name(self):
        """The name a letter greets the employee by, first name first: OCA's
        hr_employee_firstname may list names last name first ("Van den Broeck Els"),
        which reads wrong after "Dag"."""
        self.ensure_one()
        if "firstname" in self._fields and (self.firstname or self.lastname):
            return " ".join(filter(None, [self.firstname, self.lastname]))
        return self.name

    def _exit_interview_career(self):
        jobs = []
        # hr_skills, when installed, keeps the employee's resume: its work
        # experience are the jobs held (not the education, nor other kinds of lines).
        if "resume_line_ids" in self._fields:
            experience = self.env.ref(
                "hr_skills.resume_type_experience", raise_if_not_found=False
            )
            lines = self.resume_line_ids.filtered(
                lambda line: experience and line.line_type_id == experience
            )
            for line in lines.sorted("date_start"):
                period = line.date_start and fields.Date.to_string(line.date_start)
                jobs.append(f"{period or ''} {line.name}".strip())
        current = ", ".join(filter(None, [self.job_title, self.department_id.name]))
        if current and current not in jobs:
            jobs.append(current)
        return "\n".join(jobs) or False
