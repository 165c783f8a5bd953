"""The data of the upgrade tier, run inside `odoo shell` by test_upgrade.py.

seed() works with the addon as of 18.0.1.1.0 (commit 311a5b5) or 18.0.2.2.0 (commit
91aeaba), through its own methods as its users would: interviews in every state,
answers, notes, reports, the board's evaluation and measures with their chatter,
activities and followers, report readings, an edited template and company settings.
Where the two versions differ (the sending, the notice and consent, the wish to keep in
touch, the measures' field), it asks the model which one it has. write_fingerprint()
records, by id, what an update must keep; it runs before the update on the old code and
after it on the new, and finds the board's measures under the model's new name
(hr.exit.interview.measure) when the registry has it, else under the old one
(hr.exit.interview.action).
"""

import json
from contextlib import contextmanager
from datetime import date, datetime
from unittest.mock import patch

from markupsafe import escape

from odoo import Command, models
from odoo.tools.translate import code_translations

# Every state an interview of any version can be in; the upgrade tier checks each
# came through.
STATES = (
    "draft",
    "invited",
    "prepared",
    "held",
    "reported",
    "evaluated",
    "declined",
    "cancelled",
)

INTERVIEW = "hr.exit.interview"
OLD_MEASURE = "hr.exit.interview.action"
NEW_MEASURE = "hr.exit.interview.measure"
BOARD_REPORT = "hr_exit_interview.report_exit_interview"
MISSING = "<no such field>"
PREFIX = "upgrade_"  # logins of the users seed() creates
# 18.0.2.1.0: the four keep-in-touch booleans become one choice, by this priority.
KEEP_IN_TOUCH_PRIORITY = ("volunteer", "visitor", "newsletter", "none")

# The interview's fields as 18.0.1.1.0 names them, grouped in the checks they make.
INTERVIEW_ASPECTS = {
    "state": ("state", "active"),
    # The name is read apart: 18.0.2.1.0 no longer stores it (see _names_not_read).
    "employee": (
        "employee_id",
        "manager_id",
        "coach_id",
        "job_id",
        "job_title",
        "career_jobs",
        "interviewer_id",
        "company_id",
        "template_id",
    ),
    "statistics": (
        "year",
        "seniority_band",
        "seniority_months",
        "departure_reason_id",
        "department_id",
        "rating_average",
    ),
    "dates": (
        "hire_date",
        "last_working_day",
        "planned_start",
        "duration",
        "calendar_event_id",
        "notice_acknowledged_on",
        "answers_submitted_on",
        "anonymised_on",
        "reminder_sent",
    ),
    "preparation": ("excelled_at", "thank_for", "points_to_pass_on"),
    "conversation": (
        "confidentiality_explained",
        "appreciation_given",
        "keep_in_touch_volunteer",
        "keep_in_touch_visitor",
        "keep_in_touch_newsletter",
        "keep_in_touch_none",
        # 18.0.2.1.0: the four booleans above become this one choice.
        "keep_in_touch",
        "decline_reason",
    ),
    # report_include_answers is not kept: 18.0.2.0.0 asks the employee's consent,
    # which no one gave before (see old_link_and_consent_problems).
    "report": (
        "report_summary",
        "reasons_for_leaving",
        "advice_for_successor",
        "strengths",
        "points_to_improve",
    ),
    "board_evaluation": ("board_evaluation",),
}
LINE_FIELDS = (
    "sequence",
    "section_name",
    "question",
    "help_text",
    "question_type",
    # question_id (written, never read) was dropped in 18.0.2.0.0.
    "answer_text",
    "answer_rating",
    "answer_yes_no",
    "interviewer_note",
)
MEASURE_FIELDS = (
    "name",
    "category",
    "state",
    "user_id",
    "date_deadline",
    "company_id",
    "department_id",
)
COMPANY_FIELDS = (
    "exit_interview_days_before",
    "exit_interview_reminder_days",
    "exit_interview_min_group_size",
    "exit_interview_retention_months",
    "exit_interview_privacy_notice",
    "exit_interview_forbid_manager",
    "exit_interview_manager_officer_access",
    "exit_interview_template_id",
)


# ---------------------------------------------------------------------------------
# seed: 18.0.1.1.0's API, used as its users and its portal do


def _user(env, login, groups):
    return env["res.users"].create(
        {
            "name": login.replace(PREFIX, "").replace("_", " ").title(),
            "login": PREFIX + login,
            "email": f"{login}@example.com",
            "tz": "Europe/Brussels",
            # Notified in Odoo: no mail leaves this database.
            "notification_type": "inbox",
            "groups_id": [Command.set([env.ref(group).id for group in groups])],
        }
    )


def _answers(interview, complete):
    """What the employee types on the portal: every question, or every other one."""
    answers = {}
    for index, line in enumerate(interview.line_ids.sorted(), start=1):
        if not complete and index % 2:
            continue
        answers[line.id] = {
            "rating": str(index % 5 + 1),
            "yes_no": "yes" if index % 3 else "no",
        }.get(line.question_type, f"Answer {index} of interview {interview.id}")
    return answers


def _board_measures(as_board, story, responsible, secretary, commit):
    """The board evaluates a reported interview: three measures, one discussed with
    an extra follower and a to-do, one done by its responsible, one dropped."""
    measures = measure_field(as_board.env).name  # board_action_ids in 18.0.1.1.0
    as_board.write(
        {
            "board_evaluation": f"Plan the camps earlier ({story})",
            measures: [
                Command.create(
                    {
                        "name": f"Plan the summer camps in January ({story})",
                        "category": "organisation",
                        "user_id": responsible.id,
                        "date_deadline": date(2031, 1, 31),
                    }
                ),
                Command.create(
                    {
                        "name": f"Review the travel allowance ({story})",
                        "category": "hr_policy",
                        "user_id": responsible.id,
                        "date_deadline": date(2031, 3, 31),
                    }
                ),
                Command.create(
                    {"name": f"Thank the Saturday team ({story})", "category": "other"}
                ),
            ],
        }
    )
    commit()
    plan, allowance, thanks = as_board[measures].sorted("id")
    # A later deadline: tracked, and the responsible's to-do follows it.
    plan.date_deadline = date(2031, 2, 28)
    commit()
    plan.message_post(
        body=f"Discussed at the board meeting ({story})",
        message_type="comment",
        subtype_xmlid="mail.mt_comment",
    )
    plan.message_subscribe(partner_ids=secretary.ids)
    plan.activity_schedule(
        "mail.mail_activity_data_todo",
        date_deadline=date(2030, 12, 15),
        user_id=as_board.env.uid,
        summary="Put it on the agenda",
    )
    commit()
    allowance.with_user(responsible).action_done()
    commit()
    thanks.action_drop()
    commit()


@contextmanager
def _mail_counts_as_sent(env):
    """18.0.2.x mails the personal link at once, outside the queue, and refuses to
    go on when the mail cannot leave: no SMTP server here, the mail counts as sent."""
    server = type(env["ir.mail_server"])
    with (
        patch.object(server, "connect", lambda self, *args, **kwargs: None),
        patch.object(
            server, "send_email", lambda self, message, *a, **kw: message["Message-Id"]
        ),
    ):
        yield


def _send_questions(env, interview, officer):
    """As the officer sends the questions: 18.0.1.1.0 through the mail composer,
    which kept the message with the personal link in the chatter; 18.0.2.x through
    its sending window, which mails a link kept nowhere."""
    if "access_token" in interview._fields:
        action = interview.with_user(officer).action_send_questions()
        env["mail.compose.message"].with_user(officer).with_context(
            **action["context"]
        ).create({})._action_send_mail()
        return
    wizard = env["hr.exit.interview.send"].with_user(officer)
    with _mail_counts_as_sent(env):
        wizard.create({"interview_id": interview.id}).action_send()


def _read_notice(as_portal, story):
    """The employee confirms the notice; from 18.0.2.0.0 on, also whether the board
    may read the answers (not in the reported story, whose report leaves them out)
    and whether the advice may be passed on."""
    if hasattr(as_portal, "_portal_acknowledge_notice"):
        as_portal._portal_acknowledge_notice(True)
    else:
        as_portal._portal_record_choices(
            True, board_consent=story != "reported", advice_consent=story == "evaluated"
        )


def _keep_in_touch(interview, wishes):
    """The wishes to keep in touch: 18.0.1.1.0's booleans, or 18.0.2.1.0's one
    choice, the first of them by KEEP_IN_TOUCH_PRIORITY."""
    if "keep_in_touch_none" in interview._fields:
        return {
            f"keep_in_touch_{wish}": wishes.get(wish, False)
            for wish in KEEP_IN_TOUCH_PRIORITY
        }
    return {
        "keep_in_touch": next(
            (wish for wish in KEEP_IN_TOUCH_PRIORITY if wishes.get(wish)), False
        )
    }


def seed(env):
    env = env(
        context=dict(
            env.context,
            tz="Europe/Brussels",
            # Mails are queued, never sent: no SMTP server here.
            mail_notify_force_send=False,
            no_mail_to_attendees=True,
        )
    )
    group = "hr_exit_interview.group_exit_interview_"
    officer = _user(env, "officer", ["base.group_user", group + "officer"])
    interviewer = _user(env, "interviewer", ["base.group_user", group + "interviewer"])
    board = _user(env, "board", ["base.group_user", group + "board"])
    responsible = _user(env, "responsible", ["base.group_user"])
    secretary = env["res.partner"].create(
        {"name": "Board Secretary", "email": "secretary@example.com"}
    )

    # 2 until 18.0.2.0.0, which raises it to 3; from then on 3 at least.
    at_least_3 = hasattr(env["res.company"], "_check_exit_interview_min_group_size")
    env.company.write(
        {
            "exit_interview_days_before": 10,
            "exit_interview_reminder_days": 3,
            "exit_interview_min_group_size": 4 if at_least_3 else 2,
            "exit_interview_retention_months": 36,
        }
    )
    # The guide as an organisation adapted it (noupdate: an update keeps the edits),
    # with a rating and a yes/no question besides the open ones.
    template = env.ref("hr_exit_interview.template_guide")
    first_section = template.section_ids.sorted("sequence")[:1]
    template.question_ids.sorted()[:1].name = "Overall, how was your time with us?"
    env["hr.exit.interview.question"].create(
        [
            {
                "section_id": first_section.id,
                "sequence": 1,
                "name": "How would you rate your time with us?",
                "question_type": "rating",
            },
            {
                "section_id": first_section.id,
                "sequence": 2,
                "name": "Would you recommend us as an employer?",
                "question_type": "yes_no",
            },
        ]
    )

    departments = env["hr.department"].create(
        [{"name": "Youth Work"}, {"name": "Administration"}]
    )
    manager = env["hr.employee"].create({"name": "Mia Manager"})
    reasons = [
        env.ref("hr.departure_resigned"),
        env.ref("hr.departure_retired"),
        env.ref("hr.departure_fired"),
    ]
    hire_dates = [
        date(2031, 1, 1),
        date(2029, 9, 1),
        date(2027, 3, 1),
        date(2023, 5, 1),
        date(2015, 2, 1),
    ]
    stories = (*STATES, "anonymised")
    interviews = {}
    for index, story in enumerate(stories):
        employee = env["hr.employee"].create(
            {
                "name": f"Departing {story.title()}",
                "department_id": departments[index % 2].id,
                "job_title": "Youth Worker" if index % 2 else "Accountant",
                "parent_id": manager.id,
                "private_email": f"{story}@example.com",
            }
        )
        interviews[story] = (
            env[INTERVIEW]
            .with_user(officer)
            .create(
                {
                    "employee_id": employee.id,
                    "interviewer_id": interviewer.id,
                    "template_id": template.id,
                    "departure_reason_id": reasons[index % 3].id,
                    "hire_date": hire_dates[index % 5],
                    "last_working_day": date(2031 + index % 2, 6, 10 + index),
                }
            )
        )

    # Each step a transaction of its own, as between a user's clicks: Odoo writes its
    # tracking messages when a transaction ends, not for records created in it.
    commit = env.cr.commit
    commit()
    for story, interview in interviews.items():
        as_officer = interview.with_user(officer)
        as_interviewer = interview.with_user(interviewer)
        as_board = interview.with_user(board)
        # The portal's controller checks the token, then works in superuser mode.
        as_portal = interview.sudo()
        as_interviewer.write(
            {
                "excelled_at": f"Excelled at the summer camps ({story})",
                "thank_for": "Ten years of Saturday mornings",
                "points_to_pass_on": "Knows every volunteer by name",
            }
        )
        lines = as_interviewer.line_ids.sorted()
        lines[:2].write({"interviewer_note": f"Ask about this first ({story})"})
        commit()
        if story == "draft":
            as_officer.message_subscribe(partner_ids=secretary.ids)
            commit()
            continue
        if story == "invited":
            _send_questions(env, interview, officer)
        else:
            as_officer.action_invite()
        commit()
        _read_notice(as_portal, story)
        commit()
        if story == "invited":
            as_portal._portal_save_answers(_answers(interview, complete=False))
            commit()
            continue
        if story == "declined":
            as_portal._portal_decline("I prefer to look ahead.")
            commit()
            continue
        as_portal._portal_submit_answers(_answers(interview, complete=True))
        commit()
        if story in ("prepared", "cancelled"):
            if story == "cancelled":
                as_officer.action_cancel()
                commit()
            continue
        lines[2:4].write({"interviewer_note": f"Said more in the talk ({story})"})
        as_interviewer.write(
            {
                "confidentiality_explained": True,
                "appreciation_given": True,
                # Each of 18.0.2.1.0's choices, from the booleans by priority.
                **_keep_in_touch(
                    interview,
                    {
                        "newsletter": story != "anonymised",
                        "volunteer": story == "evaluated",
                        "visitor": story in ("reported", "evaluated"),
                        "none": story == "anonymised",
                    },
                ),
            }
        )
        commit()
        as_interviewer.action_mark_held()
        commit()
        if story == "held":
            continue
        as_interviewer.write(
            {
                "report_include_answers": story != "reported",
                "report_summary": f"A warm goodbye after years of good work ({story})",
                "reasons_for_leaving": "A job closer to home",
                "advice_for_successor": "Keep the Saturday team together",
                "strengths": "The colleagues and the young people",
                "points_to_improve": "Planning of the summer camps",
            }
        )
        commit()
        as_interviewer.action_report()
        commit()
        _board_measures(as_board, story, responsible, secretary, commit)
        if story == "reported":
            continue
        as_board.action_evaluate()
        commit()
        if story == "anonymised":
            interview.sudo()._anonymise()
            commit()

    # The board reads its reports: each reading is logged.
    readable = (interviews["reported"] | interviews["evaluated"]).ids
    env["ir.actions.report"].with_user(board)._render_qweb_html(BOARD_REPORT, readable)
    env["ir.actions.report"].with_user(officer)._render_qweb_html(
        BOARD_REPORT, interviews["evaluated"].ids
    )
    env.cr.commit()


# ---------------------------------------------------------------------------------
# fingerprint: what an update keeps, read the same way from the old and the new code


def measure_model(env):
    return NEW_MEASURE if NEW_MEASURE in env else OLD_MEASURE


def measure_field(env):
    """The interview's one2many to the board's measures, whatever its name."""
    model = measure_model(env)
    found = [
        field
        for field in env[INTERVIEW]._fields.values()
        if field.type == "one2many" and field.comodel_name == model
    ]
    if len(found) != 1:
        raise RuntimeError(f"{INTERVIEW} has {len(found)} one2many fields to {model}")
    return found[0]


def _plain(record, name):
    if name not in record._fields:
        return MISSING
    value = record[name]
    if record._fields[name].type == "many2one":
        return value.id
    if isinstance(value, models.BaseModel):
        return value.ids
    if isinstance(value, date | datetime):
        return str(value)
    return value


def _values(record, names):
    return {name: _plain(record, name) for name in names}


def _by_res_id(records, field="res_id"):
    grouped = {}
    for record in records:
        grouped.setdefault(record[field], []).append(record)
    return grouped


def _mail_of(env, model, ids):
    """Followers, messages (with the fields whose changes they track) and activities
    (archived ones too) of the records, found by res_model as Odoo finds them."""
    followers = env["mail.followers"].search(
        [("res_model", "=", model), ("res_id", "in", ids)]
    )
    messages = env["mail.message"].search(
        [("model", "=", model), ("res_id", "in", ids)]
    )
    activities = (
        env["mail.activity"]
        .with_context(active_test=False)
        .search([("res_model", "=", model), ("res_id", "in", ids)])
    )
    followers, messages, activities = (
        _by_res_id(followers),
        _by_res_id(messages),
        _by_res_id(activities),
    )
    return {
        res_id: {
            "followers": sorted(f.partner_id.id for f in followers.get(res_id, [])),
            "messages": {
                # A tracked field lost on the way leaves its value without a name.
                str(m.id): [
                    m.message_type,
                    sorted(t.field_id.name or "?" for t in m.tracking_value_ids),
                ]
                for m in sorted(messages.get(res_id, []), key=lambda m: m.id)
            },
            "activities": {
                str(a.id): [a.summary or "", a.user_id.id, a.active]
                for a in sorted(activities.get(res_id, []), key=lambda a: a.id)
            },
            # An activity's model is stored twice: both must name the record's model.
            "activities_elsewhere": sorted(
                a.id
                for a in activities.get(res_id, [])
                if a.res_model_id.model != model
            ),
        }
        for res_id in ids
    }


def _orphans(env, model_names):
    """Rows of Odoo's tables that still name a model the registry no longer has."""
    counts = {}
    if not model_names:
        return counts
    for table, column in (
        ("ir_model", "model"),
        ("mail_message", "model"),
        ("mail_followers", "res_model"),
        ("mail_activity", "res_model"),
        ("ir_attachment", "res_model"),
    ):
        env.cr.execute(
            f"SELECT count(*) FROM {table} WHERE {column} IN %s",
            [tuple(model_names)],
        )
        count = env.cr.fetchone()[0]
        if count:
            counts[f"{table}.{column}"] = count
    return counts


def fingerprint(env):
    env = env(context=dict(env.context, active_test=False, lang="en_US"))
    model = measure_model(env)
    measures_of = measure_field(env)
    interviews = env[INTERVIEW].search([], order="id")
    measures = env[model].search([], order="id")
    interview_mail = _mail_of(env, INTERVIEW, interviews.ids)
    measure_mail = _mail_of(env, model, measures.ids)

    result = {"interviews": {}, "measures": {}, "globals": {}}
    result["links"], result["links_in_messages"] = _links(env, interviews)
    asked_again = []
    for interview in interviews:
        checks = {
            aspect: _values(interview, names)
            for aspect, names in INTERVIEW_ASPECTS.items()
        }
        lines = interview.line_ids.sorted()
        checks["line_count"] = len(lines)
        checks["lines"] = {str(line.id): _values(line, LINE_FIELDS) for line in lines}
        checks["measures"] = interview[measures_of.name].sorted("id").ids
        checks.update(interview_mail[interview.id])
        # 18.0.2.0.0 asks the officer to send the questions again where they are
        # open (the links sent before stop working): seen apart, not as a change.
        for activity_id, (summary, _user, _active) in list(
            checks["activities"].items()
        ):
            if summary.startswith(SEND_AGAIN):
                del checks["activities"][activity_id]
                asked_again.append(interview.id)
        result["interviews"][str(interview.id)] = checks
    for measure in measures:
        checks = {"values": _values(measure, MEASURE_FIELDS)}
        checks["interview"] = measure[measures_of.inverse_name].id
        checks.update(measure_mail[measure.id])
        result["measures"][str(measure.id)] = checks

    # 18.0.2.3.0 renames the reading log and the path it logs.
    new_log = "hr.exit.interview.reading" in env
    logs = env[
        "hr.exit.interview.reading" if new_log else "hr.exit.interview.report.log"
    ].search([], order="id")
    path = "read_through" if new_log else "report_name"
    company = env.company
    templates = env["hr.exit.interview.template"].search([], order="id")
    result["globals"] = {
        "report_readings": [
            [log.id, log.interview_id.id, log[path], log.user_id.id] for log in logs
        ],
        "company_settings": _values(company, COMPANY_FIELDS),
        "templates": {
            str(template.id): {
                "name": template.name,
                "active": template.active,
                "questions": [
                    [q.id, q.section_id.name, q.sequence, q.name, q.question_type]
                    for q in template.question_ids.sorted()
                ],
            }
            for template in templates
        },
        "left_on_the_old_model": _orphans(env, {OLD_MEASURE} - {model}),
        # The addon's roles of each seeded user: an update moves no one.
        "roles": {
            user.login: sorted(
                xmlid
                for xmlid in user.groups_id.get_external_id().values()
                if xmlid.startswith("hr_exit_interview.")
            )
            for user in env["res.users"].search(
                [("login", "=like", PREFIX + "%")], order="login"
            )
        },
    }
    module = env["ir.module.module"].search([("name", "=", "hr_exit_interview")])
    answers_in = env.ref(ANSWERS_IN_TYPE, raise_if_not_found=False)
    result["module"] = {
        "role_categories": _role_categories(env),
        # [activity id, of the type 18.0.2.1.0 gives it]
        "answers_in_activities": [
            [activity.id, bool(answers_in) and activity.activity_type_id == answers_in]
            for activity in env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [("res_model", "=", INTERVIEW), ("summary", "in", _answers_in(env))],
                order="id",
            )
        ],
        "names_not_read": _names_not_read(interviews),
        # 18.0.2.4.0 takes the employee off their meeting's attendees.
        "leavers_attending": [
            interview.id
            for interview in interviews
            if interview.employee_id.work_contact_id
            in interview.calendar_event_id.partner_ids
        ],
        "asked_to_send_again": asked_again,
        "state": module.state,
        "version": module.latest_version,
        "measure_model": model,
        "measure_field": measures_of.name,
    }
    return result


def _answers_in(env):
    """The summary of the "answers are in" activity, in every installed language: it
    was written in the language of the employee's portal page."""
    summaries = {ANSWERS_IN}
    for lang, _name in env["res.lang"].get_installed():
        translations = code_translations.get_python_translations(
            "hr_exit_interview", lang
        )
        summaries.add(translations.get(ANSWERS_IN, ANSWERS_IN))
    return sorted(summaries)


def _names_not_read(interviews):
    """The interviews whose name, read in English, is not "Exit interview of" their
    employee (or "Anonymised exit interview"): 18.0.2.1.0 reads the name in its
    reader's language, where 18.0.1.1.0 stored it in its creator's."""
    return [
        interview.id
        for interview in interviews
        if interview.name
        != (
            "Anonymised exit interview"
            if "anonymised_on" in interview._fields and interview.anonymised_on
            else f"Exit interview of {interview.employee_id.name}"
        )
    ]


def _role_categories(env):
    """Each role's category in Settings > Users, with the groups it holds."""
    result = {}
    for role in ("interviewer", "officer", "board"):
        category = env.ref(f"hr_exit_interview.group_exit_interview_{role}").category_id
        groups = env["res.groups"].search([("category_id", "=", category.id)])
        result[role] = [category.id, sorted(groups.get_external_id().values())]
    return result


SEND_AGAIN = "Send the questions again"
ANSWERS_IN = "Prepare the exit interview: the answers are in"
ANSWERS_IN_TYPE = "hr_exit_interview.mail_activity_type_answers_in"


def _links(env, interviews):
    """The personal links of 18.0.1.1.0 (its clear access_token), and how many
    messages hold one."""
    if "access_token" not in env[INTERVIEW]._fields:
        return {}, 0
    links = {str(i.id): i.access_token for i in interviews if i.access_token}
    env.cr.execute(
        "SELECT count(*) FROM mail_message WHERE body LIKE %s",
        ["%/my/exit-interviews/%access_token=%"],
    )
    return links, env.cr.fetchone()[0]


def old_link_and_consent_problems(env, links):
    """After the update: no link sent before opens the page or stays in a message,
    and no board report holds answers the employee did not agree to give."""
    problems = []
    public = env.ref("base.public_user")
    for interview_id, token in sorted(links.items()):
        if env[INTERVIEW]._portal_find(int(interview_id), token, public):
            problems.append(f"the old link of interview {interview_id} opens it")
        env.cr.execute(
            "SELECT count(*) FROM mail_message WHERE body LIKE %s", [f"%{token}%"]
        )
        if env.cr.fetchone()[0]:
            problems.append(f"the old link of interview {interview_id} is in a message")
    included = env[INTERVIEW].search(
        [("report_include_answers", "=", True), ("board_consent", "=", False)]
    )
    problems += [f"interview {i.id} gives the board answers" for i in included]
    return problems


def stale_mail_templates(env):
    """After the update: the templates that mail the link, in every language, take
    it from the sending (ctx), never from get_portal_url(); Dutch is Dutch. The
    mail templates stay noupdate: an update leaves an organisation's edits alone."""
    problems = [
        f"{data.name} is no longer noupdate"
        for data in env["ir.model.data"].search(
            [
                ("module", "=", "hr_exit_interview"),
                ("model", "=", "mail.template"),
                ("noupdate", "=", False),
            ]
        )
    ]
    for xmlid in ("invitation", "reminder"):
        template = env.ref(f"hr_exit_interview.mail_template_exit_interview_{xmlid}")
        for lang in ("en_US", "nl_NL"):
            body = template.with_context(lang=lang).body_html or ""
            if "get_portal_url" in body or "exit_interview_link" not in body:
                problems.append(f"{xmlid} in {lang}")
            # 18.0.2.1.0: the meeting as a person writes it, in every language.
            if "_letter_meeting_day" not in body or "format_duration" in body:
                problems.append(f"{xmlid} in {lang} names the meeting the old way")
        if (
            "De vragen beantwoorden"
            not in template.with_context(lang="nl_NL").body_html
        ):
            problems.append(f"{xmlid} in nl_NL is not Dutch")
    return problems


def board_report_problems(env):
    """After the update: the board still reads its reports, with the answers when
    the interviewer included them. Run last: the readings it logs are not committed."""
    board = env["res.users"].search([("login", "=", PREFIX + "board")])
    interviews = env[INTERVIEW].search(
        [
            ("state", "in", ("reported", "shared", "evaluated")),
            ("anonymised_on", "=", False),
        ]
    )
    html = (
        env["ir.actions.report"]
        .with_user(board)
        ._render_qweb_html(BOARD_REPORT, interviews.ids)[0]
    )
    html = html.decode() if isinstance(html, bytes) else str(html)
    expected = interviews.mapped("report_summary")
    expected += (
        interviews.filtered("report_include_answers")
        .line_ids.filtered("answer_text")
        .mapped("answer_text")
    )
    return [text for text in expected if str(escape(text)) not in html]


def write_fingerprint(env, path, render_report=False, before_path=None):
    result = fingerprint(env)
    if before_path:
        with open(before_path) as file:
            links = json.load(file)["links"]
        result["module"]["old_links"] = old_link_and_consent_problems(env, links)
        result["module"]["stale_mail_templates"] = stale_mail_templates(env)
    if render_report:
        try:
            result["module"]["board_report_missing"] = board_report_problems(env)
        except Exception as error:  # reported as a failed check
            result["module"]["board_report_missing"] = [repr(error)]
    with open(path, "w") as file:
        json.dump(result, file, indent=1, sort_keys=True)
