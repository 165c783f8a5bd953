"""Who did what, and what is left to do: the employee's changes on the
portal are theirs, the activities end with the step they are for."""

from odoo.tests import tagged
from odoo.tests.common import new_test_user

from ..models.hr_exit_interview import BOARD_GROUP
from ..models.hr_exit_interview_portal import ANSWERS_IN_ACTIVITY
from .common import ExitInterviewCase


@tagged("post_install", "-at_install")
class TestPortalChangesAndActivities(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.public = cls.env.ref("base.public_user")
        cls.answers_in = cls.env.ref(ANSWERS_IN_ACTIVITY)

    def on_the_portal(self, interview, token):
        """The interview as the portal's controller holds it: found by the link, as
        the public user in superuser mode."""
        found = (
            self.env["hr.exit.interview"]
            .with_user(self.public)
            ._portal_find(interview.id, token, self.public)
        )
        self.assertEqual(found, interview)
        self.assertTrue(found.env.su)
        self.assertEqual(found.env.user, self.public)
        return found

    def status_messages(self, interview):
        # Odoo posts the tracking of a change when the transaction commits.
        self.env.flush_all()
        self.env.cr.precommit.run()
        return self.env["mail.message"].search(
            [
                ("model", "=", interview._name),
                ("res_id", "=", interview.id),
                ("tracking_value_ids.field_id.name", "=", "state"),
            ],
            order="id desc",
        )

    def answers_in_activities(self, interview):
        return interview.activity_ids.filtered(
            lambda activity: activity.activity_type_id == self.answers_in
        )

    def test_the_employee_s_submission_and_decline_are_theirs(self):
        employee_partner = self.employee.work_contact_id
        interview, token = self.create_invited_interview()
        before = self.status_messages(interview)
        self.on_the_portal(interview, token)._portal_submit_answers({})
        submitted = self.status_messages(interview) - before
        self.assertEqual(len(submitted), 1)
        self.assertEqual(submitted.author_id, employee_partner)
        self.assertNotEqual(submitted.author_id, self.public.partner_id)

        other, token = self.create_invited_interview()
        before = self.status_messages(other)
        self.on_the_portal(other, token)._portal_decline("No time")
        declined = self.status_messages(other) - before
        self.assertEqual(declined.author_id, employee_partner)
        # A change made in the back office stays the user's own.
        other.with_user(self.officer).action_reset_draft()
        reset = self.status_messages(other)[0]
        self.assertEqual(reset.author_id, self.officer.partner_id)

    def test_the_answers_are_in_activity_ends_when_the_interview_moves_on(self):
        interview, token = self.create_invited_interview()
        self.on_the_portal(interview, token)._portal_submit_answers({})
        activity = self.answers_in_activities(interview)
        self.assertEqual(activity.user_id, self.interviewer)
        interview.with_user(self.interviewer).with_context(
            exit_interview_checklist_confirmed=True
        ).action_mark_held()
        self.assertFalse(self.answers_in_activities(interview))
        self.assertFalse(activity.exists() and activity.active, "marked done")

        cancelled, token = self.create_invited_interview()
        self.on_the_portal(cancelled, token)._portal_submit_answers({})
        self.assertTrue(self.answers_in_activities(cancelled))
        cancelled.with_user(self.officer).action_cancel()
        self.assertFalse(self.answers_in_activities(cancelled))

    def test_the_meeting_activity_ends_with_the_meeting(self):
        meeting_type = "mail.mail_activity_data_meeting"
        interview = self.create_interview()
        interview.activity_schedule(meeting_type, user_id=self.interviewer.id)
        interview.with_user(self.interviewer).action_decline()
        self.assertFalse(interview.activity_ids)

        cancelled = self.create_interview()
        cancelled.activity_schedule(meeting_type, user_id=self.interviewer.id)
        cancelled.with_user(self.officer).action_cancel()
        self.assertFalse(cancelled.activity_ids)

        held = self.create_interview()
        activity = held.activity_schedule(meeting_type, user_id=self.interviewer.id)
        todo = held.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.interviewer.id
        )
        held.with_user(self.officer).action_invite()
        held.with_user(self.interviewer).with_context(
            exit_interview_checklist_confirmed=True
        ).action_mark_held()
        self.assertEqual(held.activity_ids, todo, "other activities stay")
        self.assertFalse(activity.exists() and activity.active, "marked done")

    def test_a_replaced_interviewer_keeps_no_task_of_it(self):
        interview = self.create_interview()
        interview.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Prepare",
            user_id=self.interviewer.id,
        )
        interview.interviewer_id = self.other_interviewer
        self.assertEqual(interview.activity_ids.user_id, self.other_interviewer)


@tagged("post_install", "-at_install")
class TestTextsInTheReadersLanguage(ExitInterviewCase):
    """What Odoo stores as text is written in its reader's language: the chatter's
    notes and the activities in the interviewer's, the board's notice in each board
    member's, the interview's name in whoever reads it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.load_dutch()
        cls.interviewer.lang = "nl_NL"
        cls.officer.lang = "en_US"

    def test_the_interview_s_name_in_the_reader_s_language(self):
        interview = self.create_interview()
        self.assertEqual(
            interview.with_context(lang="en_US").name,
            "Exit interview of Dirk Departing",
        )
        self.assertEqual(
            interview.with_context(lang="nl_NL").display_name,
            "Exitgesprek met Dirk Departing",
        )
        found = self.env["hr.exit.interview"].search([("name", "ilike", "Dirk")])
        self.assertIn(interview, found)

    def test_notes_and_activities_in_the_interviewer_s_language(self):
        # An English officer sends; the employee answers on a French page.
        interview, token = self.create_invited_interview()
        sent = interview.message_ids[:1]
        self.assertIn("De vragen zijn verstuurd naar", sent.body)
        public = self.env.ref("base.public_user")
        on_portal = (
            self.env["hr.exit.interview"]
            .with_user(public)
            .with_context(lang="fr_BE")
            ._portal_find(interview.id, token, public)
        )
        on_portal._portal_submit_answers({})
        note = interview.message_ids[:1]
        self.assertIn("heeft de antwoorden op de voorbereidende vragen", note.body)
        self.assertEqual(note.record_name, f"Exitgesprek {interview.id}")
        self.assertEqual(
            interview.activity_ids.summary,
            "Bereid het exitgesprek voor: de antwoorden zijn binnen",
        )

    def test_the_board_is_told_in_each_member_s_language(self):
        dutch_board = new_test_user(
            self.env,
            login="exit_dutch_board",
            groups=f"base.group_user,{BOARD_GROUP}",
            lang="nl_NL",
        )
        interview = self.create_interview(state="held", report_summary="Goodbye")
        interview.with_user(self.interviewer).action_share_with_board()
        notices = self.env["mail.message"].search(
            [("model", "=", interview._name), ("res_id", "=", interview.id)]
        )
        dutch = notices.filtered(lambda m: dutch_board.partner_id in m.partner_ids)
        english = notices.filtered(lambda m: self.board.partner_id in m.partner_ids)
        self.assertEqual(dutch.subject, "Een verslag van een exitgesprek staat klaar")
        self.assertEqual(english.subject, "An exit interview report is ready")

    def test_a_measure_s_activity_in_its_responsible_s_language(self):
        interview = self.create_interview(state="shared", report_summary="Goodbye")
        measure = (
            self.env["hr.exit.interview.measure"]
            .with_user(self.board)
            .create(
                {
                    "interview_id": interview.id,
                    "name": "Plan the summer camps earlier",
                    "user_id": self.interviewer.id,
                }
            )
        )
        self.assertEqual(
            measure.activity_ids.summary,
            "Maatregel van het bestuur na een exitgesprek",
        )
