# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.0.0: the month of departure joins the statistics kept after anonymisation;
interviews that still have their last working day get it from there. The users an
interview is kept from are stored on it (the record rules read that list): for the
interviews of companies that keep managers out, the users of the manager and coach
recorded on the interview and of the employee's current ones. The summary's minimum
group is 3 at least. The employees' links sent before stop working, and the officers
are asked to send the questions again where they are still open."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    cr = env.cr
    cr.execute(
        "UPDATE hr_exit_interview "
        "SET departure_month = date_trunc('month', last_working_day)::date "
        "WHERE last_working_day IS NOT NULL AND departure_month IS NULL"
    )
    cr.execute(
        "UPDATE hr_exit_interview i SET leaders_kept_out = TRUE FROM res_company c "
        "WHERE c.id = i.company_id "
        "AND NOT COALESCE(c.exit_interview_manager_officer_access, FALSE)"
    )
    cr.execute(
        """
        INSERT INTO hr_exit_interview_kept_out_user_rel (interview_id, user_id)
        SELECT DISTINCT i.id, leader.user_id
          FROM hr_exit_interview i
          LEFT JOIN hr_employee emp ON emp.id = i.employee_id
          JOIN hr_employee leader
            ON leader.id IN (i.manager_id, i.coach_id, emp.parent_id, emp.coach_id)
         WHERE i.leaders_kept_out AND leader.user_id IS NOT NULL
        ON CONFLICT DO NOTHING
        """
    )
    cr.execute(
        "UPDATE res_company SET exit_interview_min_group_size = 3 "
        "WHERE exit_interview_min_group_size < 3"
    )
    # The mail templates are noupdate, which an update never rewrites: their new
    # wording (the link from the sending, the notice) is loaded once, here.
    openupgrade.load_data(env, "hr_exit_interview", "data/mail_template_data.xml")
    # No mail for the activities: an update is not a reason to notify anyone.
    env = env(context={"mail_activity_quick_update": True})
    for interview in env["hr.exit.interview"].search([("state", "=", "invited")]):
        interview.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=interview.create_uid.id,
            summary="Send the questions again: an update renewed the personal links",
        )
