# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.4.0: the departing employee is no attendee of their interview's meeting
(every internal user may search a meeting's attendees); they learn of it from the
interview's own mails. The meetings booked before lose them, mailing no one."""

from openupgradelib import openupgrade

from odoo.fields import Command


@openupgrade.migrate()
def migrate(env, version):
    interviews = (
        env["hr.exit.interview"]
        .with_context(active_test=False)
        .search([("calendar_event_id", "!=", False)])
    )
    for interview in interviews:
        leaver = interview.employee_id.work_contact_id
        event = interview.calendar_event_id.with_context(
            active_test=False, no_mail_to_attendees=True
        )
        if leaver and leaver in event.partner_ids:
            event.partner_ids = [Command.unlink(leaver.id)]
