# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.0.0: the month of departure joins the statistics kept after anonymisation;
interviews that still have their last working day get it from there."""


def migrate(cr, version):
    cr.execute(
        "UPDATE hr_exit_interview "
        "SET departure_month = date_trunc('month', last_working_day)::date "
        "WHERE last_working_day IS NOT NULL AND departure_month IS NULL"
    )
