"""The data of `make load`, run inside `odoo shell` by load.sh.

Everything is made through the addon's own methods, as its users do: officers create
the interviews and send the questions through the sending wizard, whose mail (with the
employee's personal link) goes to the load's mail server, where the driver reads the
link as the employee would. Nothing here reads or mints a link. The interviews the board
reads went through the portal and the interviewer's report. Writes JSON to
LOAD_SETUP_OUT.
"""

import json
import os
from datetime import date, timedelta

from odoo import Command, fields

from odoo.addons.hr_exit_interview.tests.test_benchmark import reference_survey

GROUP = "hr_exit_interview.group_exit_interview_"
INTERVIEW = "hr.exit.interview"
# One batch of due reminders and expired interviews for each way the two servers start
# the jobs at the same moment (scripts/load/two_servers.py arms them one at a time).
CRON_ROUNDS = ("run_manually", "scheduled", "two_processes")
BATCH_SIZE = 4


def _users(env, prefix, count, groups, internal=True):
    """count users named prefix_1...; the password is the login."""
    group_ids = [env.ref(group).id for group in groups]
    users = env["res.users"]
    for number in range(1, count + 1):
        login = f"{prefix}_{number}"
        users |= env["res.users"].create(
            {
                "name": login.replace("_", " ").title(),
                "login": login,
                "password": login,
                "email": f"{login}@example.com",
                "tz": "Europe/Brussels",
                "groups_id": [Command.set(group_ids)],
                **({"notification_type": "email"} if internal else {}),
            }
        )
    return users


def _employees(env, prefix, count, department):
    return env["hr.employee"].create(
        [
            {
                "name": f"{prefix.title()} {number:03d}",
                "department_id": department.id,
                "job_title": "Youth Worker",
                "private_email": f"{prefix}{number:03d}@example.com",
            }
            for number in range(1, count + 1)
        ]
    )


def _interviews(env, officer, employees, interviewers, last_working_day):
    return (
        env[INTERVIEW]
        .with_user(officer)
        .create(
            [
                {
                    "employee_id": employee.id,
                    "interviewer_id": interviewers[index % len(interviewers)].id,
                    "departure_reason_id": env.ref("hr.departure_resigned").id,
                    "hire_date": date(2019, 9, 1),
                    "last_working_day": last_working_day,
                }
                for index, employee in enumerate(employees)
            ]
        )
    )


def _send_questions(env, officer, interviews):
    """The officer's Send Questions: the wizard mails the letter and the link."""
    for interview in interviews:
        env["hr.exit.interview.send"].with_user(officer).create(
            {"interview_id": interview.id}
        ).action_send()
        env.cr.commit()


def _report(env, interview, interviewer):
    """The employee answers on the portal (the controller works in superuser mode
    once the link is checked), the interviewer holds the talk and reports."""
    as_portal = interview.sudo()
    answers = {
        line.id: {"rating": "4", "yes_no": "yes"}.get(
            line.question_type, f"Answer to question {line.id}"
        )
        for line in as_portal.line_ids
    }
    as_portal._portal_record_choices(True, True)
    as_portal._portal_submit_answers(answers)
    env.cr.commit()
    as_interviewer = interview.with_user(interviewer)
    as_interviewer.write(
        {
            "confidentiality_explained": True,
            "appreciation_given": True,
            "keep_in_touch": "newsletter",
            "report_include_answers": True,
            "report_summary": "A warm goodbye after years of good work.",
            "reasons_for_leaving": "A job closer to home",
            "advice_for_successor": "Keep the Saturday team together",
            "strengths": "The colleagues and the young people",
            "points_to_improve": "Planning of the summer camps",
        }
    )
    as_interviewer.action_mark_held()
    as_interviewer.action_share_with_board()
    env.cr.commit()


def main(env, settings):
    env = env(context=dict(env.context, tz="Europe/Brussels"))
    today = fields.Date.context_today(env.user)
    params = env["ir.config_parameter"].sudo()
    params.set_param("web.base.url", settings["base_url"])
    params.set_param("web.base.url.freeze", "True")
    # wkhtmltopdf fetches the report's styles from this address (see load.sh).
    params.set_param("report.url", settings["report_url"])
    # As in production: notifications of a user without an address (the portal's
    # public user) go from the alias domain's default sender.
    env.company.alias_domain_id = env["mail.alias.domain"].create(
        {"name": "example.com", "default_from": "notifications"}
    )
    env.company.write({"email": "hr@example.com", "name": "Load Test Non-Profit"})
    # The jobs run when two_servers.py starts them, not while the load runs.
    crons = {
        "reminder": env.ref("hr_exit_interview.ir_cron_exit_interview_reminder"),
        "anonymise": env.ref("hr_exit_interview.ir_cron_exit_interview_anonymise"),
    }
    for cron in crons.values():
        cron.nextcall = fields.Datetime.now() + timedelta(days=7)
    admin = env.ref("base.user_admin")
    admin.write({"groups_id": [Command.link(env.ref(GROUP + "officer").id)]})

    officers = _users(env, "load_officer", 2, ["base.group_user", GROUP + "officer"])
    interviewers = _users(
        env, "load_interviewer", 2, ["base.group_user", GROUP + "interviewer"]
    )
    board = _users(env, "load_board", 3, ["base.group_user", GROUP + "board"])
    portal = _users(
        env,
        "load_portal",
        settings["portal_users"],
        ["base.group_portal"],
        internal=False,
    )
    department = env["hr.department"].create({"name": "Youth Work"})
    env.cr.commit()

    # The departing employees of the load: the meeting is weeks away, so that no
    # reminder replaces their link while they answer.
    leavers = _interviews(
        env,
        officers[0],
        _employees(env, "leaver", settings["employees"], department),
        interviewers,
        today + timedelta(days=30),
    )
    env.cr.commit()
    _send_questions(env, officers[0], leavers)

    reported = _interviews(
        env,
        officers[0],
        _employees(env, "reported", settings["reported"], department),
        interviewers,
        today + timedelta(days=20),
    )
    env.cr.commit()
    _send_questions(env, officers[0], reported)
    for index, interview in enumerate(reported):
        _report(env, interview, interviewers[index % len(interviewers)])

    def invited_alone(name):
        interview = _interviews(
            env,
            officers[0],
            _employees(env, name, 1, department),
            interviewers,
            today + timedelta(days=30),
        )
        env.cr.commit()
        _send_questions(env, officers[0], interview)
        return interview

    # Two servers: one interview whose link both open, and the jobs' batches.
    shared = invited_alone("shared")
    # One more, whose page locust draws on every worker before the measure.
    warm_up = invited_alone("warm_up")
    batches = {}
    for round_name in CRON_ROUNDS:
        to_remind = _interviews(
            env,
            officers[0],
            _employees(env, f"remind_{round_name}_", BATCH_SIZE, department),
            interviewers,
            today + timedelta(days=60),
        )
        env.cr.commit()
        _send_questions(env, officers[0], to_remind)
        # Cancelled: the reminder job leaves them alone when their dates move.
        to_anonymise = _interviews(
            env,
            officers[0],
            _employees(env, f"expire_{round_name}_", BATCH_SIZE, department),
            interviewers,
            today + timedelta(days=60),
        )
        to_anonymise.with_user(officers[0]).action_cancel()
        env.cr.commit()
        batches[round_name] = {
            "reminder": to_remind.ids,
            "anonymise": to_anonymise.ids,
        }
    # The other reference: Odoo's own survey of as many text questions as the guide,
    # an answer in progress for each respondent and one for the warm-up.
    questions = len(env.ref("hr_exit_interview.template_guide").question_ids)
    survey, intro, page, answers = reference_survey(
        env, questions, settings["survey_users"] + 1
    )
    env.cr.commit()
    return {
        "database": env.cr.dbname,
        "survey": {
            "token": survey.access_token,
            "intro_id": intro.id,
            "page_id": page.id,
            "question_ids": survey.question_ids.ids,
            "respondents": [{"token": a.access_token} for a in answers[:-1]],
            "warm_up": {"token": answers[-1].access_token},
        },
        "leavers": [
            {"interview_id": interview.id, "email": interview._leaver_email()}
            for interview in leavers
        ],
        "reported_ids": reported.ids,
        "shared": {"interview_id": shared.id, "email": shared._leaver_email()},
        "warm_up": {"interview_id": warm_up.id},
        "batches": batches,
        "retention_months": env.company.exit_interview_retention_months,
        "cron_ids": {name: cron.id for name, cron in crons.items()},
        "users": {
            "officer": officers.mapped("login"),
            "interviewer": interviewers.mapped("login"),
            "board": board.mapped("login"),
            "portal": portal.mapped("login"),
        },
        "interviewer_emails": interviewers.mapped("email"),
    }


if __name__ == "__main__":
    result = main(
        env,  # noqa: F821 (odoo shell's environment)
        json.loads(os.environ["LOAD_SETTINGS"]),
    )
    with open(os.environ["LOAD_SETUP_OUT"], "w", encoding="utf-8") as out:
        json.dump(result, out, indent=1)
