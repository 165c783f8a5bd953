# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.0.0: the board's actions become measures (hr.exit.interview.measure), so
that they no longer read as Odoo window actions, and the record rules leave noupdate.

Renamed in place, before the module's data loads: the table and its indexes and
constraints, the model and its fields, every reference by model name (messages,
followers, activities, attachments, views, window actions, filters) and the records'
external ids, so that ids, followers, messages and activities stay as they were and
users' favourites keep their window actions."""

from openupgradelib import openupgrade

MODULE = "hr_exit_interview"
OLD_MODEL, NEW_MODEL = "hr.exit.interview.action", "hr.exit.interview.measure"
OLD_TABLE, NEW_TABLE = "hr_exit_interview_action", "hr_exit_interview_measure"

_xmlid_renames = [
    (f"{MODULE}.{old}", f"{MODULE}.{old.replace(OLD_TABLE, NEW_TABLE)}")
    for old in (
        "hr_exit_interview_action_view_list",
        "hr_exit_interview_action_view_kanban",
        "hr_exit_interview_action_view_form",
        "hr_exit_interview_action_view_search",
        "hr_exit_interview_action_action",
        "hr_exit_interview_action_menu",
        "hr_exit_interview_action_rule_officer",
        "hr_exit_interview_action_rule_board",
        "hr_exit_interview_action_rule_responsible",
        "hr_exit_interview_action_rule_company",
        "access_hr_exit_interview_action_officer",
        "access_hr_exit_interview_action_board",
        "access_hr_exit_interview_action_responsible",
    )
] + [
    (f"{MODULE}.{old}", f"{MODULE}.{new}")
    for old, new in (
        ("hr_exit_interview_board_action", "hr_exit_interview_action_board"),
        ("hr_exit_interview_analysis_action", "hr_exit_interview_action_analysis"),
        ("demo_action_onboarding", "demo_measure_onboarding"),
        (
            "field_hr_exit_interview__board_action_ids",
            "field_hr_exit_interview__measure_ids",
        ),
    )
]

_field_renames = [
    ("hr.exit.interview", "hr_exit_interview", "board_action_ids", "measure_ids"),
]

# The model-name columns that openupgrade.rename_models leaves as they are.
_model_name_columns = [("ir_ui_view", "model"), ("ir_act_window", "res_model")]

CHANGED_MAIL_TEMPLATES = (
    "mail_template_exit_interview_invitation",
    "mail_template_exit_interview_reminder",
)


def _rename_prefix(cr, table, column, old, new, where="TRUE"):
    """Rename the values of table.column that start with old."""
    openupgrade.logged_query(
        cr,
        f"UPDATE {table} SET {column} = %s || substr({column}, %s) "
        f"WHERE {column} LIKE %s AND {where}",
        [new, len(old) + 1, old.replace("_", "\\_") + "%"],
    )


def _rename_model(env):
    cr = env.cr
    if not openupgrade.table_exists(cr, OLD_TABLE):
        return
    openupgrade.rename_models(cr, [(OLD_MODEL, NEW_MODEL)])
    openupgrade.rename_tables(cr, [(OLD_TABLE, NEW_TABLE)])
    for table, column in _model_name_columns:
        openupgrade.logged_query(
            cr,
            f"UPDATE {table} SET {column} = %s WHERE {column} = %s",
            [NEW_MODEL, OLD_MODEL],
        )
    # rename_models renames the fields' external ids, not the selection values'.
    _rename_prefix(
        cr,
        "ir_model_data",
        "name",
        f"selection__{OLD_TABLE}__",
        f"selection__{NEW_TABLE}__",
        where=f"module = '{MODULE}'",
    )
    # rename_tables renames the constraints, not the rows that reflect them.
    _rename_prefix(cr, "ir_model_constraint", "name", OLD_TABLE + "_", NEW_TABLE + "_")
    openupgrade.rename_fields(env, _field_renames)


def _forget_links(cr):
    """The employee's link is a bearer secret kept nowhere from now on: links sent
    before are cut out of every stored message and queued mail, and stop working
    (the interviews no longer keep their token; officers send the questions again)."""
    for table, column in (("mail_message", "body"), ("mail_mail", "body_html")):
        openupgrade.logged_query(
            cr,
            f"UPDATE {table} SET {column} = regexp_replace({column}, %s, %s, 'g') "
            f"WHERE {column} LIKE %s",
            [
                r"access_token=[A-Za-z0-9_-]+",
                "access_token=removed",
                "%/my/exit-interviews/%",
            ],
        )
    openupgrade.logged_query(cr, "UPDATE hr_exit_interview SET access_token = NULL")
    # No employee agreed that the board reads their answers: the notice they read
    # said only the interviewer does.
    openupgrade.logged_query(
        cr, "UPDATE hr_exit_interview SET report_include_answers = FALSE"
    )
    # The mail templates are noupdate: the post-migration loads their new wording
    # once. Their translations go here (they call get_portal_url()); the update
    # loads the new ones from the .po files.
    openupgrade.logged_query(
        cr,
        """
        UPDATE mail_template t
           SET body_html = jsonb_build_object('en_US', t.body_html->'en_US'),
               subject = jsonb_build_object('en_US', t.subject->'en_US')
          FROM ir_model_data d
         WHERE d.module = %s AND d.model = 'mail.template'
           AND d.res_id = t.id AND d.name IN %s
        """,
        [MODULE, CHANGED_MAIL_TEMPLATES],
    )


@openupgrade.migrate()
def migrate(env, version):
    _rename_model(env)
    openupgrade.rename_xmlids(env.cr, _xmlid_renames)
    _forget_links(env.cr)
    # The record rules are updatable from now on (see the security file): an update
    # rewrites them from the module's data instead of keeping the installed ones.
    openupgrade.logged_query(
        env.cr,
        "UPDATE ir_model_data SET noupdate = FALSE "
        "WHERE module = %s AND model = 'ir.rule'",
        [MODULE],
    )
