"""Inside Odoo, each role reads and writes only its own: the manager kept
out stays out, the board summary shows no text its reader may not read and no small
count, the board reads the report and not the chatter, names quote nothing, the
workflow holds for every writer, every board reading is logged."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from ..models.hr_exit_interview import CONFIDENTIAL_TEXT_FIELDS, OFFICER_GROUP, STATES
from .common import ACCESS_LOGGERS, ExitInterviewCase

MARK = "BACK-OFFICE-MARK"
# What the employee and the interviewer wrote: the board writes its evaluation
# below, and a held interview has no reason to decline.
TEXTS = [
    name
    for name in CONFIDENTIAL_TEXT_FIELDS
    if name not in ("board_evaluation", "decline_reason")
]


@tagged("post_install", "-at_install")
class TestBackOfficeConfidentiality(HttpCase, ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager_user.groups_id |= cls.env.ref(OFFICER_GROUP)
        cls.short = cls.create_template(("Why leave?", "text"), ("Rate us", "rating"))
        cls.reported = cls.create_interview(
            template_id=cls.short.id,
            state="held",
            report_include_answers=False,
            **{name: f"{MARK}-{name}" for name in TEXTS},
        )
        lines = cls.reported.line_ids.sorted()
        lines[0].sudo().answer_text = f"{MARK}-answer"
        lines[1].sudo().answer_rating = "2"
        cls.reported.with_user(cls.interviewer).message_post(
            body=f"{MARK}-note", subtype_xmlid="mail.mt_note"
        )
        cls.activity = cls.reported.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=f"{MARK}-activity",
            user_id=cls.interviewer.id,
        )
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": f"{MARK}-file.txt",
                "raw": f"{MARK}-file".encode(),
                "res_model": "hr.exit.interview",
                "res_id": cls.reported.id,
            }
        )
        cls.reported.with_user(cls.interviewer).action_share_with_board()
        cls.reported.with_user(cls.board).write(
            {
                "board_evaluation": f"{MARK}-evaluation",
                "measure_ids": [
                    Command.create(
                        {"name": f"{MARK}-measure", "user_id": cls.officer.id}
                    )
                ],
            }
        )
        cls.measure = cls.reported.measure_ids
        cls.measure.message_post(
            body="Follow-up",
            subtype_xmlid="mail.mt_comment",
            partner_ids=cls.officer.partner_id.ids,
        )

    # 1. The manager kept out stays out

    @mute_logger(*ACCESS_LOGGERS)
    def test_manager_kept_out_whatever_their_employee_record_says(self):
        as_manager = self.reported.with_user(self.manager_user)
        with self.assertRaises(AccessError):
            as_manager.read(["report_summary"])
        self.manager.with_user(self.manager_user).write({"user_id": False})
        with self.assertRaises(AccessError):
            as_manager.read(["report_summary"])
        self.assertFalse(
            self.env["hr.exit.interview.line"]
            .with_user(self.manager_user)
            .search([("interview_id", "=", self.reported.id)])
        )
        with self.assertRaises(AccessError):
            self.measure.with_user(self.manager_user).read(["name"])
        # The setting opens new interviews only.
        self.company.exit_interview_manager_officer_access = True
        with self.assertRaises(AccessError):
            as_manager.read(["report_summary"])
        # Nobody removes a kept-out user by hand.
        with self.assertRaises(AccessError):
            self.reported.with_user(self.officer).write(
                {"kept_out_user_ids": [Command.clear()]}
            )

    @mute_logger(*ACCESS_LOGGERS)
    def test_a_new_manager_is_kept_out_too(self):
        newcomer = self.env["hr.employee"].create(
            {"name": "New Boss", "user_id": self.officer.id}
        )
        self.employee.parent_id = newcomer
        self.assertIn(self.officer, self.reported.kept_out_user_ids)
        self.assertIn(self.manager_user, self.reported.kept_out_user_ids)
        with self.assertRaises(AccessError):
            self.reported.with_user(self.officer).read(["report_summary"])

    # 2. The summary

    def summary(self, user, year=2031):
        report = self.env["report.hr_exit_interview.report_exit_interview_summary"]
        # A year is summarised from a month after its end on.
        with freeze_time(f"{year + 1}-02-01"):
            return report.with_user(user)._get_report_values([], {"year": year})

    def test_summary_shows_no_text_the_reader_cannot_read(self):
        self.company.exit_interview_min_group_size = 3
        for index in range(3):
            employee = self.env["hr.employee"].create({"name": f"Leaver {index}"})
            self.create_interview(
                employee_id=employee.id,
                state="held",
                report_summary="Report",
                points_to_improve=f"Other point {index}",
            ).action_share_with_board()
        values = self.summary(self.manager_user)
        self.assertNotIn(
            f"{MARK}-points_to_improve", values["points_to_improve"], "kept out"
        )
        self.assertNotIn(self.measure, values["measures"])
        self.assertIn(
            f"{MARK}-points_to_improve", self.summary(self.board)["points_to_improve"]
        )

    def test_summary_counts_small_cells_and_whole_years(self):
        values = self.summary(self.board)
        self.assertEqual(
            (values["date_from"], values["date_to"]),
            (date(2031, 1, 1), date(2031, 12, 31)),
        )
        for key in (
            "departure_count",
            "interview_count",
            "held_count",
            "declined_count",
        ):
            self.assertIsNone(values[key], key)
        for key in ("by_reason", "by_department", "by_seniority"):
            self.assertEqual(values[key], [], key)
        wizard = self.env["hr.exit.interview.summary.wizard"].with_user(self.board)
        with self.assertRaises(ValidationError):
            wizard.create({"date_from": "2031-06-15", "date_to": "2031-07-02"})

    # 3. The board reads the report, not the chatter

    @mute_logger(*ACCESS_LOGGERS)
    def test_board_reads_no_chatter_activity_attachment_or_hidden_rating(self):
        board = self.board
        messages = self.env["mail.message"].with_user(board)
        found = messages.search([("model", "=", "hr.exit.interview")])
        self.assertFalse(found.filtered(lambda m: MARK in (m.sudo().body or "")))
        note = self.env["mail.message"].search([("body", "ilike", f"{MARK}-note")])
        self.assertTrue(note)
        with self.assertRaises(AccessError):
            note.with_user(board).read(["body"])
        self.assertFalse(
            self.reported.with_user(board).message_ids.filtered(lambda m: m == note)
        )
        with self.assertRaises(AccessError):
            self.activity.with_user(board).read(["summary"])
        self.assertFalse(
            self.env["mail.activity"]
            .with_user(board)
            .search([("res_model", "=", "hr.exit.interview")])
        )
        with self.assertRaises(AccessError):
            self.attachment.with_user(board).read(["raw"])
        self.assertFalse(
            self.env["ir.attachment"]
            .with_user(board)
            .search([("res_model", "=", "hr.exit.interview")])
        )
        as_board = self.reported.with_user(board)
        with self.assertRaises(AccessError):
            as_board.read(["rating_average"])
        with self.assertRaises(AccessError):
            as_board.search([("rating_average", ">", 0)])
        with self.assertRaises(AccessError):
            as_board.read_group([], ["rating_average:avg"], ["state"])
        self.assertEqual(as_board.board_rating_average, 0.0)
        self.assertEqual(self.reported.rating_average, 2.0)
        # The interviewer still reads all of it.
        self.assertTrue(note.with_user(self.interviewer).read(["body"]))
        self.assertTrue(self.attachment.with_user(self.interviewer).read(["raw"]))
        self.assertTrue(self.activity.with_user(self.interviewer).read(["summary"]))

    @mute_logger("odoo.http", *ACCESS_LOGGERS)
    def test_board_reads_no_chatter_over_http(self):
        self.authenticate(self.board.login, self.board.login)
        for route in ("/mail/thread/messages", "/mail/thread/data"):
            params = {
                "thread_model": "hr.exit.interview",
                "thread_id": self.reported.id,
            }
            if route == "/mail/thread/data":
                params["request_list"] = ["activities", "attachments"]
            try:
                result = self.make_jsonrpc_request(route, params)
            except JsonRpcException:
                continue
            self.assertNotIn(MARK, str(result), route)
        response = self.url_open(f"/web/content/{self.attachment.id}?download=true")
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(MARK, response.text)
        with self.assertRaises(AccessError):
            self.env["mail.message"].with_user(self.board).search(
                [("model", "=", "hr.exit.interview")]
            ).export_data(["body"])

    # 4. Names

    def test_messages_and_notifications_name_no_one(self):
        self.env.flush_all()
        notifications = self.env["mail.notification"].search(
            [
                (
                    "mail_message_id.model",
                    "in",
                    ("hr.exit.interview", "hr.exit.interview.measure"),
                )
            ]
        )
        self.assertTrue(notifications)
        for login in ("portal", "internal"):
            user = (
                self.make_portal_user("names_portal")
                if login == "portal"
                else self.users["internal"]
            )
            rows = notifications.with_user(user).read(["mail_message_id"])
            for row in rows:
                name = row["mail_message_id"][1]
                self.assertNotIn(MARK, name)
                self.assertNotIn("Dirk", name)
        messages = self.env["mail.message"].search(
            [("model", "in", ("hr.exit.interview", "hr.exit.interview.measure"))]
        )
        for message in messages:
            self.assertNotIn(MARK, message.record_name or "")
            self.assertNotIn("Dirk", message.record_name or "")

    def test_anonymise_deletes_every_message(self):
        self.reported._anonymise()
        self.assertFalse(
            self.env["mail.message"].search_count(
                [
                    "|",
                    "&",
                    ("model", "=", "hr.exit.interview"),
                    ("res_id", "=", self.reported.id),
                    "&",
                    ("model", "=", "hr.exit.interview.measure"),
                    ("res_id", "in", self.measure.ids),
                ]
            )
        )
        self.assertFalse(
            self.env["mail.message"].search_count([("body", "ilike", MARK)])
        )

    # 5. The workflow holds for every writer

    @mute_logger(*ACCESS_LOGGERS)
    def test_state_moves_through_the_actions_only(self):
        held = self.create_interview(template_id=self.short.id, state="held")
        as_interviewer = held.with_user(self.interviewer)
        others = [state for state, _label in STATES if state != "held"]
        for state in others:
            with self.subTest(state=state), self.assertRaises(UserError):
                as_interviewer.write({"state": state})
        declined = self.create_interview(template_id=self.short.id, state="declined")
        with self.assertRaises(UserError):
            declined.with_user(self.interviewer).write({"state": "draft"})
        with self.assertRaises(AccessError):
            declined.with_user(self.interviewer).action_reset_draft()
        with self.assertRaises(UserError):
            declined.with_user(self.officer).write({"state": "draft"})
        declined.with_user(self.officer).action_reset_draft()
        self.assertEqual(declined.state, "draft")
        with self.assertRaises(UserError):
            self.env["hr.exit.interview"].with_user(self.officer).create(
                {"employee_id": self.employee.id, "state": "evaluated"}
            )
        as_interviewer.report_summary = "Report"
        as_interviewer.action_share_with_board()
        self.assertEqual(held.state, "shared")

    @mute_logger(*ACCESS_LOGGERS)
    def test_employee_and_measure_interview_cannot_move(self):
        other = self.env["hr.employee"].create({"name": "Someone Else"})
        held = self.create_interview(template_id=self.short.id, state="held")
        with self.assertRaises(UserError):
            held.with_user(self.interviewer).write({"employee_id": other.id})
        with self.assertRaises(UserError):
            held.with_user(self.officer).write({"employee_id": other.id})
        draft = self.create_interview(template_id=self.short.id)
        with self.assertRaises(UserError):
            draft.with_user(self.interviewer).write({"employee_id": other.id})
        draft.with_user(self.officer).write({"employee_id": other.id})
        second = self.create_interview(
            template_id=self.short.id, state="held", report_summary="x"
        )
        second.action_share_with_board()
        as_board = self.measure.with_user(self.board)
        with self.assertRaises(UserError):
            as_board.write({"interview_id": second.id})
        with self.assertRaises(UserError):
            second.with_user(self.board).write(
                {"measure_ids": [Command.link(self.measure.id)]}
            )
        with self.assertRaises(UserError):
            second.with_user(self.board).write(
                {"measure_ids": [Command.set(self.measure.ids)]}
            )
        self.assertEqual(self.measure.interview_id, self.reported)

    # 6. Every board reading is logged

    def logs(self):
        return self.env["hr.exit.interview.reading"].search_count(
            [("interview_id", "=", self.reported.id), ("user_id", "=", self.board.id)]
        )

    def test_board_opening_the_form_is_logged(self):
        before = self.logs()
        self.reported.with_user(self.board).web_read({"report_summary": {}})
        self.assertEqual(self.logs(), before + 1)
        self.reported.with_user(self.interviewer).web_read({"report_summary": {}})
        self.assertEqual(self.logs(), before + 1, "the interviewer's own work")
        self.authenticate(self.board.login, self.board.login)
        self.make_jsonrpc_request(
            "/web/dataset/call_kw/hr.exit.interview/web_read",
            {
                "model": "hr.exit.interview",
                "method": "web_read",
                "args": [[self.reported.id]],
                "kwargs": {"specification": {"report_summary": {}}},
            },
        )
        self.assertEqual(self.logs(), before + 2)
        html = self.url_open(
            f"/report/html/hr_exit_interview.report_exit_interview/{self.reported.id}"
        )
        self.assertIn(f"{MARK}-report_summary", html.text)
        self.assertNotIn(f"{MARK}-answer", html.text)
        self.assertEqual(self.logs(), before + 3)
