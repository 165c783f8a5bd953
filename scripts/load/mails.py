"""The mails the load's Odoo sent, as the load's mail server (aiosmtpd) kept them in a
Maildir: the employees' links are read here, as the employees read them, and the run
counts the mails. Standard library only: the driver's and the report's virtualenvs both
import it."""

import email.policy
import mailbox
import re
from email.utils import getaddresses

LINK = re.compile(r"/my/exit-interviews/(\d+)\?access_token=([A-Za-z0-9_-]+)")


def read_mails(maildir, timed=False):
    """[(recipient addresses, subject, text of the body)] of every mail kept; timed,
    each starts with the moment the mail server received it (epoch seconds), which
    a Maildir names its files by ("<seconds>.M<microseconds>P...")."""
    mails = []
    for key, message in mailbox.Maildir(maildir, factory=None, create=False).items():
        parsed = email.message_from_bytes(
            message.as_bytes(), policy=email.policy.default
        )
        body = parsed.get_body(preferencelist=("html", "plain"))
        text = body.get_content() if body else ""
        recipients = [
            address.lower() for _name, address in getaddresses(parsed.get_all("To", []))
        ]
        mail = (recipients, str(parsed.get("Subject", "")), text)
        if timed:
            seconds, _dot, rest = key.partition(".M")
            mail = (int(seconds) + int(rest.partition("P")[0]) / 1e6, *mail)
        mails.append(mail)
    return mails


def links_by_interview(maildir):
    """{interview id: [tokens]} of the links mailed for each interview; the load's
    interviews are sent their questions once, so each has one."""
    links = {}
    for _recipients, _subject, text in read_mails(maildir):
        for interview_id, token in LINK.findall(text):
            links.setdefault(int(interview_id), []).append(token)
    return links
