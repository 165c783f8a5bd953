# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.3.0: a contact kept in touch with is seen by officers and the person who
keeps in touch only, and exists from the employee's last working day on, while
they consent and the interview stands. The contacts linked before are marked so;
those linked too early or no longer wanted lose the tag and the to-do (they were
not known to be the addon's own, so none is deleted)."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    interviews = (
        env["hr.exit.interview"]
        .with_context(active_test=False)
        .search([("keep_in_touch_partner_id", "!=", False)])
    )
    for interview in interviews:
        person = (
            interview.company_id.exit_interview_keep_in_touch_user_id
            or interview.create_uid
        )
        interview.keep_in_touch_partner_id.write(
            {
                "exit_interview_keep_in_touch": True,
                "exit_interview_keep_in_touch_user_id": person.id,
            }
        )
    interviews._keep_in_touch_sync(wish_changed=interviews.browse())
