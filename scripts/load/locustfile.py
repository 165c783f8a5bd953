"""The load of `make load`, for locust in headless mode (load.sh starts it).

Four kinds of users, all on the loopback server that --host names:
- departing employees, one per interview of the setup: they open the link of their
  mail (its first visit exchanges it for a session of the browser, a cookie, and sends
  the browser on to the page, which is timed apart), type while the page's script
  saves their drafts (its JSON autosave, with the revisions it answers), press Save
  once (the form's post, which draws the page again) and submit; what each save and
  submit returned is kept, so that the report compares it with the database;
- portal users logged in at the start, who open Odoo's own /my/home: a reference;
- respondents of Odoo's own survey, laid out as the employee's page (as many text
  questions), who open its page and save its answers as drafts: the other reference;
- back-office users (officers, interviewers) opening the interviews' list and forms;
- board members rendering reports as HTML, and each one PDF, counted apart.
Every user is bounded in requests; locust's --run-time bounds the whole run.
"""

import json
import os
import random
import re
import sys
import time

import gevent
import requests
from locust import FastHttpUser, between, events, task
from locust.exception import StopUser

sys.path.insert(0, os.path.dirname(__file__))
from mails import links_by_interview  # noqa: E402

SETUP = json.load(open(os.environ["LOAD_SETUP"], encoding="utf-8"))
OUT = os.environ["LOAD_OUT"]
DATABASE = SETUP["database"]
# The employees start over this many seconds, save this many drafts, a few seconds
# apart, then submit.
START_SPREAD = float(os.environ.get("LOAD_START_SPREAD", "100"))
SAVES = int(os.environ.get("LOAD_SAVES", "6"))
SAVE_GAP = (3.0, 8.0)
# Every other user stops after this many requests.
MAX_REQUESTS = int(os.environ.get("LOAD_MAX_REQUESTS", "150"))
TRIES = 3

TEXTAREA = re.compile(r'<textarea\b[^>]*\bname="answer_(\d+)"')
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
# The revision each answer had when the page was drawn: a save without it, or with an
# older one, is refused as a conflict with another page (409).
BASE = re.compile(r'name="(base_\d+)" value="([^"]*)"')
SAVED = "Your answers are saved."
LINK = "employee: open the link (sent on to the page)"
PAGE = "employee: open page"
SAVE = "employee: save"
SAVE_BUTTON = "employee: Save button (page drawn again)"
SUBMITTED = "Your answers were sent to the interviewer."
SUBMIT_BUTTON = "o_exit_interview_submit"
# The page a link or session shows once its answers were submitted (status 404, as
# every link that opens no questions).
ENDED = "o_exit_interview_ended"
BOARD_REPORT = "hr_exit_interview.report_exit_interview"
SURVEY_PAGE = "survey: open page (Odoo's own)"
SURVEY_SAVE = "survey: draft save (Odoo's own)"

LINKS = links_by_interview(os.environ["LOAD_MAILDIR"])
LEAVERS = []
for leaver in SETUP["leavers"]:
    (token,) = LINKS[leaver["interview_id"]]
    LEAVERS.append(
        {
            "interview_id": leaver["interview_id"],
            "token": token,
            # What each save or submit (numbered from 1; submit = SAVES + 1) returned:
            # "confirmed", "rejected" (4xx) or "unknown" (no answer, 5xx).
            "outcomes": {},
            "submitted": False,
            "finished": False,
        }
    )
UNASSIGNED = list(LEAVERS)
random.shuffle(UNASSIGNED)
REQUEST_LOG = open(os.path.join(OUT, "requests.jsonl"), "w", encoding="utf-8")
# Concurrent requests that warm every HTTP worker on the employee's page at the start.
WARM_UP_REQUESTS = 4 * int(os.environ.get("LOAD_WORKERS", "5"))


@events.test_start.add_listener
def warm_up_the_page(environment, **_kwargs):
    """Each HTTP worker draws the employee's page once before the measure, as the
    portal users' first requests do /my/home in the warm-up the report leaves out:
    a worker's first page loads what later ones find in memory (about 10 queries
    and 40 ms more), and the employees, who start over 100 s, would meet cold
    workers inside the measure. The page of an interview of its own, opened by its
    link once; not logged."""
    interview = SETUP["warm_up"]["interview_id"]
    (token,) = LINKS[interview]
    page = f"{environment.host}/my/exit-interviews/{interview}"
    try:
        browser = requests.Session()
        browser.get(f"{page}?access_token={token}", timeout=60)
        cookies = browser.cookies.get_dict()
    except requests.RequestException:
        return

    def visit():
        try:
            requests.get(page, cookies=cookies, timeout=60)
        except requests.RequestException:
            pass

    survey = SETUP["survey"]
    survey_page = (
        f"{environment.host}/survey/{survey['token']}/{survey['warm_up']['token']}"
    )

    def visit_survey():
        try:
            requests.get(survey_page, timeout=60)
        except requests.RequestException:
            pass

    gevent.joinall(
        [gevent.spawn(visit) for _ in range(WARM_UP_REQUESTS)]
        + [gevent.spawn(visit_survey) for _ in range(WARM_UP_REQUESTS)],
        timeout=90,
    )


@events.request.add_listener
def log_request(name, response_time, response, exception, start_time=None, **_kwargs):
    status = getattr(response, "status_code", 0) or 0
    REQUEST_LOG.write(
        json.dumps(
            {
                "name": name,
                "start": start_time or time.time() - response_time / 1000,
                "ms": response_time,
                "status": status,
                "ok": exception is None,
                "error": str(exception)[:200] if exception else None,
            }
        )
        + "\n"
    )


@events.test_stop.add_listener
def write_employees(**_kwargs):
    REQUEST_LOG.flush()
    with open(os.path.join(OUT, "employees.json"), "w", encoding="utf-8") as out:
        json.dump(LEAVERS, out, indent=1)


def json_of(response):
    try:
        return response.json() or {}
    except ValueError:
        return {"error": {"data": {"name": "no JSON in the answer"}}}


class Bounded(FastHttpUser):
    """A user that stops by itself after MAX_REQUESTS requests."""

    abstract = True
    network_timeout = 120.0
    connection_timeout = 10.0
    requests_made = 0

    def count(self):
        self.requests_made += 1
        if self.requests_made > MAX_REQUESTS:
            raise StopUser()

    def login(self, login):
        self.count()
        with self.client.post(
            "/web/session/authenticate",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {"db": DATABASE, "login": login, "password": login},
            },
            name="login",
            catch_response=True,
        ) as response:
            if response.status_code == 200 and "error" in json_of(response):
                response.failure(f"login of {login} refused")

    def call(self, model, method, name, *args, **kwargs):
        self.count()
        with self.client.post(
            f"/web/dataset/call_kw/{model}/{method}",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "model": model,
                    "method": method,
                    "args": list(args),
                    "kwargs": kwargs,
                },
            },
            name=name,
            catch_response=True,
        ) as response:
            body = json_of(response) if response.status_code == 200 else {}
            if body.get("error"):
                response.failure(body["error"].get("data", {}).get("name", "error"))
            return body.get("result")


class DepartingEmployee(FastHttpUser):
    """Opens the link of the mail, saves drafts, submits: once, then stops."""

    fixed_count = len(LEAVERS)
    wait_time = between(*SAVE_GAP)
    network_timeout = 120.0
    connection_timeout = 10.0

    def on_start(self):
        self.me = UNASSIGNED.pop()
        self.path = f"/my/exit-interviews/{self.me['interview_id']}"
        self.page = ""
        self.bases = {}
        gevent.sleep(random.uniform(0, START_SPREAD))

    def open_link(self):
        """The link of the mail, as the employee clicks it: the first visit
        exchanges it for the browser's session (a cookie for this interview's
        pages), a later one finds that session; either sends the browser on to the
        page without the link (303), which open_page then draws."""
        with self.client.get(
            f"{self.path}?access_token={self.me['token']}",
            name=LINK,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if self.me.get("submitted_unanswered") and ENDED in response.text:
                # The submit went through but its answer was lost: the link says
                # the answers were received, and opens nothing more.
                self.me["submitted"] = True
                response.success()
            elif response.status_code != 303:
                response.failure(
                    f"the link did not lead to the page ({response.status_code})"
                )

    def open_page(self):
        for _try in range(TRIES):
            self.open_link()
            if self.me.get("submitted"):
                self.page = ""
                return
            with self.client.get(self.path, name=PAGE, catch_response=True) as response:
                if response.status_code == 200:
                    self.page = response.text
                    self.bases = dict(BASE.findall(self.page))
                    return
            gevent.sleep(2)

    def form_data(self, number, action):
        """What the page's form holds, with this save's text in every answer."""
        csrf = CSRF.search(self.page)
        # The page's form holds no link: the session's cookie goes with the post.
        data = {
            "csrf_token": csrf.group(1) if csrf else "",
            "acknowledge_notice": "1",
            "board_consent": "1" if self.me["interview_id"] % 2 else "",
            **self.bases,
        }
        for line_id in TEXTAREA.findall(self.page):
            data[f"answer_{line_id}"] = (
                f"leaver {self.me['interview_id']} {action} {number} line {line_id}: "
                + "what I would tell my successor. " * 4
            )
        return data

    def autosave(self, number):
        """The draft as the page's script saves it while the employee types: the
        form's fields to /autosave, whose JSON answer gives each answer's new
        revision."""
        self.me["outcomes"][str(number)] = {"action": "save", "outcome": "unknown"}
        with self.client.post(
            f"{self.path}/autosave",
            data=self.form_data(number, "save"),
            name=SAVE,
            catch_response=True,
        ) as response:
            status = response.status_code or 0
            result = json_of(response) if status in (200, 409) else {}
            if status == 200 and result.get("status") == "saved":
                outcome = "confirmed"
                self.bases.update(
                    (f"base_{line_id}", base)
                    for line_id, base in result.get("bases", {}).items()
                )
            elif 400 <= status < 500:
                outcome = "rejected"
                response.failure(f"save refused ({status})")
            else:
                outcome = "unknown"
                if status == 200:
                    response.failure("save answered without its status")
        self.me["outcomes"][str(number)] = {"action": "save", "outcome": outcome}
        return outcome

    def post(self, number, action):
        """The form posted by its Save or Submit button: the page is drawn again."""
        data = dict(self.form_data(number, action), action=action)
        expected = SAVED if action == "save" else SUBMITTED
        # Unknown until answered: the run may end while it is on its way.
        self.me["outcomes"][str(number)] = {"action": action, "outcome": "unknown"}
        with self.client.post(
            f"{self.path}/answer",
            data=data,
            name=SAVE_BUTTON if action == "save" else "employee: submit",
            catch_response=True,
        ) as response:
            status = response.status_code or 0
            if status == 200 and expected in response.text:
                outcome = "confirmed"
                self.page = response.text
                self.bases = dict(BASE.findall(self.page))
            elif 400 <= status < 500:
                outcome = "rejected"
                response.failure(f"{action} refused ({status})")
            else:
                outcome = "unknown"
                if status == 200:
                    response.failure(f"{action} answered without its message")
        self.me["outcomes"][str(number)] = {"action": action, "outcome": outcome}
        return outcome

    @task
    def depart(self):
        self.open_page()
        for number in range(1, SAVES + 1):
            if number == SAVES // 2 + 1:
                # Back later to go on: the page again, with what was saved.
                self.open_page()
            # Every other save by the Save button: a p95 of one post per employee
            # moved by 40 % between quiet runs of the same code.
            if number % 2:
                outcome = self.autosave(number)
            else:
                outcome = self.post(number, "save")
            if outcome != "confirmed":
                self.open_page()
            gevent.sleep(random.uniform(*SAVE_GAP))
        # Read through once more before submitting (and a third sample of the page
        # per employee, for a steadier p95).
        self.open_page()
        for _try in range(TRIES):
            outcome = self.post(SAVES + 1, "submit")
            if outcome == "confirmed":
                self.me["submitted"] = True
                break
            # Maybe it went through before the answer was lost: the link tells.
            self.me["submitted_unanswered"] = True
            self.open_page()
            if self.me.get("submitted") or (
                self.page and SUBMIT_BUTTON not in self.page
            ):
                break
            gevent.sleep(2)
        self.me["finished"] = True
        raise StopUser()


class PortalHome(Bounded):
    """The reference: Odoo's own portal home page, for portal users logged in."""

    fixed_count = len(SETUP["users"]["portal"])
    wait_time = between(1.5, 4.0)

    def on_start(self):
        PortalHome.started = getattr(PortalHome, "started", -1) + 1
        self.login(SETUP["users"]["portal"][PortalHome.started % self.fixed_count])

    @task
    def home(self):
        self.count()
        self.client.get("/my/home", name="portal: /my/home (Odoo's own)")


class SurveyRespondent(Bounded):
    """The other reference: Odoo's own survey of as many text questions as the
    employee's page, its page opened, then its answers saved as the survey's
    script saves a page (its submit), going back to the introduction so that the
    next visit draws the questions again; each respondent on an answer of their
    own, at the employees' pace."""

    fixed_count = len(SETUP["survey"]["respondents"])
    wait_time = between(*SAVE_GAP)

    def on_start(self):
        SurveyRespondent.started = getattr(SurveyRespondent, "started", -1) + 1
        survey = SETUP["survey"]
        answer = survey["respondents"][SurveyRespondent.started % self.fixed_count]
        self.page = f"/survey/{survey['token']}/{answer['token']}"
        self.submit = f"/survey/submit/{survey['token']}/{answer['token']}"
        self.saves = 0
        gevent.sleep(random.uniform(0, START_SPREAD / 4))

    @task
    def page_then_draft(self):
        self.count()
        self.client.get(self.page, name=SURVEY_PAGE)
        self.saves += 1
        survey = SETUP["survey"]
        text = (
            f"respondent save {self.saves}: " + "what I would tell my successor. " * 4
        )
        self.count()
        with self.client.post(
            self.submit,
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "page_id": survey["page_id"],
                    "previous_page_id": survey["intro_id"],
                    **{str(question): text for question in survey["question_ids"]},
                },
            },
            name=SURVEY_SAVE,
            catch_response=True,
        ) as response:
            body = json_of(response) if response.status_code == 200 else {}
            # The survey answers [correct answers, the page to show next].
            result = body.get("result") or [{}, {}]
            if body.get("error") or "survey_content" not in result[-1]:
                response.failure("the survey did not save the page")


LIST_FIELDS = {
    "employee_id": {"fields": {"display_name": {}}},
    "department_id": {"fields": {"display_name": {}}},
    "departure_reason_id": {"fields": {"display_name": {}}},
    "last_working_day": {},
    "interviewer_id": {"fields": {"display_name": {}}},
    "planned_start": {},
    "state": {},
}
FORM_FIELDS = dict(
    LIST_FIELDS,
    planning_warning={},
    job_title={},
    hire_date={},
    seniority_display={},
    duration={},
    template_id={"fields": {"display_name": {}}},
    report_summary={},
    line_ids={
        "fields": {
            "sequence": {},
            "section_name": {},
            "question": {},
            "question_type": {},
            "answer_display": {},
            "interviewer_note": {},
            "state": {},
        }
    },
)


class BackOffice(Bounded):
    """Officers and interviewers: the interviews' list, then a form."""

    fixed_count = len(SETUP["users"]["officer"]) + len(SETUP["users"]["interviewer"])
    wait_time = between(2.0, 5.0)

    def on_start(self):
        logins = SETUP["users"]["officer"] + SETUP["users"]["interviewer"]
        BackOffice.started = getattr(BackOffice, "started", -1) + 1
        self.login(logins[BackOffice.started % len(logins)])

    @task
    def list_then_form(self):
        listed = self.call(
            "hr.exit.interview",
            "web_search_read",
            "office: interviews list",
            specification=LIST_FIELDS,
            domain=[],
            limit=80,
        )
        records = (listed or {}).get("records")
        if not records:
            return
        self.call(
            "hr.exit.interview",
            "web_read",
            "office: interview form",
            [random.choice(records)["id"]],
            specification=FORM_FIELDS,
        )


class BoardMember(Bounded):
    """The board reads the reports as HTML; each member prints one as a PDF."""

    fixed_count = len(SETUP["users"]["board"])
    wait_time = between(3.0, 6.0)

    def on_start(self):
        BoardMember.started = getattr(BoardMember, "started", -1) + 1
        self.login(SETUP["users"]["board"][BoardMember.started % self.fixed_count])
        self.pdf_after = random.randint(5, 25)

    @task
    def read_report(self):
        interview = random.choice(SETUP["reported_ids"])
        self.count()
        if self.requests_made == self.pdf_after:
            self.client.get(
                f"/report/pdf/{BOARD_REPORT}/{interview}", name="board: report PDF"
            )
            return
        self.client.get(
            f"/report/html/{BOARD_REPORT}/{interview}", name="board: report HTML"
        )
