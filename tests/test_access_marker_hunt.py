"""The marker hunt: a unique marker in every text the addon writes (every stored
char, text and html field of its own models' records, and of the messages,
activities, attachments, meeting, contact, tag and advice it writes), then every
role looks for them wherever Odoo lets it look: search_read of every field it may
read, export, web_read with nested specifications, and a group by on every text
field and every relation to a model whose names carry a marker, on every model
where the superuser finds one; the chatter's routes, /web/content, every report of
the addon and the portal pages of the employee and of the external interviewer.
Each role must find exactly the markers its column of READERS allows (each text it
may read in one record at least, none it may not). The fields and models come from
the registry: a field added later is hunted without editing this file and, not being
in READERS, may be found by officers only."""

import json
import logging
import re
import time
from collections import defaultdict
from datetime import date

from odoo import fields
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.fields import Command
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException, new_test_user
from odoo.tools import SQL, mute_logger

from ..models.hr_exit_interview import (
    BOARD_GROUP,
    CONFIDENTIAL_TEXT_FIELDS,
    REPORT_FIELDS,
)
from ..models.hr_exit_interview_external import (
    EXTERNAL_PREPARATION_FIELDS,
    EXTERNAL_REPORT_FIELDS,
)
from ..models.hr_exit_interview_line import QUESTION_FIELDS
from .common import ExitInterviewCase

_logger = logging.getLogger(__name__)

MARKER = re.compile(r"MKH\d{5}Q")
ADDON = "hr_exit_interview"
# Records of a model the sweep reads per role, newest first: the test's own.
SWEEP_LIMIT = 60
TEXT_TYPES = ("char", "text", "html")
# What Odoo logs when it refuses a read, a route or a report.
HUNT_LOGGERS = (
    "odoo.addons.base.models.ir_rule",
    "odoo.addons.base.models.ir_model",
    "odoo.addons.base.models.ir_actions_report",
    "odoo.http",
    "odoo.models",
    "odoo.osv.expression",
)

# The columns of the access matrix, each a user of the fixture. For interview "A"
# the employee has a portal user; for "B" the employee is a board member.
ROLES = (
    "officer",
    "interviewer",
    "other_interviewer",
    "board",
    "hr_user",
    "internal",
    "manager",
    "employee_portal",
    "portal",
    "public",
    "board_manager",
    "board_coach",
    "board_employee",
    "external",
)
# What each role is to each interview, where it differs from its name: the board
# member who leaves in B is a board member like any other to A, and A's employee is
# a stranger to B.
ROLE_AS = {
    "A": {"board_employee": "board"},
    "B": {"employee_portal": "portal", "external": "portal"},
}
EXIT_ROLES = (
    "officer",
    "interviewer",
    "other_interviewer",
    "board",
    "board_manager",
    "board_coach",
    "board_employee",
)
INTERNAL_ROLES = (*EXIT_ROLES, "hr_user", "internal", "manager")
HOLDERS = ("officer", "interviewer")
# Tokens of READERS that name a user of the record itself.
OWNER = "its owner"
ASSIGNEE = "its assignee"
KEEPER = "who keeps in touch"
ATTENDEES = "its attendees"
LEAVER = "the employee who leaves"
AUTHOR = "its author"
# The board column, for the notice that a report waits, addressed to the board.
BOARD_NOTICE = "the board, for its notice"

# Who finds each text, by model and field (by model alone for Odoo's records of an
# interview's chatter, whose every field its readers read). A field that is not
# here may be found by officers only: a new field leaking to anyone else fails.
INTERVIEW_READERS = {
    # What the interviewer prepares, notes or is told: the working file.
    **dict.fromkeys(CONFIDENTIAL_TEXT_FIELDS, HOLDERS),
    # What the board reads: the report and the interview's identity.
    **dict.fromkeys(
        (*REPORT_FIELDS, "job_title", "career_jobs", "year"), (*HOLDERS, "board")
    ),
    "board_evaluation": ("officer", "board"),
    "notice_text": HOLDERS,
    "notice_lang": HOLDERS,
    # A digest of the link: for no one.
    "access_token_digest": (),
    # The employee's comment on the report they read first: for the board.
    "employee_report_comment": ("officer", "board"),
}
# The employee reads the questions and their own answers on the portal.
LINE_READERS = {
    **dict.fromkeys(QUESTION_FIELDS, (*HOLDERS, "board")),
    **dict.fromkeys(
        ("section_name", "question", "answer_text"), (*HOLDERS, "board", LEAVER)
    ),
    "interviewer_note": HOLDERS,
}
# The external interviewer of A reads, on their pages and the two sheets, what an
# internal interviewer prepares, notes and reports; never the board's texts, the
# notice or the employee's choices.
EXTERNAL = "external"
for _name in (
    *EXTERNAL_PREPARATION_FIELDS,
    *EXTERNAL_REPORT_FIELDS,
    "job_title",
    "career_jobs",
):
    INTERVIEW_READERS[_name] = (*INTERVIEW_READERS[_name], EXTERNAL)
for _name, _readers in LINE_READERS.items():
    LINE_READERS[_name] = (*_readers, EXTERNAL)
LOGGED_IN = tuple(role for role in ROLES if role != "public")


def chatter(*readers):
    """The messages of a document: its readers read them. Every user reads every
    notification and its message's record name (Odoo's rule): the addon writes a
    neutral one on interviews and measures (test_access_chatter)."""
    return {"*": readers, "record_name": LOGGED_IN}


# The company's default template is a field of the company, which everyone reads;
# the employee reads the letter of their interview's template on the portal.
TEMPLATE = {
    "name": ROLES,
    "letter": (*EXIT_ROLES, LEAVER, EXTERNAL),
    "closing": (*EXIT_ROLES, LEAVER, EXTERNAL),
}
READERS = {
    "hr.exit.interview": INTERVIEW_READERS,
    "hr.exit.interview.line": LINE_READERS,
    "hr.exit.interview.measure": {
        "name": ("officer", "board", OWNER),
        # What the board lets leavers hear of a measure: the board writes it.
        "leaver_text": ("officer", "board"),
    },
    "hr.exit.interview.link.sending": {"email": ("officer",)},
    "hr.exit.interview.template": TEMPLATE,
    "hr.exit.interview.section": {"name": EXIT_ROLES},
    "hr.exit.interview.question": {"name": EXIT_ROLES, "help_text": EXIT_ROLES},
    # The advice alone, which names no one: every internal user reads it.
    "hr.job.advice": {"advice": INTERNAL_ROLES},
    # The tag's name names no one: whoever reads tags reads it.
    "res.partner.category": {"name": INTERNAL_ROLES},
    # Odoo's field of administrators only.
    "res.partner": {"*": ("officer", KEEPER), "signup_type": ()},
    "calendar.event": {"*": (ATTENDEES,)},
    # The board reads the notice addressed to it, never the chatter; those kept
    # out of the interview and its employee get no notice.
    ("mail.message", "hr.exit.interview"): chatter(*HOLDERS, BOARD_NOTICE),
    ("mail.activity", "hr.exit.interview"): {"*": (*HOLDERS, ASSIGNEE)},
    ("ir.attachment", "hr.exit.interview"): {"*": HOLDERS},
    ("mail.message", "hr.exit.interview.measure"): chatter(
        "officer", "board", OWNER, AUTHOR
    ),
    ("mail.activity", "hr.exit.interview.measure"): {
        "*": ("officer", "board", OWNER, ASSIGNEE)
    },
    # The record name of the to-do's notice is the contact's, the former
    # employee's name, as for any contact (see chatter()).
    ("mail.message", "res.partner"): chatter("officer", KEEPER, AUTHOR),
    ("mail.activity", "res.partner"): {"*": ("officer", KEEPER, ASSIGNEE)},
}
# Roles that may find a text that READERS does not name.
UNLISTED_READERS = ("officer",)


def leaks(found, allowed):
    """The findings that READERS does not allow: {(role, marker): ways} of found
    ({role: {marker: ways}}) where the role is not among allowed[marker]."""
    return {
        (role, marker): ways
        for role, markers in found.items()
        for marker, ways in markers.items()
        if role not in allowed.get(marker, UNLISTED_READERS)
    }


def sweep_rows(model):
    """The newest records of the model, every readable field. Where a field of
    another module fails as a whole (in a database beside hr_holidays, a
    computed field of hr.employee.public), field by field, so that no field of
    ours goes unread; a model that cannot be searched at all (account's code
    mapping) holds nothing to find."""
    env = model.env
    names = readable_fields(model)
    rows = []
    for batch in (names, *([name] for name in names)):
        try:
            with env.cr.savepoint():
                rows += model.search_read([], batch, limit=SWEEP_LIMIT, order="id desc")
        except NotImplementedError:
            return []
        # Anything another module's field raises: that field is left out.
        except Exception:  # noqa: BLE001  # pylint: disable=broad-exception-caught
            env.invalidate_all()
            continue
        if batch is names:
            return rows
    return rows


def readable_fields(model):
    """The fields the model's user may read, binaries left out."""
    return [
        name
        for name, desc in model.fields_get(attributes=["type"]).items()
        if desc["type"] != "binary"
    ]


@tagged("post_install", "-at_install")
class TestMarkerHunt(HttpCase, ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A database with demo data (or a customer's) holds interviews of its own,
        # which the board may rightly read: the hunt plants in the fixture's only
        # (and in every template, question and advice, which tell of no exit).
        env = cls.env(su=True, context={"active_test": False})
        cls.last_id_before = {
            name: env[name].search([], order="id desc", limit=1).id or 0
            for name, model in env.registry.items()
            if model._original_module == ADDON
            and not model._abstract
            and (name == "hr.exit.interview" or "interview_id" in model._fields)
        }
        cls._make_users()
        cls._make_interviews()
        cls.markers = {}
        cls._plant()

    # === FIXTURE === #

    @classmethod
    def _make_users(cls):
        board_user = f"base.group_user,{BOARD_GROUP}"
        cls.users.update(
            other_interviewer=cls.other_interviewer,
            manager=cls.manager_user,
            employee_portal=cls.make_employee_portal_user("hunt_employee_portal"),
            portal=cls.make_portal_user("hunt_portal"),
            public=cls.env.ref("base.public_user"),
            board_manager=new_test_user(
                cls.env, login="hunt_board_manager", groups=board_user
            ),
            board_coach=new_test_user(
                cls.env, login="hunt_board_coach", groups=board_user
            ),
            board_employee=new_test_user(
                cls.env, login="hunt_board_employee", groups=board_user
            ),
            external=new_test_user(
                cls.env,
                login="hunt_external",
                email="hunt_external@federation.example",
                groups="base.group_portal",
            ),
        )
        # Export rights for all: what stops an export is the field's group.
        export = cls.env.ref("base.group_allow_export")
        for role in ROLES:
            if role != "public":
                cls.users[role].groups_id |= export
        employees = cls.env["hr.employee"]
        cls.coach = employees.create(
            {"name": "Cora Coach", "user_id": cls.users["board_coach"].id}
        )
        cls.board_leader = employees.create(
            {"name": "Bert Board", "user_id": cls.users["board_manager"].id}
        )
        cls.employee.coach_id = cls.coach
        cls.colleague = employees.create(
            {
                "name": "Bea Board",
                "parent_id": cls.manager.id,
                "coach_id": cls.coach.id,
                "user_id": cls.users["board_employee"].id,
            }
        )
        # The one who keeps in touch with former employees.
        cls.company.exit_interview_keep_in_touch_user_id = cls.users["hr_user"]

    @classmethod
    def _make_interviews(cls):
        cls.short = cls.create_template(
            ("Why leave?", "text"), ("How was it?", "rating"), ("Again?", "yes_no")
        )
        cls.job = cls.env["hr.job"].create({"name": "Youth Worker"})
        cls.employee.write(
            {
                "job_id": cls.job.id,
                "private_street": "Kerkstraat 1",
                "private_city": "Gent",
            }
        )
        # A: the employee answers on the portal as its own portal user, keeps in
        # touch and passes the advice on.
        cls.interview_a, _token = cls.create_invited_interview(
            template_id=cls.short.id, last_working_day=fields.Date.today()
        )
        # B: the employee is a board member.
        cls.interview_b, _token = cls.create_invited_interview(
            employee_id=cls.colleague.id,
            template_id=cls.short.id,
            last_working_day=date(2031, 6, 30),
        )
        interviews = cls.interview_a | cls.interview_b
        interviews.line_ids.sudo().write({"answer_text": "An answer"})
        for interview in interviews:
            cls.agree_board_reads_answers(interview)
        as_interviewer = interviews.with_user(cls.interviewer)
        as_interviewer.action_mark_held()
        as_interviewer.line_ids.write({"interviewer_note": "A note"})
        as_interviewer.write(
            {
                "report_summary": "The report",
                "advice_for_successor": "Some advice",
                "excelled_at": "Praise",
            }
        )
        cls.interview_a.with_user(cls.interviewer).write(
            {"keep_in_touch": "volunteer", "keep_in_touch_consent": True}
        )
        for interview in interviews:
            interview.message_post(body="A word", message_type="comment")
            interview.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=cls.interviewer.id,
                summary="To do",
                note="A note",
            )
            cls.env["ir.attachment"].create(
                {
                    "name": "notes.txt",
                    "raw": b"notes",
                    "res_model": "hr.exit.interview",
                    "res_id": interview.id,
                }
            )
        # A later manager is kept out too.
        (cls.employee | cls.colleague).parent_id = cls.board_leader
        as_interviewer.action_share_with_board()
        for interview in interviews:
            interview.with_user(cls.board).write(
                {
                    "board_evaluation": "A lesson",
                    "measure_ids": [
                        Command.create({"name": "Onboarding buddy"}),
                        Command.create(
                            {
                                "name": "Plan the handover",
                                "user_id": cls.manager_user.id,
                            }
                        ),
                    ],
                }
            )
            for measure in interview.measure_ids:
                measure.message_post(body="A word", message_type="comment")
        cls.interview_a.with_user(cls.board).read(["report_summary"])
        cls.interview_a.sudo().successor_advice_consent = True
        cls.interview_a.with_user(cls.officer).action_hand_over_advice()
        external = cls.users["external"]
        cls.interview_a.with_user(cls.officer)._external_name(
            external, external.name, external.email, "en_US"
        )

    @classmethod
    def _documents(cls):
        """The records whose messages, activities and attachments are planted: the
        interviews, their measures and the contact kept in touch with."""
        interviews = (cls.interview_a | cls.interview_b).sudo()
        return [
            *interviews,
            *interviews.measure_ids,
            *interviews.keep_in_touch_partner_id,
        ]

    @classmethod
    def _records_to_plant(cls):
        """{model: records} of every record the addon wrote for the fixture."""
        env = cls.env(su=True, context={"active_test": False})
        records = {
            name: env[name].search([("id", ">", cls.last_id_before.get(name, 0))])
            for name, model in env.registry.items()
            if model._original_module == ADDON and not model._abstract
        }
        documents = cls._documents()
        docs = defaultdict(list)
        for record in documents:
            docs[record._name].append(record.id)
        records["mail.message"] = env["mail.message"].search(
            cls._thread_domain(docs, "model")
        )
        records["mail.activity"] = env["mail.activity"].search(
            cls._thread_domain(docs, "res_model")
        )
        records["ir.attachment"] = env["ir.attachment"].search(
            cls._thread_domain(docs, "res_model")
        )
        interviews = (cls.interview_a | cls.interview_b).sudo()
        records["calendar.event"] = interviews.calendar_event_id
        records["res.partner"] = interviews.keep_in_touch_partner_id
        records["res.partner.category"] = (
            cls.company._exit_interview_keep_in_touch_category()
        )
        return records

    @staticmethod
    def _thread_domain(docs, model_field):
        domain = []
        for name, ids in docs.items():
            domain = (["|", *domain] if domain else domain) + [
                "&",
                (model_field, "=", name),
                ("res_id", "in", ids),
            ]
        return domain

    @staticmethod
    def _plantable(model, field):
        if field.type not in TEXT_TYPES or not field.store or field.related:
            return False
        # A model's name (a message's or an activity's document) is no text, nor
        # is the index of a hierarchy.
        if field.company_dependent or field.name in (
            "model",
            "res_model",
            "parent_path",
        ):
            return False
        if model._name == "ir.attachment":
            return field.name in ("name", "description")
        return not (field.compute and not field.inverse and field.readonly)

    @classmethod
    def _plant(cls):
        """A unique marker in each planted field of each record, written in SQL past
        the addon's own guards; cls.markers: {marker: (model, field, record id)}."""
        env = cls.env(su=True)
        env.flush_all()
        count = 0
        for name, records in cls._records_to_plant().items():
            model = env[name]
            planted = [
                field
                for field in model._fields.values()
                if cls._plantable(model, field)
            ]
            for record in records:
                assignments = []
                for field in planted:
                    count += 1
                    marker = f"MKH{count:05d}Q"
                    cls.markers[marker] = (name, field.name, record.id)
                    value = json.dumps({"en_US": marker}) if field.translate else marker
                    assignments.append(
                        SQL("%s = %s", SQL.identifier(field.name), value)
                    )
                if assignments:
                    env.cr.execute(
                        SQL(
                            "UPDATE %s SET %s WHERE id = %s",
                            SQL.identifier(model._table),
                            SQL(", ").join(assignments),
                            record.id,
                        )
                    )
        env.invalidate_all()

    # === EXPECTATIONS === #

    def _interview_of(self, name, record):
        """ "A", "B" or None: the interview a planted record belongs to."""
        env = self.env(su=True)
        record = env[name].browse(record)
        if name in ("mail.message",):
            name, record = record.model, env[record.model].browse(record.res_id)
        elif name in ("mail.activity", "ir.attachment", "calendar.event"):
            name, record = record.res_model, env[record.res_model].browse(record.res_id)
        if name == "hr.exit.interview.measure" or "interview_id" in record._fields:
            record = record.interview_id
        elif name != "hr.exit.interview":
            return None
        return {self.interview_a: "A", self.interview_b: "B"}.get(record)

    def _table_entry(self, name, field_name, record):
        env = self.env(su=True)
        key = name
        if name in ("mail.message", "mail.activity", "ir.attachment"):
            record = env[name].browse(record)
            key = (name, record.model if name == "mail.message" else record.res_model)
        entry = READERS.get(key, {})
        return entry.get(field_name, entry.get("*"))

    def _users_of(self, token, name, record_id):
        """The users a token of READERS names for a record."""
        record = self.env(su=True)[name].browse(record_id)
        if token == OWNER:
            if name == "hr.exit.interview.measure":
                return record.user_id
            if name == "mail.message":
                return self.env[record.model].sudo().browse(record.res_id).user_id
            return self.env["res.users"]
        if token == ASSIGNEE:
            return record.user_id if name == "mail.activity" else self.env["res.users"]
        if token == KEEPER:
            return self.company.exit_interview_keep_in_touch_user_id
        if token == LEAVER:
            interviews = (self.interview_a | self.interview_b).sudo()
            if name == "hr.exit.interview.template":
                interviews = interviews.filtered(lambda i: i.template_id == record)
            elif name == "hr.exit.interview.line":
                interviews = record.interview_id
            return self.env["res.users"].union(
                *(interview._leaver_user() for interview in interviews)
            )
        if token == ATTENDEES:
            # The external interviewer too, a portal user: Odoo's calendar lets
            # attendees read their meeting.
            return record.partner_ids.user_ids
        if token == AUTHOR:
            return record.author_id.user_ids
        return self.env["res.users"]

    def _is_board_notice(self, message_id):
        """Whether the message is the notice to the board that a report waits."""
        message = self.env(su=True)["mail.message"].browse(message_id)
        board = self.env.ref(BOARD_GROUP).users
        return message.message_type == "user_notification" and bool(
            message.partner_ids & board.partner_id
        )

    def allowed(self):
        """{marker: the roles that may find it} for the markers READERS names;
        officers may find the others (UNLISTED_READERS)."""
        by_user = {user: role for role, user in self.users.items() if role in ROLES}
        allowed = {}
        for marker, (name, field_name, record_id) in self.markers.items():
            entry = self._table_entry(name, field_name, record_id)
            if entry is None:
                continue
            # The columns of the matrix the entry names, each role as what it is
            # to the record's interview; and the users its tokens name.
            columns = set(entry) & set(ROLES)
            if BOARD_NOTICE in entry and self._is_board_notice(record_id):
                columns.add("board")
            as_role = ROLE_AS.get(self._interview_of(name, record_id) or "A", {})
            allowed[marker] = {
                role for role in ROLES if as_role.get(role, role) in columns
            } | {
                by_user[user]
                for token in entry
                for user in self._users_of(token, name, record_id)
                if user in by_user
            }
        return allowed

    # === THE HUNT === #

    def sweep_models(self):
        """The models whose records hold a marker that the superuser reads by the
        sweep (and those whose display names do): a role finds nothing that the
        superuser does not, so each role sweeps these only."""
        env = self.env(su=True)
        holding, named = set(), set()
        for name in self.env.registry:
            model = env[name]
            if model._abstract or (
                model._transient and model._original_module != ADDON
            ):
                continue
            rows = sweep_rows(model)
            if MARKER.search(str(rows)):
                holding.add(name)
            if MARKER.search(str([row.get("display_name") for row in rows])):
                named.add(name)
        return holding, named

    def hunt_orm(self, user, models, named):
        """{marker: ways} the user finds through the ORM in the models; a way
        refused as a whole is tried field by field."""
        found = defaultdict(set)
        env = self.env(user=user.id, su=False)

        def look(way, call, names):
            for batch in (names, *([name] for name in names)):
                try:
                    with env.cr.savepoint():
                        result = call(batch)
                except (
                    AccessError,
                    UserError,
                    ValueError,
                    MissingError,
                    NotImplementedError,
                ):
                    if len(names) == 1:
                        return
                    continue
                for marker in MARKER.findall(str(result)):
                    found[marker].add(way)
                if batch is names:
                    return

        for name in sorted(models):
            model = env[name]
            if not model.has_access("read"):
                continue
            descriptions = model.fields_get(
                attributes=["type", "relation", "groupable"]
            )
            readable = [n for n, d in descriptions.items() if d["type"] != "binary"]
            try:
                records = model.search([], limit=SWEEP_LIMIT, order="id desc")
            except (AccessError, UserError, ValueError, NotImplementedError):
                continue
            domain = [("id", "in", records.ids)]
            look(
                f"search_read {name}",
                lambda names, m=model, d=domain: m.search_read(d, names),
                readable,
            )
            look(
                f"export {name}",
                lambda names, r=records: r.export_data(names),
                readable,
            )
            spec = {}
            for fname in readable:
                relation = descriptions[fname].get("relation")
                spec[fname] = {}
                if relation and env[relation].has_access("read"):
                    comodel = env[relation].fields_get(attributes=["type"])
                    spec[fname] = {
                        "fields": {
                            n: {} for n, d in comodel.items() if d["type"] in TEXT_TYPES
                        }
                    }
            look(
                f"web_read {name}",
                lambda names, r=records, s=spec: r.web_read({n: s[n] for n in names}),
                readable,
            )
            for fname, desc in descriptions.items():
                if desc.get("groupable") and (
                    desc["type"] in TEXT_TYPES
                    or (
                        desc["type"] in ("many2one", "many2many")
                        and desc["relation"] in named
                    )
                ):
                    look(
                        f"read_group {name}",
                        lambda names, m=model, d=domain: m.read_group(
                            d, names, names, lazy=False
                        ),
                        [fname],
                    )
        return found

    def hunt_http(self, role):
        """{marker: ways} the role finds over HTTP: the chatter's routes,
        /web/content, the addon's reports and the employee's portal pages."""
        found = defaultdict(set)
        login = None if role == "public" else self.users[role].login
        self.authenticate(login, login)

        def look(way, text):
            for marker in MARKER.findall(text):
                found[marker].add(way)

        for document in self._documents():
            thread = {"thread_model": document._name, "thread_id": document.id}
            for route, params in (
                ("/mail/thread/messages", {"limit": 100}),
                (
                    "/mail/thread/data",
                    {"request_list": ["activities", "attachments", "followers"]},
                ),
            ):
                try:
                    answer = self.make_jsonrpc_request(route, {**thread, **params})
                except JsonRpcException:
                    continue
                look("chatter", str(answer))
        for attachment in self._records_to_plant()["ir.attachment"]:
            response = self.url_open(f"/web/content/{attachment.id}")
            look("content", f"{response.headers} {response.text}")
        reports = (
            self.env["ir.actions.report"]
            .sudo()
            .search([("report_name", "=like", f"{ADDON}.%")])
        )
        period = json.dumps({"date_from": "2020-01-01", "date_to": "2040-12-31"})
        for report in reports:
            if report.model == "hr.exit.interview":
                urls = [
                    f"/report/html/{report.report_name}/{interview.id}"
                    for interview in self.interview_a | self.interview_b
                ]
            else:
                urls = [f"/report/html/{report.report_name}?options={period}"]
            for url in urls:
                look("report", self.url_open(url).text)
        for path in (
            "/my/home",
            "/my/exit-interviews",
            self.portal_path(self.interview_a),
            self.portal_path(self.interview_b),
            "/my/exit-interviews/interviewer",
            *(
                f"/my/exit-interviews/interviewer/{interview.id}{suffix}"
                for interview in self.interview_a | self.interview_b
                for suffix in ("", "/conversation.pdf", "/questions.pdf")
            ),
        ):
            look("portal", self.url_open(path).text)
        return found

    def hunt(self, roles=ROLES):
        """{role: {marker: ways}}, and the models swept."""
        holding, named = self.sweep_models()
        found = {}
        for role in roles:
            found[role] = self.hunt_orm(self.users[role], holding, named)
            for marker, ways in self.hunt_http(role).items():
                found[role][marker] |= ways
        return found, holding

    def describe(self, role, marker, ways):
        name, field_name, record_id = self.markers[marker]
        record = self.env(su=True)[name].browse(record_id)
        where = ""
        if name in ("mail.message", "mail.activity", "ir.attachment"):
            document = record.model if name == "mail.message" else record.res_model
            where = f" on {document} {record.res_id}"
        return (
            f"{role} finds {name}.{field_name} of record {record_id}{where} "
            f"by {sorted(ways)}"
        )

    # === TESTS === #

    @mute_logger(*HUNT_LOGGERS)
    def test_each_role_finds_exactly_what_its_column_allows(self):
        start = time.monotonic()
        found, holding = self.hunt()
        allowed = self.allowed()
        # Every model of the addon that holds text and records of the fixture is
        # planted in: none is left out by the selection of records.
        planted = {name for name, _field, _id in self.markers.values()}
        for name, records in self._records_to_plant().items():
            model = self.env[name]
            if records and any(
                self._plantable(model, field) for field in model._fields.values()
            ):
                self.assertIn(name, planted)
        self.assertIn("hr.exit.interview", planted)
        found_leaks = sorted(
            self.describe(role, marker, ways)
            for (role, marker), ways in leaks(found, allowed).items()
        )
        # Each role finds each text it may read, in one record at least: a page
        # shows a rating question without its (planted) text answer.
        expected_texts = {
            (role, *self.markers[marker][:2])
            for marker, roles in allowed.items()
            for role in roles
        }
        found_texts = {
            (role, *self.markers[marker][:2])
            for role, markers in found.items()
            for marker in markers
        }
        missed = sorted(
            f"{role} misses {name}.{field_name}"
            for role, name, field_name in expected_texts - found_texts
        )
        by_way = defaultdict(int)
        for markers in found.values():
            for ways in markers.values():
                for way in {way.split()[0] for way in ways}:
                    by_way[way] += 1
        _logger.info(
            "marker hunt: %s markers in %s fields of %s models, %s models swept, "
            "%s roles, findings by way %s, %.1f s",
            len(self.markers),
            len({(name, field) for name, field, _r in self.markers.values()}),
            len({name for name, _f, _r in self.markers.values()}),
            len(holding),
            len(found),
            dict(sorted(by_way.items())),
            time.monotonic() - start,
        )
        self.assertEqual(found_leaks + missed, [], "\n".join(found_leaks + missed))

    @mute_logger(*HUNT_LOGGERS)
    def test_the_hunt_catches_a_leaky_field(self):
        """A field added here to the measures, without groups, that copies the
        short report of the measure's interview: the manager who owns a measure
        reads it (they follow the measure up by design), so they find the
        report's marker, which READERS forbids them, and leaks() reports it. This
        proves that the hunt reads a field it was never told of and that the
        check flags a text where its role may not find it; it does not prove that
        every way of reading is covered, which the main test's ways do."""
        allowed = self.allowed()
        summary = self.marker_of(
            "hr.exit.interview", "report_summary", self.interview_a
        )
        self.assertEqual(
            leaks({"manager": {summary: {"fabricated"}}}, allowed),
            {("manager", summary): {"fabricated"}},
        )
        self.assertFalse(leaks({"board": {summary: {"fabricated"}}}, allowed))
        measures = "hr.exit.interview.measure"
        leaky = self.env["ir.model.fields"].create(
            {
                "name": "x_leaky_report",
                "field_description": "Leaky Report",
                "model_id": self.env["ir.model"]._get_id(measures),
                "ttype": "text",
                "store": False,
                "depends": "interview_id",
                "compute": "for measure in self:\n"
                "    measure['x_leaky_report'] = "
                "measure.sudo().interview_id.report_summary",
            }
        )
        try:
            found = self.hunt_orm(self.manager_user, {measures}, set())
        finally:
            leaky.unlink()
        self.assertIn(("manager", summary), leaks({"manager": found}, allowed))
        self.assertIn(f"search_read {measures}", found[summary])
        # Without the field, the manager finds their measure and its chatter, and
        # nothing of the report.
        found = self.hunt_orm(self.manager_user, {measures}, set())
        self.assertIn((measures, "name"), {self.markers[m][:2] for m in found})
        self.assertNotIn(summary, found)
        self.assertFalse(leaks({"manager": found}, allowed))

    def marker_of(self, name, field_name, record):
        """The marker planted in the field of the record."""
        return next(
            marker
            for marker, planted in self.markers.items()
            if planted == (name, field_name, record.id)
        )
