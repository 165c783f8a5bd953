# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError
from odoo.tools import float_compare

MEETING_STATES = ("draft", "invited", "prepared")
TIME_FIELDS = {"start", "stop", "duration", "allday", "start_date", "stop_date"}


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    def write(self, vals):
        moving = bool(TIME_FIELDS & vals.keys())
        if moving:
            self._exit_interview_check_move()
        result = super().write(vals)
        if moving:
            self._exit_interview_follow_move()
        return result

    def _exit_interview_meetings(self):
        """{event: its interview} of the events that are the meeting of an exit
        interview still to be held."""
        meetings = {}
        for event in self.filtered(
            lambda event: event.res_model == "hr.exit.interview" and event.res_id
        ):
            interview = self.env["hr.exit.interview"].sudo().browse(event.res_id)
            if (
                interview.exists()
                and interview.state in MEETING_STATES
                and interview.calendar_event_id == event
            ):
                meetings[event] = interview
        return meetings

    def _exit_interview_check_move(self):
        """An attendee who may not change the interview (its employee, with an
        account of their own) does not move its meeting either."""
        if self.env.su:
            return
        for interview in self._exit_interview_meetings().values():
            if not interview.with_env(self.env).has_access("write"):
                raise AccessError(
                    self.env._(
                        "This meeting belongs to an exit interview: ask its "
                        "interviewer or an exit interview officer to move it."
                    )
                )

    def _exit_interview_follow_move(self):
        """A meeting moved in the calendar moves its interview, whose employee
        hears of it from the interview's own mail (Odoo's calendar does not mail
        them): the interview and its event never tell two dates."""
        for event, interview in self._exit_interview_meetings().items():
            if interview.planned_start == event.start and not float_compare(
                interview.duration, event.duration, precision_digits=2
            ):
                continue
            # The interview's date follows, and nothing else of it.
            interview.write({"planned_start": event.start, "duration": event.duration})
            if interview.state != "draft":
                interview._mail_meeting_change(
                    "hr_exit_interview.mail_template_exit_interview_meeting_moved"
                )
