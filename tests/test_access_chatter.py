"""Confidential words leak through neither the chatter nor Odoo's mail: messages,
tracking, activities, followers and the meeting's name; Odoo's generic portal mail
routes and attachments, which the employee's token does not open."""

import io
from datetime import date

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from ..models.hr_exit_interview import OFFICER_GROUP
from .common import ACCESS_LOGGERS, ExitInterviewCase, PortalCase, csrf_token

SECRETS = {
    "excelled_at": "SECRET-PREPARATION",
    "report_summary": "SECRET-REPORT",
    "reasons_for_leaving": "SECRET-REASONS",
    "points_to_improve": "SECRET-IMPROVE",
    "board_evaluation": "SECRET-EVALUATION",
}
SECRET_ANSWER = "SECRET-ANSWER"
SECRET_NOTE = "SECRET-NOTE"
SECRET_DECLINE = "SECRET-DECLINE"


@tagged("post_install", "-at_install")
class TestChatterAndFollowers(ExitInterviewCase):
    def setUp(self):
        super().setUp()
        # Tracking and notifications on, as in production; emails queued, not sent.
        self.env = self.env(
            context=dict(
                self.env.context, tracking_disable=False, mail_notify_force_send=False
            )
        )
        self.short = self.create_template(("Why leave?", "text"))

    def run_precommit(self):
        """What a commit does first: flush, then post the tracking messages."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def partners(self, *users):
        return self.env["res.partner"].union(*(user.partner_id for user in users))

    def test_confidential_words_never_reach_messages_tracking_or_activities(self):
        interview = (
            self.env["hr.exit.interview"]
            .with_user(self.officer)
            .create(
                {
                    "employee_id": self.employee.id,
                    "interviewer_id": self.interviewer.id,
                    "template_id": self.short.id,
                    "last_working_day": date(2031, 6, 30),
                }
            )
        )
        # Odoo tracks the changes of records created in an earlier transaction.
        self.run_precommit()
        interview.excelled_at = SECRETS["excelled_at"]
        interview.action_invite()
        interview.sudo()._portal_record_choices(True, False)
        interview.sudo()._portal_submit_answers({interview.line_ids.id: SECRET_ANSWER})
        as_interviewer = interview.with_user(self.interviewer)
        as_interviewer.line_ids.interviewer_note = SECRET_NOTE
        as_interviewer.action_mark_held()
        as_interviewer.write(
            {
                key: SECRETS[key]
                for key in (
                    "report_summary",
                    "reasons_for_leaving",
                    "points_to_improve",
                )
            }
        )
        as_interviewer.action_share_with_board()
        as_board = interview.with_user(self.board)
        as_board.write(
            {
                "board_evaluation": SECRETS["board_evaluation"],
                "measure_ids": [
                    Command.create({"name": "Buddy", "user_id": self.officer.id})
                ],
            }
        )
        as_board.action_evaluate()
        declined = self.create_interview(template_id=self.short.id)
        declined.action_invite()
        declined.with_env(self.env).sudo()._portal_decline(SECRET_DECLINE)

        self.run_precommit()
        self.assertTrue(self.env["mail.mail"].search_count([]), "emails went out")
        self.assertTrue(
            self.env["mail.tracking.value"].search_count(
                [
                    ("mail_message_id.model", "=", "hr.exit.interview"),
                    ("mail_message_id.res_id", "=", interview.id),
                ]
            ),
            "the status changes are tracked",
        )
        for secret in [*SECRETS.values(), SECRET_ANSWER, SECRET_NOTE, SECRET_DECLINE]:
            with self.subTest(secret=secret):
                self.assertFalse(
                    self.env["mail.message"].search_count(
                        ["|", ("body", "ilike", secret), ("subject", "ilike", secret)]
                    )
                )
                self.assertFalse(
                    self.env["mail.tracking.value"].search_count(
                        [
                            "|",
                            "|",
                            ("old_value_char", "ilike", secret),
                            ("new_value_char", "ilike", secret),
                            ("new_value_text", "ilike", secret),
                        ]
                    )
                )
                self.assertFalse(
                    self.env["mail.activity"].search_count(
                        ["|", ("summary", "ilike", secret), ("note", "ilike", secret)]
                    )
                )
                self.assertFalse(
                    self.env["mail.mail"].search_count([("body_html", "ilike", secret)])
                )

    def test_followers_are_the_officer_and_the_interviewer_only(self):
        interview = (
            self.env["hr.exit.interview"]
            .with_user(self.officer)
            .create(
                {"employee_id": self.employee.id, "interviewer_id": self.interviewer.id}
            )
        )
        self.assertEqual(
            interview.message_partner_ids, self.partners(self.officer, self.interviewer)
        )
        interview.with_user(self.officer).interviewer_id = self.other_interviewer
        self.assertEqual(
            interview.message_partner_ids,
            self.partners(self.officer, self.other_interviewer),
            "the former interviewer no longer follows",
        )
        interview.with_user(self.officer).message_subscribe(
            partner_ids=self.manager_user.partner_id.ids
        )
        self.assertNotIn(self.manager_user.partner_id, interview.message_partner_ids)

    def test_activities_name_the_interview_not_the_employee(self):
        interview = (
            self.env["hr.exit.interview"]
            .with_user(self.officer)
            .create(
                {"employee_id": self.employee.id, "interviewer_id": self.interviewer.id}
            )
        )
        activity = interview.with_user(self.officer).activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=self.interviewer.id,
            summary="Prepare the talk",
        )
        self.run_precommit()
        self.assertEqual(activity.res_name, f"Exit interview {interview.id}")
        assigned = self.env["mail.message"].search(
            [
                ("model", "=", "hr.exit.interview"),
                ("res_id", "=", interview.id),
                ("subject", "ilike", "assigned to you"),
            ]
        )
        self.assertTrue(assigned, "the interviewer is told of the activity")
        for text in (assigned.subject, assigned.body, activity.res_name):
            self.assertNotIn(self.employee.name, text)

    def test_the_meeting_names_no_one(self):
        interview = self.create_interview()
        self.assertTrue(interview.calendar_event_id)
        self.assertNotIn("Dirk", interview.calendar_event_id.name)

    @mute_logger(*ACCESS_LOGGERS)
    def test_no_one_puts_an_activity_on_an_interview_they_cannot_follow(self):
        interview = self.create_interview(template_id=self.short.id)
        internal = self.users["internal"]
        partner = self.env["res.partner"].create({"name": "A contact"})
        activity = partner.activity_schedule(
            "mail.mail_activity_data_todo", user_id=internal.id
        )
        with self.assertRaises(AccessError):
            activity.with_user(internal).write(
                {
                    "res_model_id": self.env["ir.model"]._get_id("hr.exit.interview"),
                    "res_id": interview.id,
                }
            )

    def test_followers_are_listed_only_to_those_who_read_the_chatter(self):
        interview = (
            self.env["hr.exit.interview"]
            .with_user(self.officer)
            .create(
                {"employee_id": self.employee.id, "interviewer_id": self.interviewer.id}
            )
        )
        followers = self.env["mail.followers"].search(
            [("res_model", "=", "hr.exit.interview"), ("res_id", "=", interview.id)]
        )
        self.assertEqual(len(followers), 2)
        domain = [
            ("res_model", "=", "hr.exit.interview"),
            ("res_id", "not in", self.interviews_before.ids),
        ]
        for user in (self.officer, self.interviewer):
            self.assertEqual(
                self.env["mail.followers"].with_user(user).search(domain), followers
            )
            followers.with_user(user).read(["partner_id", "res_id"])
        for user in (self.manager_user, self.board, self.other_interviewer):
            with self.subTest(user=user.login):
                self.assertFalse(
                    self.env["mail.followers"].with_user(user).search(domain)
                )
                self.assertEqual(
                    self.env["mail.followers"].with_user(user).search_count(domain), 0
                )
                with self.assertRaises(AccessError):
                    followers.with_user(user).read(["partner_id", "res_id"])

    def test_officer_who_holds_the_interview_follows_it_once(self):
        interview = (
            self.env["hr.exit.interview"]
            .with_user(self.officer)
            .create(
                {"employee_id": self.employee.id, "interviewer_id": self.officer.id}
            )
        )
        self.assertEqual(
            interview.message_follower_ids.partner_id, self.officer.partner_id
        )
        self.assertEqual(len(interview.message_follower_ids), 1)

    def test_manager_who_is_officer_never_follows(self):
        self.manager_user.groups_id |= self.env.ref(OFFICER_GROUP)
        self.company.exit_interview_manager_officer_access = True
        interview = (
            self.env["hr.exit.interview"]
            .with_user(self.manager_user)
            .create(
                {"employee_id": self.employee.id, "interviewer_id": self.interviewer.id}
            )
        )
        self.assertEqual(interview.message_partner_ids, self.interviewer.partner_id)


@tagged("post_install", "-at_install")
class TestPortalMailRoutes(PortalCase):
    """The employee's token opens the portal page only, not Odoo's generic chatter,
    message post and attachment routes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = cls.make_employee_portal_user("doors_portal")
        cls.interview, cls.token = cls.create_invited_interview()
        cls.interview.message_post(
            body="Internal: SECRET-NOTE", subtype_xmlid="mail.mt_note"
        )
        cls.interview.message_post(
            body="Comment to followers: SECRET-COMMENT",
            subtype_xmlid="mail.mt_comment",
            message_type="comment",
        )

    def thread_params(self, **extra):
        return {
            "thread_model": "hr.exit.interview",
            "thread_id": self.interview.id,
            "token": self.token,
            **extra,
        }

    @mute_logger("odoo.http")
    def test_chatter_fetch_and_init_show_nothing(self):
        for login in (None, "doors_portal"):
            self.authenticate(login, login)
            with self.subTest(login=login):
                with self.assertRaises(JsonRpcException):
                    self.make_jsonrpc_request(
                        "/mail/chatter_fetch", self.thread_params()
                    )
                store = self.make_jsonrpc_request(
                    "/portal/chatter_init", self.thread_params()
                )
                self.assertNotIn("Thread", store)
                data = self.make_jsonrpc_request(
                    "/mail/thread/data",
                    self.thread_params(request_list=["messages", "followers"]),
                )
                self.assertNotIn("SECRET", str(data))
                self.assertIn("'hasReadAccess': False", str(data))

    @mute_logger("odoo.http")
    def test_message_post_and_upload_accept_nothing(self):
        messages_before = len(self.interview.message_ids)
        for login in (None, "doors_portal"):
            self.authenticate(login, login)
            with self.subTest(login=login):
                with self.assertRaises(JsonRpcException):
                    self.make_jsonrpc_request(
                        "/mail/message/post",
                        self.thread_params(
                            post_data={"body": "Unseen", "message_type": "comment"}
                        ),
                    )
                response = self.url_open(
                    "/mail/attachment/upload",
                    data={
                        "thread_model": "hr.exit.interview",
                        "thread_id": self.interview.id,
                        "token": self.token,
                        "csrf_token": csrf_token(self.page().text),
                    },
                    files={"ufile": ("note.txt", io.BytesIO(b"unseen"), "text/plain")},
                )
                self.assertEqual(response.status_code, 404)
        self.assertEqual(len(self.interview.message_ids), messages_before)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "hr.exit.interview"), ("name", "=", "note.txt")]
            )
        )

    @mute_logger("odoo.http")
    def test_attachments_follow_the_interview(self):
        attachment = self.env["ir.attachment"].create(
            {
                "name": "notes.txt",
                "raw": b"SECRET-ATTACHMENT",
                "res_model": "hr.exit.interview",
                "res_id": self.interview.id,
            }
        )
        url = f"/web/content/{attachment.id}?download=true"
        for login, allowed in (
            ("exit_interviewer", True),
            ("exit_officer", True),
            ("exit_manager", False),
            ("exit_board", False),
            ("doors_portal", False),
            (None, False),
        ):
            self.authenticate(login, login)
            with self.subTest(login=login):
                response = self.url_open(url, allow_redirects=False)
                self.assertEqual(response.status_code == 200, allowed)
                self.assertEqual(b"SECRET-ATTACHMENT" in response.content, allowed)
