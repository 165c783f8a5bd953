"""The access matrix, one table per kind of operation: for each object, the roles
it allows or what each role finds there, every other role refused; every role is
tried on every object, through the ORM as that user and, for the portal and the
public, over HTTP."""

from collections import namedtuple

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger

from ..models.hr_exit_interview import BOARD_GROUP, INTERVIEWER_GROUP, OFFICER_GROUP
from .common import (
    ANSWERS_REPORT,
    BOARD_REPORT,
    QUESTIONS_REPORT,
    SUMMARY_REPORT,
    PortalCase,
)

OK = "ok"
DENIED = "denied"

# Every role the tables try. The former interviewer held the two interviews before
# the officer handed them to the interviewer; officer_manager, an officer who coaches
# both employees, is kept out of their interviews; internal holds no role. The last
# three are board members kept out in every role: board_manager and board_coach
# managed and coached both employees for a while, board_employee is the employee
# of the reported interview. external is the portal user an officer named external
# interviewer of both interviews, after replaced_external held them so.
ROLES = (
    "admin",
    "officer",
    "interviewer",
    "other_interviewer",
    "former_interviewer",
    "officer_manager",
    "board",
    "manager",
    "internal",
    "portal",
    "other_portal",
    "board_manager",
    "board_coach",
    "board_employee",
    "external",
    "replaced_external",
)
# The board members kept out of both interviews.
KEPT_OUT_BOARD = ("board_manager", "board_coach", "board_employee")
# The users of the back office: every role but the portal's.
INTERNAL_ROLES = tuple(
    role for role in ROLES if "portal" not in role and "external" not in role
)

# Record operations, each with the roles that may do it; every other role is
# refused. The interview: read, write (report_summary), create, unlink on the held
# one; read and evaluate the reported one. Its lines: the interviewer's note on the
# held one. Board measures on the reported one: create, write, unlink. Templates:
# write, create, unlink. Type In Paper Answers on an invited interview; Hand Over
# Advice on a reported one whose employee agreed; the advice handed over to a job
# position, which names no one, read and changed.
RECORD_MATRIX = {
    "read_held": ("admin", "officer", "interviewer"),
    "write_held": ("admin", "officer", "interviewer"),
    "create": ("admin", "officer"),
    "unlink": ("admin", "officer"),
    "read_reported": ("admin", "officer", "interviewer", "board"),
    "evaluate_reported": ("admin", "officer", "board"),
    "write_note": ("admin", "officer", "interviewer"),
    "create_measure": ("admin", "officer", "board"),
    "write_measure": ("admin", "officer", "board"),
    "unlink_measure": ("admin", "officer", "board"),
    "write_template": ("admin", "officer", "officer_manager"),
    "create_template": ("admin", "officer", "officer_manager"),
    "unlink_template": ("admin", "officer", "officer_manager"),
    "type_in_paper": ("admin", "officer", "interviewer"),
    "hand_over_advice": ("admin", "officer"),
    "read_job_advice": INTERNAL_ROLES,
    "write_job_advice": ("admin", "officer", "officer_manager"),
    # Data governance (issue 27): holds, requests, erasure and the copy of the
    # employee's data, for the officers who may open the interview; the erasure
    # log, which names no one, for every officer of the company.
    "place_hold": ("admin", "officer"),
    "read_hold": ("admin", "officer"),
    "record_request": ("admin", "officer"),
    "erase_now": ("admin", "officer"),
    "copy_of_data": ("admin", "officer"),
    "read_erasure_log": ("admin", "officer", "officer_manager"),
}

# Field groups: (model, field).
FIELD_GROUPS = {
    "identity": ("hr.exit.interview", "state"),
    "preparation": ("hr.exit.interview", "excelled_at"),
    "report": ("hr.exit.interview", "report_summary"),
    "evaluation": ("hr.exit.interview", "board_evaluation"),
    "sendings": ("hr.exit.interview.link.sending", "email"),
    "answers": ("hr.exit.interview.line", "answer_text"),
    "notes": ("hr.exit.interview.line", "interviewer_note"),
    "measures": ("hr.exit.interview.measure", "name"),
    "templates": ("hr.exit.interview.question", "name"),
    "employee_comment": ("hr.exit.interview", "employee_report_comment"),
}
# How each model reaches its interview; templates belong to none.
INTERVIEW_LINK = {
    "hr.exit.interview": "id",
    "hr.exit.interview.line": "interview_id",
    "hr.exit.interview.link.sending": "interview_id",
    "hr.exit.interview.measure": "interview_id",
    "hr.exit.interview.question": False,
}
# For each field group, how many of the two interviews (held, reported) each role
# finds by search_read, filter, group by and export (of templates: the one they
# ask about); every other role gets an AccessError on each of them.
FIELD_MATRIX = {
    "identity": {
        "admin": 2,
        "officer": 2,
        "interviewer": 2,
        "other_interviewer": 0,
        "former_interviewer": 0,
        "officer_manager": 0,
        "board": 1,
        **dict.fromkeys(KEPT_OUT_BOARD, 0),
    },
    "preparation": {
        "admin": 2,
        "officer": 2,
        "interviewer": 2,
        "other_interviewer": 0,
        "former_interviewer": 0,
        "officer_manager": 0,
    },
    "report": {
        "admin": 2,
        "officer": 2,
        "interviewer": 2,
        "other_interviewer": 0,
        "former_interviewer": 0,
        "officer_manager": 0,
        "board": 1,
        **dict.fromkeys(KEPT_OUT_BOARD, 0),
    },
    "evaluation": {
        "admin": 2,
        "officer": 2,
        "officer_manager": 0,
        "board": 1,
        **dict.fromkeys(KEPT_OUT_BOARD, 0),
    },
    "sendings": {"admin": 2, "officer": 2, "officer_manager": 0},
    "answers": {
        "admin": 2,
        "officer": 2,
        "interviewer": 2,
        "other_interviewer": 0,
        "former_interviewer": 0,
        "officer_manager": 0,
        "board": 1,
        **dict.fromkeys(KEPT_OUT_BOARD, 0),
    },
    "notes": {
        "admin": 2,
        "officer": 2,
        "interviewer": 2,
        "other_interviewer": 0,
        "former_interviewer": 0,
        "officer_manager": 0,
    },
    "measures": {
        "admin": 1,
        "officer": 1,
        "interviewer": 0,
        "other_interviewer": 0,
        "former_interviewer": 0,
        "officer_manager": 0,
        "board": 1,
        "manager": 0,
        "internal": 0,
        **dict.fromkeys(KEPT_OUT_BOARD, 0),
    },
    # The employee's comment on the report they read first: for the board.
    "employee_comment": {
        "admin": 2,
        "officer": 2,
        "officer_manager": 0,
        "board": 1,
        **dict.fromkeys(KEPT_OUT_BOARD, 0),
    },
    "templates": {
        "admin": 1,
        "officer": 1,
        "interviewer": 1,
        "other_interviewer": 1,
        "former_interviewer": 1,
        "officer_manager": 1,
        "board": 1,
        **dict.fromkeys(KEPT_OUT_BOARD, 1),
    },
}

# Reports: the board report of the held and of the reported interview, the question
# sheet and the answers of the held one, the period summary; (report, interview).
REPORTS = {
    "board_held": (BOARD_REPORT, "held"),
    "board_reported": (BOARD_REPORT, "shared"),
    "sheet": (QUESTIONS_REPORT, "held"),
    "answers": (ANSWERS_REPORT, "held"),
    "summary": (SUMMARY_REPORT, None),
}
# The roles that render each report; every other role is refused.
REPORT_MATRIX = {
    "board_held": ("admin", "officer"),
    "board_reported": ("admin", "officer", "board"),
    "sheet": ("admin", "officer", "interviewer"),
    "answers": ("admin", "officer", "interviewer"),
    # The summary shows the texts of the interviews its reader may read only.
    "summary": ("admin", "officer", "officer_manager", "board", *KEPT_OUT_BOARD),
}

# The employee's portal page over HTTP: who is logged in, which interview, which
# token, and the status. The link opens the invited interview while its questions
# are open; logged in, the user its latest sending names (the employee) reads it
# afterwards too. Everything else gets the same neutral page (404), whether the
# interview exists or not.
Visit = namedtuple("Visit", "user interview token status")
PAGE_MATRIX = (
    Visit(user=None, interview="invited", token="own", status=200),
    Visit(user=None, interview="invited", token="other", status=404),
    Visit(user=None, interview="invited", token="wrong", status=404),
    Visit(user=None, interview="invited", token=None, status=404),
    Visit(user=None, interview="held", token="former", status=404),
    Visit(user=None, interview="missing", token="own", status=404),
    Visit(user="portal", interview="invited", token=None, status=200),
    Visit(user="portal", interview="held", token=None, status=200),
    Visit(user="portal", interview="held", token="wrong", status=200),
    Visit(user="other_portal", interview="invited", token=None, status=404),
    Visit(user="other_portal", interview="invited", token="other", status=404),
    Visit(user="manager", interview="invited", token=None, status=404),
    Visit(user="interviewer", interview="invited", token=None, status=404),
    Visit(user="officer", interview="invited", token=None, status=404),
    Visit(user="board", interview="held", token=None, status=404),
    Visit(user="board", interview="held", token="former", status=404),
    Visit(user="board_manager", interview="invited", token=None, status=404),
    Visit(user="board_employee", interview="held", token=None, status=404),
    Visit(user="external", interview="held", token=None, status=404),
    Visit(user="replaced_external", interview="held", token=None, status=404),
)
# The external interviewer's pages over HTTP (the page, the two sheets) of the held
# interview: its external interviewer only, whatever the other roles; every other
# logged-in role gets Not Found.
INTERVIEWER_PAGES = ("", "/conversation.pdf", "/questions.pdf")
INTERVIEWER_PAGE_MATRIX = ("external",)


@tagged("post_install", "-at_install")
class TestAccessMatrix(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users.update(
            admin=cls.env.ref("base.user_admin"),
            other_interviewer=cls.other_interviewer,
            manager=cls.manager_user,
            portal=cls.make_employee_portal_user("matrix_portal"),
            other_portal=cls.make_portal_user("matrix_other_portal"),
        )
        former = new_test_user(
            cls.env,
            login="matrix_former_interviewer",
            groups=f"base.group_user,{INTERVIEWER_GROUP}",
        )
        officer_manager = new_test_user(
            cls.env,
            login="matrix_officer_manager",
            groups=f"base.group_user,{OFFICER_GROUP}",
        )
        coach = cls.env["hr.employee"].create(
            {"name": "Olga Officer", "user_id": officer_manager.id}
        )
        cls.employee.coach_id = coach
        cls.users.update(former_interviewer=former, officer_manager=officer_manager)
        for role in ("replaced_external", "external"):
            cls.users[role] = new_test_user(
                cls.env,
                login=f"matrix_{role}",
                email=f"{role}@federation.example",
                groups="base.group_portal",
            )
        # Export rights for all: what stops an export is the field's group.
        export = cls.env.ref("base.group_allow_export")
        for user in cls.users.values():
            user.groups_id |= export
        cls.short = cls.create_template(("Why leave?", "text"))
        cls.held, cls.former_token = cls.create_invited_interview(
            template_id=cls.short.id,
            excelled_at="Prepared praise",
            interviewer_id=former.id,
        )
        cls.held.action_mark_held()
        cls.held.report_summary = "Held report"
        cls.held.line_ids.write(
            {"answer_text": "Held answer", "interviewer_note": "Held note"}
        )
        # Every field of the table filled on both interviews, so that each path
        # finds the same records.
        cls.held.board_evaluation = "Not for the board yet"
        colleague = cls.env["hr.employee"].create(
            {"name": "Rita Reported", "parent_id": cls.manager.id, "coach_id": coach.id}
        )
        cls.reported, _token = cls.create_invited_interview(
            interviewer_id=former.id,
            employee_id=colleague.id,
            template_id=cls.short.id,
            report_summary="Reported report",
            excelled_at="Prepared",
        )
        cls.reported.action_mark_held()
        cls.reported.line_ids.write(
            {"answer_text": "Reported answer", "interviewer_note": "Reported note"}
        )
        cls.agree_board_reads_answers(cls.reported)
        cls.reported.action_share_with_board()
        cls.reported.write(
            {
                "board_evaluation": "A lesson",
                "measure_ids": [Command.create({"name": "Onboarding buddy"})],
            }
        )
        # The employee's comment, as their reading page records it.
        (cls.held | cls.reported).sudo().write(
            {"employee_report_comment": "The employee's word"}
        )
        cls.colleague = colleague
        cls.job = cls.env["hr.job"].create({"name": "Youth Worker"})
        (cls.held | cls.reported).interviewer_id = cls.interviewer
        cls._add_kept_out_board(coach)
        for interview in (cls.held, cls.reported):
            for role in ("replaced_external", "external"):
                user = cls.users[role]
                interview.with_user(cls.officer)._external_name(
                    user, user.name, user.email, "en_US"
                )

    @classmethod
    def _add_kept_out_board(cls, coach):
        """Board members who managed and coached both employees for a while (no
        one kept out is ever let in again), and the reported one's employee."""
        for role in KEPT_OUT_BOARD:
            cls.users[role] = new_test_user(
                cls.env,
                login=f"matrix_{role}",
                groups=f"base.group_user,{BOARD_GROUP},base.group_allow_export",
            )
        employees = cls.employee | cls.colleague
        employees.write(
            {
                "parent_id": cls.env["hr.employee"]
                .create(
                    {"name": "Bert Board", "user_id": cls.users["board_manager"].id}
                )
                .id,
                "coach_id": cls.env["hr.employee"]
                .create({"name": "Cora Board", "user_id": cls.users["board_coach"].id})
                .id,
            }
        )
        employees.write({"parent_id": cls.manager.id, "coach_id": coach.id})
        cls.colleague.user_id = cls.users["board_employee"]

    def expected(self, table, row, role):
        """The outcome the table states for the role in the row: the roles it
        names are allowed (or find what it says), every other role is refused."""
        allowed = table[row]
        self.assertLessEqual(set(allowed), set(ROLES), f"unknown role in {row}")
        if isinstance(allowed, dict):
            return allowed.get(role, DENIED)
        return OK if role in allowed else DENIED

    def outcome(self, operation):
        try:
            operation()
        except (AccessError, UserError):
            return DENIED
        return OK

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_records(self):
        for role in ROLES:
            operations = self._record_operations(self.users[role])
            self.assertEqual(list(operations), list(RECORD_MATRIX))
            for name, operation in operations.items():
                with self.subTest(role=role, operation=name):
                    expected = self.expected(RECORD_MATRIX, name, role)
                    self.assertEqual(self.outcome(operation), expected)

    def _record_operations(self, user):
        """Each operation of RECORD_MATRIX as the user, on records of its own
        where it destroys one."""
        victim = self.create_interview(template_id=self.short.id)
        victim_measure = self.env["hr.exit.interview.measure"].create(
            {"name": "To remove", "interview_id": self.reported.id}
        )
        victim_template = self.create_template(("Spare?", "text"), name="Spare")
        on_paper, _token = self.create_invited_interview(template_id=self.short.id)
        advised = self.create_interview(
            template_id=self.short.id,
            job_id=self.job.id,
            state="held",
            report_summary="Advised report",
            reasons_for_leaving="Closer to home",
            advice_for_successor="Keep the Saturday team together",
            points_to_improve="Summer planning",
        )
        advised.action_share_with_board()
        advised.sudo().successor_advice_consent = True
        job_advice = self.env["hr.job.advice"].create(
            {"job_id": self.job.id, "advice": "Spare advice"}
        )

        to_hold = self.create_interview(template_id=self.short.id)
        to_erase = self.create_interview(template_id=self.short.id)
        to_copy = self.create_interview(template_id=self.short.id)
        self.held.sudo().legal_hold_reason = "Held reason"

        def as_user(records):
            return records.with_user(user)

        def wizard(model, interview, **values):
            return as_user(self.env[model]).create(
                {"interview_id": interview.id, **values}
            )

        return {
            "read_held": lambda: as_user(self.held).read(["report_summary"]),
            "write_held": lambda: as_user(self.held).write({"report_summary": "New"}),
            "create": lambda: as_user(self.env["hr.exit.interview"]).create(
                {"employee_id": self.employee.id, "interviewer_id": self.interviewer.id}
            ),
            "unlink": lambda: as_user(victim).unlink(),
            "read_reported": lambda: as_user(self.reported).read(
                ["report_summary", "line_ids"]
            ),
            "evaluate_reported": lambda: as_user(self.reported).write(
                {"board_evaluation": "Lesson"}
            ),
            "write_note": lambda: as_user(self.held.line_ids).write(
                {"interviewer_note": "Note"}
            ),
            "create_measure": lambda: as_user(
                self.env["hr.exit.interview.measure"]
            ).create({"name": "Mentoring", "interview_id": self.reported.id}),
            "write_measure": lambda: as_user(self.reported.measure_ids[0]).write(
                {"name": "Buddy and mentoring"}
            ),
            "unlink_measure": lambda: as_user(victim_measure).unlink(),
            "write_template": lambda: as_user(self.short).write({"name": "Renamed"}),
            "create_template": lambda: as_user(
                self.env["hr.exit.interview.template"]
            ).create({"name": "New template"}),
            "unlink_template": lambda: as_user(victim_template).unlink(),
            "type_in_paper": lambda: as_user(on_paper).action_type_in_paper_answers(),
            "hand_over_advice": lambda: as_user(advised).action_hand_over_advice(),
            "read_job_advice": lambda: as_user(job_advice).read(["advice"]),
            "write_job_advice": lambda: as_user(job_advice).write({"advice": "New"}),
            "place_hold": lambda: wizard(
                "hr.exit.interview.hold", to_hold, reason="Dispute"
            ).action_confirm(),
            "read_hold": lambda: as_user(self.held).read(["legal_hold_reason"]),
            "record_request": lambda: as_user(
                self.env["hr.exit.interview.request"]
            ).create({"interview_id": self.held.id, "kind": "rectification"}),
            "erase_now": lambda: wizard(
                "hr.exit.interview.erase", to_erase, reason="request"
            ).action_confirm(),
            "copy_of_data": lambda: wizard(
                "hr.exit.interview.access", to_copy, delivery="download"
            ).action_confirm(),
            "read_erasure_log": lambda: as_user(
                self.env["hr.exit.interview.erasure.log"]
            ).search_read([], ["event"]),
        }

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_field_groups_in_search_filter_group_by_and_export(self):
        interviews = self.held | self.reported
        for role in ROLES:
            for group, (model_name, field_name) in FIELD_GROUPS.items():
                expected = self.expected(FIELD_MATRIX, group, role)
                model = self.env[model_name].with_user(self.users[role])
                with self.subTest(role=role, field=field_name):
                    found = self._found_by_every_path(model, field_name, interviews)
                    self.assertEqual(found, expected)

    def _found_by_every_path(self, model, field_name, interviews):
        """How many of the interviews the user finds through search_read, a filter, a
        group by and an export of the field (the same by each path), or DENIED."""
        link = INTERVIEW_LINK[model._name]
        # The records of these interviews, found in superuser mode: the link itself
        # may be a field the role does not read (a measure's interview).
        scope = (
            [("id", "in", model.sudo().search([(link, "in", interviews.ids)]).ids)]
            if link
            else [("template_id", "=", self.short.id)]
        )
        try:
            rows = model.search_read(scope, [field_name])
            filtered = model.search(scope + [(field_name, "!=", False)])
            grouped = model.read_group(scope, [], [field_name], lazy=False)
            exported = model.search(scope).export_data([field_name])["datas"]
        except AccessError:
            return DENIED
        self.assertEqual(len(filtered), len(rows))
        self.assertEqual(sum(group["__count"] for group in grouped), len(rows))
        self.assertEqual(len(exported), len(rows))
        found = model.sudo().browse([row["id"] for row in rows])
        return len(found) if link in (False, "id") else len(found.mapped(link))

    @mute_logger(
        "odoo.addons.base.models.ir_rule",
        "odoo.addons.base.models.ir_model",
        "odoo.addons.base.models.ir_actions_report",
    )
    def test_reports(self):
        interviews = {"held": self.held, "shared": self.reported}
        period = {"date_from": "2025-01-01", "date_to": "2025-12-31"}
        for role in ROLES:
            reports = self.env["ir.actions.report"].with_user(self.users[role])
            for name, (report, state) in REPORTS.items():
                with self.subTest(role=role, report=name):
                    docids = interviews[state].ids if state else []
                    outcome = self.outcome(
                        lambda reports=reports, report=report, docids=docids: (
                            reports._render_qweb_html(report, docids, data=period)
                        )
                    )
                    self.assertEqual(outcome, self.expected(REPORT_MATRIX, name, role))

    @mute_logger("odoo.http")
    def test_report_reading_page_over_http(self):
        """The page where the employee reads the report first opens with its own
        link only: no role, logged in or not, and no link of the questions opens
        it (the link itself: tests/test_report_read_first.py)."""
        for role in (None, "portal", "interviewer", "officer", "board", "admin"):
            for token in (None, self.former_token, "x" * 43):
                with self.subTest(role=role, token=bool(token)):
                    login = role and self.users[role].login
                    self.authenticate(login, login)
                    path = f"/my/exit-interviews/{self.held.id}/report"
                    response = self.url_open(
                        f"{path}?access_token={token}" if token else path,
                        allow_redirects=False,
                    )
                    self.assertEqual(response.status_code, 404)
                    # The neutral page, in whatever language the visitor has.
                    self.assertIn("o_exit_interview_invalid", response.text)
                    self.assertNotIn("Held report", response.text)

    @mute_logger("odoo.http")
    def test_portal_page_over_http(self):
        invited, token = self.create_invited_interview(template_id=self.short.id)
        other_invited, other_token = self.create_invited_interview(
            employee_id=self.colleague.id, template_id=self.short.id
        )
        tokens = {
            "own": token,
            "other": other_token,
            "former": self.former_token,
            "wrong": "x" * 43,
        }
        missing = self.env["hr.exit.interview"].browse(other_invited.id + 1000)
        interviews = {"invited": invited, "held": self.held, "missing": missing}
        for visit in PAGE_MATRIX:
            with self.subTest(**visit._asdict()):
                if visit.user:
                    login = self.users[visit.user].login
                    self.authenticate(login, login)
                else:
                    self.authenticate(None, None)
                response = self.page(
                    interviews[visit.interview], tokens.get(visit.token)
                )
                self.assertEqual(response.status_code, visit.status)
                if visit.status == 200:
                    self.assertIn("Why leave?", response.text)
                else:
                    self.assertIn("This link is no longer valid", response.text)
                self.assertNotIn("Held note", response.text)
                self.assertNotIn("Held report", response.text)

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_reports_over_http_refuse_the_portal_and_the_public(self):
        """/report/... takes no portal token and serves no share user."""
        urls = [
            f"/report/html/hr_exit_interview.report_exit_interview/{self.reported.id}",
            f"/report/html/hr_exit_interview.report_exit_interview_answers/{self.held.id}",
            f"/report/html/hr_exit_interview.report_exit_interview_questions/{self.held.id}",
        ]
        for login_role in (None, "portal"):
            if login_role:
                self.authenticate("matrix_portal", "matrix_portal")
            else:
                self.authenticate(None, None)
            for url in urls:
                with self.subTest(user=login_role, url=url):
                    response = self.url_open(
                        f"{url}?access_token={self.former_token}",
                        allow_redirects=False,
                    )
                    self.assertIn(response.status_code, (303, 403))
                    self.assertNotIn("Held answer", response.text)
                    self.assertNotIn("Reported report", response.text)

    @mute_logger("odoo.http")
    def test_interviewer_pages_over_http(self):
        for role in ROLES:
            user = self.users[role]
            user.sudo().password = user.login
            self.authenticate(user.login, user.login)
            for suffix in INTERVIEWER_PAGES:
                with self.subTest(role=role, page=suffix):
                    response = self.url_open(
                        f"/my/exit-interviews/interviewer/{self.held.id}{suffix}"
                    )
                    allowed = self.expected(
                        {"page": INTERVIEWER_PAGE_MATRIX}, "page", role
                    )
                    self.assertEqual(
                        response.status_code, 200 if allowed == OK else 404
                    )
                    if allowed != OK:
                        self.assertNotIn("Held note", response.text)
                        self.assertNotIn("Held report", response.text)
                    elif not suffix:
                        self.assertIn("Held note", response.text)
                        self.assertIn("Held report", response.text)
