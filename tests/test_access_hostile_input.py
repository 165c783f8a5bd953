"""Hostile input through the portal's POST handler and JSON-RPC: each one gets a clean
4xx or a clear error, never a 500; markup is stored as text and rendered escaped
everywhere; an earlier answer is never lost."""

from markupsafe import escape

from odoo.tests import tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from ..models.hr_exit_interview_portal import ANSWER_MAX_LENGTH
from .common import ANSWERS_REPORT, BOARD_REPORT, PortalCase

EARLIER_TEXT = "My earlier answer"

# Markup and injection attempts in a text answer: stored as typed, shown as text.
MARKUP_PAYLOADS = (
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "<iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">click</a>',
    '<t t-out="env.user.password"/>',
    "{{ object.env.user.password }}",
    "${7*7} %(employee)s {0.__class__}",
    "'); DROP TABLE hr_exit_interview; --",
    "<style>body{display:none}</style>",
)

# (what, extra form fields or None for the defaults, expected status). The defaults:
# a valid token, CSRF, notice acknowledged, action save.
REFUSED_POSTS = (
    ("rating out of range", {"rating": "9"}, 400),
    ("negative rating", {"rating": "-1"}, 400),
    ("rating with SQL", {"rating": "1; DELETE FROM hr_exit_interview_line"}, 400),
    ("rating as markup", {"rating": "<b>3</b>"}, 400),
    ("yes/no other word", {"yes_no": "maybe"}, 400),
    ("oversized answer", {"text": "x" * (ANSWER_MAX_LENGTH + 1)}, 400),
    ("a megabyte answer", {"text": "x" * 1_000_000}, (400, 413)),
    ("question of another interview", {"foreign": "Hijack"}, 400),
    ("malformed question id", {"answer_abc": "x"}, 400),
    ("negative question id", {"answer_-1": "x"}, 400),
    ("huge question id", {"answer_99999999999999999999999": "x"}, 400),
    ("superscript digit as question id", {"answer_\u00b9": "x"}, 400),
    ("unknown action", {"action": "delete"}, 400),
    ("no action", {"action": ""}, 400),
    ("missing CSRF", {"csrf_token": None}, 400),
    ("forged CSRF", {"csrf_token": "0" * 40 + "o1234567890"}, 400),
    ("no token", {"access_token": None}, 404),
    ("wrong token", {"access_token": "x" * 36}, 404),
    ("token of another interview", {"access_token": "other"}, 404),
    ("token with SQL", {"access_token": "' OR 1=1 --"}, 404),
    (
        "oversized decline reason",
        {"action": "decline", "decline_reason": "x" * (ANSWER_MAX_LENGTH + 1)},
        400,
    ),
    ("interview that does not exist", {"interview": "missing"}, 404),
)


@tagged("post_install", "-at_install")
class TestHostileInput(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = cls.make_employee_portal_user("hostile_portal")
        cls.short = cls.create_template(
            ("What did you enjoy?", "text"),
            ("How do you rate us?", "rating"),
            ("Would you come back?", "yes_no"),
        )
        cls.interview, cls.token = cls.create_invited_interview(
            template_id=cls.short.id
        )
        cls.text_line, cls.rating_line, cls.yes_no_line = (
            cls.interview.line_ids.sorted()
        )
        stranger = cls.env["hr.employee"].create({"name": "Other Leaver"})
        cls.other, cls.other_token = cls.create_invited_interview(
            employee_id=stranger.id, template_id=cls.short.id
        )

    def setUp(self):
        super().setUp()
        self.interview.sudo()._portal_record_choices(True, False)
        self.interview.sudo()._portal_save_answers(
            {self.text_line.id: EARLIER_TEXT, self.rating_line.id: "4"}
        )

    def aimed(self, extra):
        """The values of a save with the given hostile changes, named by what
        they aim at: an answer (text, rating, yes_no), the question of another
        interview (foreign), the token of another interview (other)."""
        lines = {
            "text": self.text_line,
            "rating": self.rating_line,
            "yes_no": self.yes_no_line,
            "foreign": self.other.line_ids[0],
        }
        values = {"action": "save"}
        for key, value in extra.items():
            values[lines.get(key, key)] = value
        if values.get("access_token") == "other":
            values["access_token"] = self.other_token
        return values

    def assert_earlier_answers_kept(self):
        self.env.invalidate_all()
        self.assertEqual(self.text_line.answer_text, EARLIER_TEXT)
        self.assertEqual(self.rating_line.answer_rating, "4")
        self.assertEqual(self.interview.state, "invited")
        self.assertFalse(any(self.other.line_ids.mapped("answer_text")))

    @mute_logger("odoo.http", "werkzeug")
    def test_refused_posts_answer_4xx_and_lose_nothing(self):
        missing = self.env["hr.exit.interview"].browse(
            self.env["hr.exit.interview"].search([], order="id desc", limit=1).id + 1
        )
        for what, extra, expected in REFUSED_POSTS:
            with self.subTest(what):
                extra = dict(extra)
                interview = missing if extra.pop("interview", None) else self.interview
                # The page is the employee's own, whatever the post aims at.
                page = self.page().text
                session = self.opener.cookies.copy()
                if "access_token" in extra:
                    # Another browser: not the one whose session the link opened.
                    self.opener.cookies.clear()
                response = self.post(self.aimed(extra), page, interview=interview)
                self.opener.cookies.update(session)
                allowed = expected if isinstance(expected, tuple) else (expected,)
                self.assertIn(response.status_code, allowed)
                self.assert_earlier_answers_kept()
                if response.status_code == 400 and "text" in extra:
                    self.assertIn("longer than", response.text)

    def test_files_where_text_is_expected_are_refused(self):
        for field, action in (("csrf_token", "save"), ("decline_reason", "decline")):
            with self.subTest(field=field):
                response = self.post(
                    self.aimed({"action": action, field: None}),
                    files={field: ("x.txt", b"not text")},
                )
                self.assertEqual(response.status_code, 400)
                self.assert_earlier_answers_kept()
                self.assertEqual(self.interview.state, "invited")

    @mute_logger("odoo.http")
    def test_replayed_token_and_posts_after_lock(self):
        old_token = self.token
        response = self.post(self.aimed({"action": "submit", "text": "Final words"}))
        self.assertEqual(response.status_code, 200)
        self.env.invalidate_all()
        self.assertEqual(self.interview.state, "prepared")
        self.assertFalse(self.interview._portal_token_matches(old_token))
        for extra in ({"text": "Replayed"}, {"action": "decline"}):
            with self.subTest(extra=extra):
                # The ended link opens the neutral page.
                response = self.post(self.aimed(dict(extra, access_token=old_token)))
                self.assertEqual(response.status_code, 404)
        self.authenticate("hostile_portal", "hostile_portal")
        for extra in (
            {"text": "After lock"},
            {"action": "decline"},
            {"action": "submit"},
        ):
            with self.subTest(owner=extra):
                response = self.post(self.aimed(dict(extra, access_token=None)))
                self.assertEqual(response.status_code, 400)
        self.env.invalidate_all()
        self.assertEqual(self.text_line.answer_text, "Final words")
        self.assertEqual(self.interview.state, "prepared")

    def test_get_on_the_post_handler_is_refused(self):
        response = self.url_open(
            f"/my/exit-interviews/{self.interview.id}/answer?access_token={self.token}",
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 405)

    def test_nul_characters_are_dropped_not_a_crash(self):
        response = self.post(self.aimed({"text": "Line\x00 one"}))
        self.assertEqual(response.status_code, 200)
        self.env.invalidate_all()
        self.assertEqual(self.text_line.answer_text, "Line one")

    def test_markup_stays_text_in_portal_back_office_and_reports(self):
        reports = self.env["ir.actions.report"]
        for payload in MARKUP_PAYLOADS:
            with self.subTest(payload=payload):
                response = self.post(self.aimed({"text": payload}))
                self.assertEqual(response.status_code, 200)
                self.env.invalidate_all()
                self.assertEqual(self.text_line.answer_text, payload)
                page = self.page().text
                answers = reports._render_qweb_html(
                    ANSWERS_REPORT,
                    self.interview.ids,
                )[0].decode()
                for rendered in (page, answers):
                    self.assertIn(str(escape(payload)), rendered)
                    if "<" in payload:
                        self.assertNotIn(payload, rendered)
        # The board's report, with a hostile answer and a hostile short report.
        self.interview.action_mark_held()
        self.interview.report_summary = MARKUP_PAYLOADS[1]
        self.agree_board_reads_answers(self.interview)
        self.interview.action_share_with_board()
        board_report = (
            reports.with_user(self.board)
            ._render_qweb_html(BOARD_REPORT, self.interview.ids)[0]
            .decode()
        )
        for payload in (MARKUP_PAYLOADS[-1], MARKUP_PAYLOADS[1]):
            self.assertIn(str(escape(payload)), board_report)
            self.assertNotIn(payload, board_report)
        # The back office shows these texts in plain-text fields, which the web
        # client never renders as markup.
        fields = self.env["hr.exit.interview.line"].fields_get(
            ["answer_text", "answer_display", "interviewer_note"], ["type"]
        )
        self.assertEqual({field["type"] for field in fields.values()}, {"text"})
        self.assertEqual(
            self.env["hr.exit.interview"].fields_get(["report_summary"], ["type"])[
                "report_summary"
            ]["type"],
            "text",
        )

    @mute_logger(
        "odoo.http",
        "odoo.addons.base.models.ir_rule",
        "odoo.addons.base.models.ir_model",
    )
    def test_json_rpc_refuses_hostile_calls_cleanly(self):
        calls = (
            (
                "hostile_portal",
                "hr.exit.interview",
                "_portal_save_answers",
                [[self.interview.id], {str(self.text_line.id): "Via RPC"}],
            ),
            (
                "hostile_portal",
                "hr.exit.interview",
                "read",
                [[self.interview.id], ["report_summary"]],
            ),
            (
                "hostile_portal",
                "hr.exit.interview.line",
                "write",
                [[self.text_line.id], {"answer_text": "Overwritten"}],
            ),
            (
                "exit_interviewer",
                "hr.exit.interview.line",
                "write",
                [[self.text_line.id], {"answer_text": "Interviewer's words"}],
            ),
            (
                "exit_other_interviewer",
                "hr.exit.interview",
                "read",
                [[self.interview.id], ["report_summary"]],
            ),
            (
                "exit_other_interviewer",
                "hr.exit.interview.line",
                "search_read",
                [[["answer_text", "ilike", "%"]], ["answer_text"]],
            ),
            (
                "exit_interviewer",
                "hr.exit.interview",
                "action_evaluate",
                [[self.interview.id]],
            ),
            (
                "exit_board",
                "hr.exit.interview",
                "write",
                [[self.interview.id], {"report_summary": "<script>x</script>"}],
            ),
            (
                "exit_manager",
                "hr.exit.interview",
                "search_read",
                [[["employee_id", "=", self.employee.id]], ["report_summary"]],
            ),
            (
                "exit_interviewer",
                "hr.exit.interview",
                "write",
                [[self.interview.id], {"state": "evaluated"}],
            ),
            (
                "exit_interviewer",
                "hr.exit.interview",
                "search_read",
                [[["access_token_digest", "!=", False]], ["access_token_digest"]],
            ),
        )
        for login, model, method, args in calls:
            with self.subTest(login=login, method=method, model=model):
                self.authenticate(login, login)
                try:
                    result = self.make_jsonrpc_request(
                        "/web/dataset/call_kw",
                        {"model": model, "method": method, "args": args, "kwargs": {}},
                    )
                except JsonRpcException as error:
                    self.assertRegex(
                        str(error), "AccessError|UserError|ValidationError"
                    )
                else:
                    self.assertEqual(result, [], f"{method} returned {result}")
        self.assert_earlier_answers_kept()
        self.assertFalse(self.interview.report_summary)
