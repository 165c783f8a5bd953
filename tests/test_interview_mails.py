from collections import Counter
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import new_test_user

from .common import BOARD_GROUP, LINK, MockEmail, PortalCase


@tagged("post_install", "-at_install")
class TestInterviewMails(MockEmail, PortalCase):
    """The mails of the whole loop, counted per person: each gets what they need,
    once, and no subject names the employee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The loop as users walk it: the chatter tracks what they change.
        cls.env = cls.env(
            context={
                key: value
                for key, value in cls.env.context.items()
                if key != "tracking_disable"
            }
        )
        cls.owner = new_test_user(
            cls.env,
            login="exit_board_owner",
            groups=f"base.group_user,{BOARD_GROUP}",
            email="owner@example.com",
        )
        # Each their own address, so that their mails can be told apart.
        for user in (cls.officer, cls.interviewer, cls.board):
            user.email = f"{user.login}@example.com"
        # The employee's work address too, which Odoo's calendar would write to.
        cls.employee.work_email = "dirk.work@example.com"
        cls.people = {
            "employee": {cls.employee.private_email, cls.employee.work_email},
            "interviewer": {cls.interviewer.email},
            "officer": {cls.officer.email},
            "board": {cls.board.email},
            "owner": {cls.owner.email},
        }
        # Every notification an email, so that the mails say all anyone receives.
        (
            cls.officer | cls.interviewer | cls.board | cls.owner
        ).notification_type = "email"

    def setUp(self):
        super().setUp()
        self.received = Counter()
        self.all_mails = []
        # A database with demo data has mails of its own in the queue.
        self.queued_before = self.env["mail.mail"].sudo().search([])

    def mails_by_person(self):
        """How many mails each person received, by role, and the other addresses."""
        roles = {
            email: role for role, emails in self.people.items() for email in emails
        }
        # A database with demo data has board members of its own, told as ours.
        demo_board = {
            self.normalize(user.email or "")
            for user in self.env.ref(BOARD_GROUP).sudo().users
            if user not in (self.board | self.owner)
        }
        counts = Counter()
        for mail in self._mails:
            for address in mail["email_to"]:
                address = self.normalize(address)
                if address not in demo_board:
                    counts[roles.get(address, address)] += 1
        return counts

    def assert_mails(self, expected):
        """The mails since the last step, counted per person; those queued (the
        portal's, sent after its request commits) sent first."""
        self.env["mail.mail"].sudo().search(
            [("state", "=", "outgoing"), ("id", "not in", self.queued_before.ids)]
        ).send()
        sent = [(mail["email_to"], mail["subject"]) for mail in self._mails]
        counts = self.mails_by_person()
        self.assertEqual(dict(counts), expected, sent)
        self.received.update(counts)
        self.next_step()

    def next_step(self):
        """Keep the mails sent so far for the names' check, and start counting
        anew."""
        self.all_mails += self._mails
        self._mails.clear()

    @staticmethod
    def normalize(address):
        return address.rpartition("<")[2].rstrip(">").strip().lower()

    def mails_to(self, role):
        return [
            mail
            for mail in self._mails
            if self.people[role] & set(map(self.normalize, mail["email_to"]))
        ]

    def assert_no_name_anywhere(self):
        """No subject of a mail or of a message, no record name, no activity's
        name names the employee; no mail to the board names them at all."""
        name = self.employee.name
        board = self.people["board"] | self.people["owner"]
        mails = self.all_mails + self._mails
        self.assertTrue(mails)
        for mail in mails:
            self.assertNotIn(name, mail["subject"])
            if board & set(map(self.normalize, mail["email_to"])):
                self.assertNotIn(name, mail["body"])
                for attachment in mail["attachments"]:
                    self.assertNotIn(name, attachment[0])
        messages = self.env["mail.message"].sudo().search([])
        for message in messages:
            self.assertNotIn(name, message.subject or "")
            self.assertNotIn(name, message.record_name or "")
        for activity in self.env["mail.activity"].sudo().search([]):
            self.assertNotIn(name, activity.res_name or "")
            self.assertNotIn(name, activity.summary or "")
        for event in self.env["calendar.event"].sudo().search([]):
            self.assertNotIn(name, event.name)

    def plan(self):
        return (
            self.env["hr.exit.interview"]
            .with_user(self.officer)
            .create(
                {
                    "employee_id": self.employee.id,
                    "interviewer_id": self.interviewer.id,
                    "template_id": self.create_template(
                        ("What did you enjoy?", "text")
                    ).id,
                    "departure_reason_id": self.resigned.id,
                    "last_working_day": date(2031, 6, 30),
                }
            )
        )

    def send_questions(self, interview):
        wizard = (
            self.env["hr.exit.interview.send"]
            .with_user(self.officer)
            .create({"interview_id": interview.id})
        )
        wizard.action_send()
        mail = self.mails_to("employee")[-1]
        self.token = LINK.search(mail["body"]).group(2)
        return mail

    @freeze_time("2031-06-01 09:00:00")
    def test_each_person_gets_what_they_need_across_the_loop(self):
        with self.mock_mail_gateway(mail_unlink_sent=True):
            self.interview = interview = self.plan()
            # The meeting in the interviewer's calendar, by Odoo's invitation.
            self.assertIn("Invitation", self.mails_to("interviewer")[0]["subject"])
            self.assert_mails({"interviewer": 1})

            # The questions: one mail to the employee, the meeting attached.
            letter = self.send_questions(interview)
            self.assert_mails({"employee": 1})
            self.assert_meeting_attached(letter, "20310623T080000Z")

            # The meeting moves: Odoo tells the interviewer, the interview tells the
            # employee, once each.
            interview.with_user(self.officer).planned_start = datetime(
                2031, 6, 24, 8, 0
            )
            moved = self.mails_to("employee")
            self.assert_mails({"employee": 1, "interviewer": 1})
            self.assert_meeting_attached(moved[0], "20310624T080000Z")

            # The employee answers and submits on the portal; the copy follows.
            self.save({interview.line_ids: "The team"})
            self.post({"action": "submit"})
            self.assertEqual(interview.state, "prepared")
            self.env["hr.exit.interview"]._cron_mail_answers_copies()
            copy = self.mails_to("employee")
            self.assert_mails({"employee": 1, "interviewer": 1})
            self.assertEqual(len(copy[0]["attachments"]), 1)

            # The talk, the report, the board.
            as_interviewer = interview.with_user(self.interviewer)
            as_interviewer.action_mark_held()
            as_interviewer.write(
                {"report_summary": "<p>A good talk.</p>", "reasons_for_leaving": "x"}
            )
            as_interviewer.action_share_with_board()
            self.assert_mails({"board": 1, "owner": 1})

            # A measure with its owner: one mail, the activity's.
            measure = (
                self.env["hr.exit.interview.measure"]
                .with_user(self.board)
                .create(
                    {
                        "interview_id": interview.id,
                        "name": "Better onboarding",
                        "user_id": self.owner.id,
                        "date_deadline": date(2031, 9, 1),
                    }
                )
            )
            assigned = self.mails_to("owner")
            self.assert_mails({"owner": 1})
            self.assertNotIn("Better onboarding", assigned[0]["subject"])
            measure.with_user(self.owner).action_done()
            self.assert_mails({})

            interview.with_user(self.board).action_evaluate()
            self.assert_mails({})
        self.assertEqual(
            self.received,
            {"employee": 3, "interviewer": 3, "board": 1, "owner": 2},
        )
        self.assert_no_name_anywhere()

    def test_the_other_ways_of_the_loop_each_mail_one_person_once(self):
        """The to-do to send the questions in time, the reminder, the employee's
        decline: one mail each, to whom it concerns, naming no one."""
        with self.mock_mail_gateway(mail_unlink_sent=True):
            with freeze_time("2031-06-01 09:00:00"):
                self.interview = interview = self.plan()
                self.next_step()
            with freeze_time("2031-06-17 06:00:00"):
                # As the job runs, not as the officer who planned it.
                jobs = self.env["hr.exit.interview"]
                self.assertEqual(jobs._cron_ask_to_send_questions(), interview)
                self.assert_mails({"officer": 1})
                self.send_questions(interview)
                self.assert_mails({"employee": 1})
            with freeze_time("2031-06-21 09:00:00"):
                self.assertEqual(jobs._cron_send_reminders(), interview)
                reminder = self.mails_to("employee")
                self.assert_mails({"employee": 1})
                self.token = LINK.search(reminder[0]["body"]).group(2)
                self.post({"action": "decline", "decline_reason": "No time"})
                self.assertEqual(interview.state, "declined")
                self.assert_mails({"officer": 1, "interviewer": 1})
        self.assert_no_name_anywhere()

    @freeze_time("2031-06-01 09:00:00")
    def test_a_cancelled_meeting_is_one_neutral_mail_to_the_employee(self):
        with self.mock_mail_gateway(mail_unlink_sent=True):
            interview = self.plan()
            self.send_questions(interview)
            self.next_step()
            interview.with_user(self.officer).action_cancel()
            cancelled = self.mails_to("employee")
            self.assert_mails({"employee": 1})
            self.assertFalse(cancelled[0]["attachments"])
            self.assertIn("will not take place", cancelled[0]["body"])
            # Started over: the meeting moves in the interviewer's calendar, the
            # employee hears of it with the questions sent again.
            interview.with_user(self.officer).action_reset_draft()
            interview.with_user(self.officer).planned_start = datetime(
                2031, 6, 25, 8, 0
            )
            self.assert_mails({"interviewer": 1})
        self.assert_no_name_anywhere()

    @freeze_time("2031-06-01 09:00:00")
    def test_a_meeting_moved_in_the_calendar_moves_the_interview(self):
        """The interviewer drags the meeting in their calendar: the interview
        follows, and the employee hears of it once, from the interview."""
        with self.mock_mail_gateway(mail_unlink_sent=True):
            interview = self.plan()
            self.send_questions(interview)
            self.next_step()
            event = interview.sudo().calendar_event_id.with_user(self.interviewer)
            # A length the interview rounds: the employee is still told once.
            event.write(
                {
                    "start": datetime(2031, 6, 24, 12, 0),
                    "stop": datetime(2031, 6, 24, 13, 20),
                }
            )
            self.assertEqual(interview.planned_start, datetime(2031, 6, 24, 12, 0))
            self.assertAlmostEqual(interview.duration, 4 / 3, places=2)
            moved = self.mails_to("employee")
            self.assert_mails({"employee": 1})
            self.assert_meeting_attached(moved[0], "20310624T120000Z")
            # Moved back from the interview, the calendar does not move it again.
            interview.with_user(self.officer).planned_start = datetime(
                2031, 6, 23, 8, 0
            )
            self.assertEqual(event.sudo().start, datetime(2031, 6, 23, 8, 0))
            self.assert_mails({"employee": 1, "interviewer": 1})
        self.assert_no_name_anywhere()

    @freeze_time("2031-06-01 09:00:00")
    def test_only_who_may_change_the_interview_changes_its_meeting(self):
        """The employee, with an account of their own, is no attendee: no colleague
        finds them on it, and they cannot touch it. An attendee added by hand who
        may not change the interview does not move, hide, detach or delete it."""
        leaver = new_test_user(
            self.env, login="exit_leaver_internal", groups="base.group_user"
        )
        self.employee.user_id = leaver
        colleague = new_test_user(
            self.env, login="exit_colleague_attendee", groups="base.group_user"
        )
        with self.mock_mail_gateway(mail_unlink_sent=True):
            interview = self.plan()
            self.send_questions(interview)
            planned = interview.planned_start
            event = interview.sudo().calendar_event_id
            self.assertEqual(event.partner_ids, self.interviewer.partner_id)
            self.assertFalse(
                self.env["calendar.attendee"]
                .with_user(colleague)
                .search([("partner_id", "=", leaver.partner_id.id)])
            )
            later = {
                "start": datetime(2031, 6, 24, 12, 0),
                "stop": datetime(2031, 6, 24, 13, 30),
            }
            with self.assertRaises(AccessError):
                event.with_user(leaver).write(later)
            event.partner_ids |= colleague.partner_id
            as_colleague = event.with_user(colleague)
            for change in (later, {"res_id": 0}, {"active": False}):
                with self.assertRaisesRegex(
                    AccessError, "belongs to an exit interview"
                ):
                    as_colleague.write(change)
            with self.assertRaisesRegex(AccessError, "belongs to an exit interview"):
                as_colleague.unlink()
            self.assertEqual(interview.planned_start, planned)
            self.assertEqual(event.start, planned)
            self.assertTrue(event.active)

    @freeze_time("2031-06-01 09:00:00")
    def test_the_employee_s_mails_follow_their_language(self):
        """The officer reads Dutch, the employee English, and the other way round:
        the meeting's file and the copy of the answers follow the employee."""
        self.load_dutch()
        self.officer.lang = "nl_NL"
        self.employee.lang = "en_US"
        with self.mock_mail_gateway(mail_unlink_sent=True):
            self.interview = interview = self.plan()
            self.assertEqual(interview.calendar_event_id.name, "Exit interview")
            letter = self.send_questions(interview)
            self.assertIn("SUMMARY:Exit interview", str(letter["attachments"][0][1]))
            self.employee.lang = "nl_NL"
            self.next_step()
            interview.with_user(self.officer).planned_start = datetime(
                2031, 6, 24, 8, 0
            )
            moved = self.mails_to("employee")[0]
            self.assertIn("SUMMARY:Exitgesprek", str(moved["attachments"][0][1]))
            self.post({"action": "submit"})
            self.next_step()
            self.env["hr.exit.interview"]._cron_mail_answers_copies()
            copy = self.mails_to("employee")[0]
            self.assertEqual(
                [name for name, _content, _type in copy["attachments"]],
                ["Antwoorden exitgesprek - Dirk Departing.pdf"],
            )

    def assert_meeting_attached(self, mail, start):
        """The mail carries the meeting as calendar's .ics, and no Accept/Decline."""
        self.assertEqual(
            [name for name, _content, _type in mail["attachments"]],
            ["invitation.ics"],
        )
        ics = mail["attachments"][0][1]
        ics = ics.decode() if isinstance(ics, bytes) else ics
        self.assertIn(f"DTSTART:{start}", ics)
        self.assertNotIn("Accept", mail["body"])
