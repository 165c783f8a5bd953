# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.1.0: the letter names the meeting as a person writes it, in the employee's
language and time zone, and says nothing of a meeting that is not planned. The
interviewer's "answers are in" activities get their own type, by which the addon
closes them when the interview moves on. The interview's name is no longer stored
(each reader reads it in their language): its column goes, and with it the names of
employees that anonymisation would no longer erase from it. The activities of an
interview stored its name with the employee's: they now store its neutral name."""

from openupgradelib import openupgrade

from odoo.tools.translate import code_translations

ANSWERS_IN_SUMMARY = "Prepare the exit interview: the answers are in"


@openupgrade.migrate()
def migrate(env, version):
    cr = env.cr
    cr.execute("ALTER TABLE hr_exit_interview DROP COLUMN IF EXISTS name")
    # The mail templates are noupdate, which an update never rewrites: their new
    # wording is loaded once, here (the translations follow from the .po files).
    openupgrade.load_data(env, "hr_exit_interview", "data/mail_template_data.xml")

    # The summary was written in the language of the employee's portal page.
    summaries = {ANSWERS_IN_SUMMARY}
    for lang, _name in env["res.lang"].get_installed():
        translations = code_translations.get_python_translations(
            "hr_exit_interview", lang
        )
        summaries.add(translations.get(ANSWERS_IN_SUMMARY, ANSWERS_IN_SUMMARY))
    cr.execute(
        "UPDATE mail_activity SET activity_type_id = %s "
        "WHERE res_model = 'hr.exit.interview' AND summary IN %s",
        [
            env.ref("hr_exit_interview.mail_activity_type_answers_in").id,
            tuple(summaries),
        ],
    )
    activities = env["mail.activity"].search([("res_model", "=", "hr.exit.interview")])
    env.add_to_compute(activities._fields["res_name"], activities)
    activities.flush_recordset(["res_name"])
