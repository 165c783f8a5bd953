# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.0.0: the board's actions become measures (hr.exit.interview.measure), so
that they no longer read as Odoo window actions, and the record rules leave noupdate.

Renamed in place, before the module's data loads: the table and its indexes and
constraints, the model and its fields, every reference by model name (messages,
followers, activities, attachments, views, window actions, filters) and the records'
external ids, so that ids, followers, messages and activities stay as they were and
users' favourites keep their window actions."""

from psycopg2 import sql

from odoo.tools import sql as sql_tools

OLD_MODEL, NEW_MODEL = "hr.exit.interview.action", "hr.exit.interview.measure"
OLD_TABLE, NEW_TABLE = "hr_exit_interview_action", "hr_exit_interview_measure"

# External ids of the module's own records: old name -> new name.
RENAMED_XMLIDS = {
    name: name.replace(OLD_TABLE, NEW_TABLE)
    for name in (
        "model_hr_exit_interview_action",
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
}
RENAMED_XMLIDS.update(
    {
        "hr_exit_interview_board_action": "hr_exit_interview_action_board",
        "hr_exit_interview_analysis_action": "hr_exit_interview_action_analysis",
        "demo_action_onboarding": "demo_measure_onboarding",
    }
)

CHANGED_MAIL_TEMPLATES = (
    "mail_template_exit_interview_invitation",
    "mail_template_exit_interview_reminder",
)

# Columns that hold a model's name.
MODEL_NAME_COLUMNS = (
    ("ir_model_data", "model"),
    ("ir_model_fields", "model"),
    ("ir_model_fields", "relation"),
    ("ir_ui_view", "model"),
    ("ir_act_window", "res_model"),
    ("ir_filters", "model_id"),
    ("ir_attachment", "res_model"),
    ("mail_message", "model"),
    ("mail_followers", "res_model"),
    ("mail_activity", "res_model"),
)


def _rename_model(cr):
    cr.execute("SELECT 1 FROM ir_model WHERE model = %s", [OLD_MODEL])
    if not cr.rowcount:
        return
    cr.execute(
        sql.SQL("ALTER TABLE {} RENAME TO {}").format(
            sql.Identifier(OLD_TABLE), sql.Identifier(NEW_TABLE)
        )
    )
    cr.execute(
        "SELECT c.relname FROM pg_class c WHERE c.relname LIKE %s AND c.relkind IN "
        "('i', 'S')",
        [OLD_TABLE + "\\_%"],
    )
    for (name,) in cr.fetchall():
        cr.execute(
            sql.SQL("ALTER {} {} RENAME TO {}").format(
                sql.SQL("SEQUENCE" if name.endswith("_seq") else "INDEX"),
                sql.Identifier(name),
                sql.Identifier(NEW_TABLE + name[len(OLD_TABLE) :]),
            )
        )
    cr.execute(
        "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass "
        "AND conname LIKE %s",
        [NEW_TABLE, OLD_TABLE + "\\_%"],
    )
    for (name,) in cr.fetchall():
        cr.execute(
            sql.SQL("ALTER TABLE {} RENAME CONSTRAINT {} TO {}").format(
                sql.Identifier(NEW_TABLE),
                sql.Identifier(name),
                sql.Identifier(NEW_TABLE + name[len(OLD_TABLE) :]),
            )
        )
    cr.execute(
        "UPDATE ir_model_constraint SET name = %s || substr(name, %s) "
        "WHERE name LIKE %s",
        [NEW_TABLE, len(OLD_TABLE) + 1, OLD_TABLE + "\\_%"],
    )
    cr.execute(
        "UPDATE ir_model SET model = %s WHERE model = %s", [NEW_MODEL, OLD_MODEL]
    )
    for table, column in MODEL_NAME_COLUMNS:
        if not sql_tools.column_exists(cr, table, column):
            continue
        cr.execute(
            sql.SQL("UPDATE {table} SET {column} = %s WHERE {column} = %s").format(
                table=sql.Identifier(table), column=sql.Identifier(column)
            ),
            [NEW_MODEL, OLD_MODEL],
        )
    # The external ids of the model's fields and selection values carry its table name.
    for prefix in ("field_", "selection__"):
        cr.execute(
            "UPDATE ir_model_data SET name = %s || substr(name, %s) "
            "WHERE module = 'hr_exit_interview' AND name LIKE %s",
            [
                prefix + NEW_TABLE + "__",
                len(prefix + OLD_TABLE + "__") + 1,
                prefix + OLD_TABLE + "\\_\\_%",
            ],
        )


def _rename_xmlids(cr):
    for old, new in RENAMED_XMLIDS.items():
        cr.execute(
            "UPDATE ir_model_data SET name = %s "
            "WHERE module = 'hr_exit_interview' AND name = %s",
            [new, old],
        )


def _forget_links(cr):
    """The employee's link is a bearer secret kept nowhere from now on: links sent
    before are cut out of every stored message and queued mail, and stop working
    (the interviews no longer keep their token; officers send the questions again)."""
    token = r"access_token=[A-Za-z0-9_-]+"
    for table, column in (("mail_message", "body"), ("mail_mail", "body_html")):
        cr.execute(
            sql.SQL(
                "UPDATE {table} SET {column} = regexp_replace({column}, %s, %s, 'g') "
                "WHERE {column} LIKE %s"
            ).format(table=sql.Identifier(table), column=sql.Identifier(column)),
            [token, "access_token=removed", "%/my/exit-interviews/%"],
        )
    cr.execute("UPDATE hr_exit_interview SET access_token = NULL")
    # No employee agreed that the board reads their answers: the notice they read
    # said only the interviewer does.
    cr.execute("UPDATE hr_exit_interview SET report_include_answers = FALSE")
    # The mail templates are noupdate: the post-migration loads their new wording
    # once. Their translations go here (they call get_portal_url()); the update
    # loads the new ones from the .po files.
    cr.execute(
        """
        UPDATE mail_template t
           SET body_html = jsonb_build_object('en_US', t.body_html->'en_US'),
               subject = jsonb_build_object('en_US', t.subject->'en_US')
          FROM ir_model_data d
         WHERE d.module = 'hr_exit_interview' AND d.model = 'mail.template'
           AND d.res_id = t.id AND d.name IN %s
        """,
        [CHANGED_MAIL_TEMPLATES],
    )


def migrate(cr, version):
    _rename_model(cr)
    _rename_xmlids(cr)
    _forget_links(cr)
    # The record rules are updatable from now on (see the security file): an update
    # rewrites them from the module's data instead of keeping the installed ones.
    cr.execute(
        "UPDATE ir_model_data SET noupdate = FALSE "
        "WHERE module = 'hr_exit_interview' AND model = 'ir.rule'"
    )
