"""The access matrix, one table per kind of operation: every role against
every object, each cell the expected outcome, checked through the ORM as that user and,
for the portal and the public, over HTTP."""

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger

from .common import PortalCase

OK = "ok"
DENIED = D = "denied"

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
)

# Record operations. The interview: read, write (report_summary), create, unlink on
# the held one; read and evaluate the reported one. Its lines: the interviewer's note
# on the held one. Board measures on the reported one: create, write, unlink.
# Templates: write, create, unlink.
RECORD_OPERATIONS = (
    "read_held",
    "write_held",
    "create",
    "unlink",
    "read_reported",
    "evaluate_reported",
    "write_note",
    "create_measure",
    "write_measure",
    "unlink_measure",
    "write_template",
    "create_template",
    "unlink_template",
    "type_in_paper",
    "hand_over_advice",
    "read_job_advice",
    "write_job_advice",
)
# The last four: Type In Paper Answers on an invited interview; Hand Over Advice on a
# reported one whose employee agreed; the advice handed over to a job position, which
# names no one, read and changed.
RECORD_MATRIX = {
    "admin": (OK,) * 17,
    "officer": (OK,) * 17,
    "interviewer": (OK, OK, D, D, OK, D, OK, D, D, D, D, D, D, OK, D, OK, D),
    "other_interviewer": (D,) * 15 + (OK, D),
    # Held the two interviews before the officer handed them to the interviewer.
    "former_interviewer": (D,) * 15 + (OK, D),
    # An officer who coaches both employees: kept out of their interviews.
    "officer_manager": (D,) * 10 + (OK,) * 3 + (D, D, OK, OK),
    "board": (D, D, D, D, OK, OK, D, OK, OK, OK, D, D, D, D, D, OK, D),
    "manager": (D,) * 15 + (OK, D),
    "internal": (D,) * 15 + (OK, D),
    "portal": (D,) * 17,
    "other_portal": (D,) * 17,
}

# Field groups: (model, field). A number is how many of the two interviews (held,
# reported) the role finds by search_read, filter, group by and export; DENIED is an
# AccessError on each of them.
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
}
# How each model reaches its interview; templates belong to none.
INTERVIEW_LINK = {
    "hr.exit.interview": "id",
    "hr.exit.interview.line": "interview_id",
    "hr.exit.interview.link.sending": "interview_id",
    "hr.exit.interview.measure": "interview_id",
    "hr.exit.interview.question": False,
}
# One row per role, in the order of FIELD_GROUPS.
FIELD_MATRIX = {
    # role: identity, preparation, report, evaluation, sendings, answers, notes,
    # measures, templates
    "admin": (2, 2, 2, 2, 2, 2, 2, 1, 1),
    "officer": (2, 2, 2, 2, 2, 2, 2, 1, 1),
    "interviewer": (2, 2, 2, D, D, 2, 2, 0, 1),
    "other_interviewer": (0, 0, 0, D, D, 0, 0, 0, 1),
    "former_interviewer": (0, 0, 0, D, D, 0, 0, 0, 1),
    "officer_manager": (0, 0, 0, 0, 0, 0, 0, 0, 1),
    "board": (1, D, 1, 1, D, 1, D, 1, 1),
    "manager": (D, D, D, D, D, D, D, 0, D),
    "internal": (D, D, D, D, D, D, D, 0, D),
    "portal": (D,) * 9,
    "other_portal": (D,) * 9,
}

# Reports rendered by the role: board report of the held and of the reported
# interview, the question sheet and the answers of the held one, the period summary.
REPORTS = (
    ("board_held", "action_report_exit_interview", "held"),
    ("board_reported", "action_report_exit_interview", "shared"),
    ("sheet", "action_report_exit_interview_questions", "held"),
    ("answers", "action_report_exit_interview_answers", "held"),
    ("summary", "action_report_exit_interview_summary", None),
)
REPORT_MATRIX = {
    "admin": (OK, OK, OK, OK, OK),
    "officer": (OK, OK, OK, OK, OK),
    "interviewer": (DENIED, DENIED, OK, OK, DENIED),
    "other_interviewer": (DENIED,) * 5,
    "former_interviewer": (DENIED,) * 5,
    "officer_manager": (DENIED,) * 4 + (OK,),
    "board": (DENIED, OK, DENIED, DENIED, OK),
    "manager": (DENIED,) * 5,
    "internal": (DENIED,) * 5,
    "portal": (DENIED,) * 5,
    "other_portal": (DENIED,) * 5,
}

# The employee's portal page over HTTP: (who is logged in, which interview, which
# token) -> status. The link opens the invited interview while its questions are open;
# logged in, the user its latest sending names (the employee) reads it afterwards too.
# Everything else gets the same neutral page (404), whether the interview exists or
# not.
PAGE_MATRIX = (
    (None, "invited", "own", 200),
    (None, "invited", "other", 404),
    (None, "invited", "wrong", 404),
    (None, "invited", None, 404),
    (None, "held", "former", 404),
    (None, "missing", "own", 404),
    ("portal", "invited", None, 200),
    ("portal", "held", None, 200),
    ("portal", "held", "wrong", 200),
    ("other_portal", "invited", None, 404),
    ("other_portal", "invited", "other", 404),
    ("manager", "invited", None, 404),
    ("interviewer", "invited", None, 404),
    ("officer", "invited", None, 404),
    ("board", "held", None, 404),
    ("board", "held", "former", 404),
)


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
            groups="base.group_user,hr_exit_interview.group_exit_interview_interviewer",
        )
        officer_manager = new_test_user(
            cls.env,
            login="matrix_officer_manager",
            groups="base.group_user,hr_exit_interview.group_exit_interview_officer",
        )
        coach = cls.env["hr.employee"].create(
            {"name": "Olga Officer", "user_id": officer_manager.id}
        )
        cls.employee.coach_id = coach
        cls.users.update(former_interviewer=former, officer_manager=officer_manager)
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
        cls.colleague = colleague
        cls.job = cls.env["hr.job"].create({"name": "Youth Worker"})
        (cls.held | cls.reported).interviewer_id = cls.interviewer

    def as_role(self, record, role):
        return record.with_user(self.users[role])

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
            for name, expected in zip(
                RECORD_OPERATIONS, RECORD_MATRIX[role], strict=True
            ):
                with self.subTest(role=role, operation=name):
                    self.assertEqual(self.outcome(operations[name]), expected)

    def _record_operations(self, user):
        """Each operation of RECORD_OPERATIONS as the user, on records of its own
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

        def as_user(records):
            return records.with_user(user)

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
        }

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_field_groups_in_search_filter_group_by_and_export(self):
        interviews = self.held | self.reported
        for role in ROLES:
            for (model_name, field_name), expected in zip(
                FIELD_GROUPS.values(), FIELD_MATRIX[role], strict=True
            ):
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
        period = {"date_from": "2031-01-01", "date_to": "2031-12-31"}
        for role in ROLES:
            reports = self.env["ir.actions.report"].with_user(self.users[role])
            for (name, xmlid, state), expected in zip(
                REPORTS, REPORT_MATRIX[role], strict=True
            ):
                with self.subTest(role=role, report=name):
                    docids = interviews[state].ids if state else []
                    outcome = self.outcome(
                        lambda reports=reports, xmlid=xmlid, docids=docids: (
                            reports._render_qweb_html(
                                f"hr_exit_interview.{xmlid}", docids, data=period
                            )
                        )
                    )
                    self.assertEqual(outcome, expected)

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
        for login_role, interview, token, expected in PAGE_MATRIX:
            with self.subTest(user=login_role, interview=interview, token=token):
                if login_role:
                    login = self.users[login_role].login
                    self.authenticate(login, login)
                else:
                    self.authenticate(None, None)
                response = self.page(interviews[interview], tokens.get(token))
                self.assertEqual(response.status_code, expected)
                if expected == 200:
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
