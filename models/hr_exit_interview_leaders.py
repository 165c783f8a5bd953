# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Command


class HrExitInterview(models.Model):
    """The employee's manager and coach: kept out of the interview (the record rules
    read the stored list), warned against or refused as its interviewer."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

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

    # === COMPUTE METHODS === #

    @api.depends("interviewer_id", "manager_id", "coach_id", "kept_out_user_ids")
    def _compute_interviewer_is_manager(self):
        for interview in self:
            interview.interviewer_is_manager = bool(
                interview.interviewer_id & interview._leader_users()
            )

    # === CONSTRAINT METHODS === #

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

    # === BUSINESS METHODS === #

    def _add_kept_out_users(self, users):
        """Keep the interviews from these users too (a new manager or coach): the list
        only ever grows."""
        for interview in self.sudo().filtered("leaders_kept_out"):
            missing = users - interview.kept_out_user_ids
            if missing:
                interview.kept_out_user_ids = [Command.link(u.id) for u in missing]

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
