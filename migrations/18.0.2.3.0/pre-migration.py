# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.3.0: each name says one thing. The log of the link's sendings was named
after the invitation, though it holds the reminders too: hr.exit.interview.link.sending.
The board's reading log was named after the report: hr.exit.interview.reading, the way
it was read in read_through. The state in which the board reads an interview is
"shared" (its button shares the report with the board), no longer "reported".

Renamed in place, before the module's data loads, with their external ids, so that
ids, rules, favourites and filters stay. The noupdate mail templates call the
leaver's language under its new name; an organisation's edits of them are kept."""

from openupgradelib import openupgrade

MODULE = "hr_exit_interview"
MODEL_RENAMES = [
    ("hr.exit.interview.invitation", "hr.exit.interview.link.sending"),
    ("hr.exit.interview.report.log", "hr.exit.interview.reading"),
]
FIELD_RENAMES = [
    ("hr.exit.interview", "hr_exit_interview", "invitation_ids", "link_sending_ids"),
    (
        "hr.exit.interview.reading",
        "hr_exit_interview_reading",
        "report_name",
        "read_through",
    ),
]
XMLID_RENAMES = [
    (f"{MODULE}.{old}", f"{MODULE}.{new}")
    for old, new in (
        (
            "hr_exit_interview_invitation_rule_officer",
            "hr_exit_interview_link_sending_rule_officer",
        ),
        (
            "hr_exit_interview_invitation_rule_company",
            "hr_exit_interview_link_sending_rule_company",
        ),
        (
            "access_hr_exit_interview_invitation_officer",
            "access_hr_exit_interview_link_sending_officer",
        ),
        (
            "hr_exit_interview_report_log_view_list",
            "hr_exit_interview_reading_view_list",
        ),
        (
            "hr_exit_interview_report_log_view_search",
            "hr_exit_interview_reading_view_search",
        ),
        ("hr_exit_interview_report_log_action", "hr_exit_interview_reading_action"),
        ("hr_exit_interview_report_log_menu", "hr_exit_interview_reading_menu"),
        (
            "hr_exit_interview_report_log_rule_officer",
            "hr_exit_interview_reading_rule_officer",
        ),
        (
            "hr_exit_interview_report_log_rule_company",
            "hr_exit_interview_reading_rule_company",
        ),
        (
            "access_hr_exit_interview_report_log_officer",
            "access_hr_exit_interview_reading_officer",
        ),
        ("demo_interview_reported", "demo_interview_shared"),
        (
            "field_hr_exit_interview__invitation_ids",
            "field_hr_exit_interview__link_sending_ids",
        ),
        (
            "field_hr_exit_interview_reading__report_name",
            "field_hr_exit_interview_reading__read_through",
        ),
    )
]
# Method names the noupdate mail templates may call, renamed.
METHOD_RENAMES = [
    ("_invitation_lang", "_leaver_lang"),
    ("_invitation_email", "_leaver_email"),
    ("_invitation_user", "_leaver_user"),
]


def _rename_prefix(cr, table, column, old, new, where="TRUE"):
    """Rename the values of table.column that start with old."""
    openupgrade.logged_query(
        cr,
        f"UPDATE {table} SET {column} = %s || substr({column}, %s) "
        f"WHERE {column} LIKE %s AND {where}",
        [new, len(old) + 1, old.replace("_", "\\_") + "%"],
    )


def _rename_models(env):
    cr = env.cr
    for old_model, new_model in MODEL_RENAMES:
        old_table, new_table = old_model.replace(".", "_"), new_model.replace(".", "_")
        if not openupgrade.table_exists(cr, old_table):
            continue
        openupgrade.rename_models(cr, [(old_model, new_model)])
        openupgrade.rename_tables(cr, [(old_table, new_table)])
        # The model-name columns that rename_models leaves as they are.
        for table, column in (("ir_ui_view", "model"), ("ir_act_window", "res_model")):
            openupgrade.logged_query(
                cr,
                f"UPDATE {table} SET {column} = %s WHERE {column} = %s",
                [new_model, old_model],
            )
        # rename_models renames the fields' external ids, not the selection values';
        # rename_tables the constraints, not the rows that reflect them.
        _rename_prefix(
            cr,
            "ir_model_data",
            "name",
            f"selection__{old_table}__",
            f"selection__{new_table}__",
            where=f"module = '{MODULE}'",
        )
        _rename_prefix(
            cr, "ir_model_constraint", "name", old_table + "_", new_table + "_"
        )
    if openupgrade.column_exists(cr, "hr_exit_interview_reading", "report_name"):
        openupgrade.rename_fields(env, FIELD_RENAMES)
        _rename_prefix(
            cr,
            "ir_model_data",
            "name",
            "selection__hr_exit_interview_reading__report_name__",
            "selection__hr_exit_interview_reading__read_through__",
            where=f"module = '{MODULE}'",
        )
    openupgrade.rename_xmlids(cr, XMLID_RENAMES)


def _share_instead_of_report(cr):
    """The state value, and the saved filters and favourites that name it."""
    openupgrade.logged_query(
        cr, "UPDATE hr_exit_interview SET state = 'shared' WHERE state = 'reported'"
    )
    openupgrade.logged_query(
        cr,
        "UPDATE ir_model_fields_selection s SET value = 'shared' "
        "FROM ir_model_fields f WHERE f.id = s.field_id "
        "AND f.model = 'hr.exit.interview' AND f.name = 'state' "
        "AND s.value = 'reported'",
    )
    _rename_prefix(
        cr,
        "ir_model_data",
        "name",
        "selection__hr_exit_interview__state__reported",
        "selection__hr_exit_interview__state__shared",
        where=f"module = '{MODULE}'",
    )
    for table, column, model_column in (
        ("ir_filters", "domain", "model_id"),
        ("ir_filters", "context", "model_id"),
        ("ir_act_window", "domain", "res_model"),
        ("ir_act_window", "context", "res_model"),
    ):
        openupgrade.logged_query(
            cr,
            f"UPDATE {table} SET {column} = "
            f"replace(replace({column}, %s, %s), %s, %s) "
            f"WHERE {model_column} = 'hr.exit.interview' AND {column} LIKE %s",
            ["'reported'", "'shared'", '"reported"', '"shared"', "%reported%"],
        )


def _rename_template_calls(cr):
    """What the mail templates of the model call, in every column and language."""
    for old, new in METHOD_RENAMES:
        for column in ("lang", "email_to", "partner_to"):
            openupgrade.logged_query(
                cr,
                f"UPDATE mail_template SET {column} = replace({column}, %s, %s) "
                f"WHERE {column} LIKE %s",
                [old, new, f"%{old}%"],
            )
        for column in ("subject", "body_html"):
            openupgrade.logged_query(
                cr,
                f"UPDATE mail_template SET {column} = "
                f"replace({column}::text, %s, %s)::jsonb WHERE {column}::text LIKE %s",
                [old, new, f"%{old}%"],
            )


@openupgrade.migrate()
def migrate(env, version):
    _rename_models(env)
    _share_instead_of_report(env.cr)
    _rename_template_calls(env.cr)
