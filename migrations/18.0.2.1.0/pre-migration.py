# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.1.0: the wish to keep in touch becomes one choice. The four booleans of
before map to it by the guide's order (volunteer, regular visitor, newsletter, no
further contact); Odoo drops their columns once the update is done, so the choice is
written here, before."""

from openupgradelib import openupgrade

from odoo.tools import sql


@openupgrade.migrate()
def migrate(env, version):
    cr = env.cr
    if not openupgrade.column_exists(
        cr, "hr_exit_interview", "keep_in_touch_volunteer"
    ):
        return
    sql.create_column(cr, "hr_exit_interview", "keep_in_touch", "varchar")
    openupgrade.logged_query(
        cr,
        """
        UPDATE hr_exit_interview
           SET keep_in_touch = CASE
                   WHEN keep_in_touch_volunteer THEN 'volunteer'
                   WHEN keep_in_touch_visitor THEN 'visitor'
                   WHEN keep_in_touch_newsletter THEN 'newsletter'
                   WHEN keep_in_touch_none THEN 'none'
               END
         WHERE keep_in_touch IS NULL
        """,
    )
