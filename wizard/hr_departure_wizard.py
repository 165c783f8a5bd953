# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools.misc import format_datetime

from ..models.hr_exit_interview import OFFICER_GROUP


class HrDepartureWizard(models.TransientModel):
    _inherit = "hr.departure.wizard"

    plan_exit_interview = fields.Boolean(
        string="Plan an Exit Interview",
        compute="_compute_plan_exit_interview",
        store=True,
        readonly=False,
        precompute=True,
    )
    has_exit_interview = fields.Boolean(compute="_compute_has_exit_interview")
    exit_interviewer_id = fields.Many2one(
        "res.users",
        string="Interviewer",
        domain="[('share', '=', False)]",
        default=lambda self: self.env.user,
    )
    exit_interview_template_id = fields.Many2one(
        "hr.exit.interview.template",
        default=lambda self: self.env.company.exit_interview_template_id,
    )

    @api.depends("departure_reason_id", "has_exit_interview")
    def _compute_plan_exit_interview(self):
        may_plan = self.env.user.has_group(OFFICER_GROUP)
        for wizard in self:
            # The reason first: a departure that proposes nothing looks for nothing.
            wizard.plan_exit_interview = (
                may_plan
                and wizard.departure_reason_id.plan_exit_interview
                and not wizard.has_exit_interview
            )

    @api.depends("employee_id")
    def _compute_has_exit_interview(self):
        if not self.env.user.has_group(OFFICER_GROUP):
            self.has_exit_interview = False
            return
        for wizard in self:
            wizard.has_exit_interview = bool(wizard._existing_exit_interview())

    def action_register_departure(self):
        result = super().action_register_departure()
        if self.plan_exit_interview and not self._existing_exit_interview():
            self.env["hr.exit.interview"].create(self._exit_interview_values())
        return result

    def action_register_departure_and_plan(self):
        """Apply: register the departure, then say what was planned. Other modules'
        overrides of action_register_departure (hr_holidays, hr_contract, ...) drop
        what it returns, whatever the order they load in: the form's button asks here
        instead."""
        if not self.plan_exit_interview:
            return self.action_register_departure()
        planned_before = self._existing_exit_interview()
        result = self.action_register_departure()
        planned = self._existing_exit_interview() - planned_before
        if planned:
            return self._exit_interview_planned_action(planned)
        return result

    def _exit_interview_planned_action(self, interview):
        """Say what was planned, then open the interview: its questions are to be
        checked and sent from there."""
        if interview.planned_start:
            message = self.env._(
                "%(interviewer)s holds the exit interview of %(employee)s, proposed "
                "on %(day)s. Check the questions, then send them.",
                interviewer=interview.interviewer_id.name,
                employee=interview.employee_id.name,
                day=format_datetime(
                    self.env,
                    interview.planned_start,
                    tz=self.env.user.tz,
                    dt_format="EEEE d MMMM y, HH:mm",
                    # The message's language, not the company's when none is set.
                    lang_code=self.env.lang or "en_US",
                ),
            )
        else:
            message = self.env._(
                "%(interviewer)s holds the exit interview of %(employee)s; no meeting "
                "is planned yet. Check the questions, then send them.",
                interviewer=interview.interviewer_id.name,
                employee=interview.employee_id.name,
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Exit interview planned"),
                "message": message,
                "type": "success",
                "next": {
                    "type": "ir.actions.act_window",
                    "res_model": "hr.exit.interview",
                    "res_id": interview.id,
                    "views": [(False, "form")],
                    "target": "current",
                },
            },
        }

    def _existing_exit_interview(self):
        return self.env["hr.exit.interview"].search(
            [("employee_id", "=", self.employee_id.id), ("state", "!=", "cancelled")],
            limit=1,
        )

    def _exit_interview_values(self):
        return {
            "employee_id": self.employee_id.id,
            "interviewer_id": self.exit_interviewer_id.id,
            "template_id": self.exit_interview_template_id.id,
            "departure_reason_id": self.departure_reason_id.id,
            "last_working_day": self.departure_date,
        }
