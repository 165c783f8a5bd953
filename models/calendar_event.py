# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import float_compare

MEETING_STATES = ("draft", "invited", "prepared")


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    def write(self, vals):
        result = super().write(vals)
        if {"start", "stop", "duration"} & vals.keys():
            self._exit_interview_follow_move()
        return result

    def _exit_interview_follow_move(self):
        """A meeting moved in the calendar moves its interview, whose employee
        hears of it from the interview's own mail (Odoo's calendar does not mail
        them): the interview and its event never tell two dates."""
        for event in self.filtered(
            lambda event: event.res_model == "hr.exit.interview" and event.res_id
        ):
            # Whoever may move the meeting (its attendees, private as it is) moves
            # the interview's date with it, and nothing else of it.
            interview = self.env["hr.exit.interview"].sudo().browse(event.res_id)
            if (
                not interview.exists()
                or interview.state not in MEETING_STATES
                or interview.calendar_event_id != event
            ):
                continue
            if interview.planned_start == event.start and not float_compare(
                interview.duration, event.duration, precision_digits=2
            ):
                continue
            interview.write({"planned_start": event.start, "duration": event.duration})
            if interview.state != "draft":
                interview._mail_meeting_change(
                    "hr_exit_interview.mail_template_exit_interview_meeting_moved"
                )
