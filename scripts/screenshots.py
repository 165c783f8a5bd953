"""Take the Apps page's screenshots with Debian's chromium (see scripts/screenshots.sh).

Usage: screenshots.py BASE_URL PORTAL_PATH OUTPUT_DIR
"""

import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

SIZE = {"width": 1280, "height": 800}


def wait_for(url, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    raise SystemExit(f"screenshots: {url} did not answer")


def login(page, base, user):
    page.goto(f"{base}/web/login")
    page.fill("input[name=login]", user)
    page.fill("input[name=password]", user)
    page.click("button[type=submit]")
    page.wait_for_selector(".o_main_navbar")


def back_office(browser, base, user, path, selector, target):
    page = browser.new_page(viewport=SIZE)
    login(page, base, user)
    page.goto(f"{base}{path}")
    page.wait_for_selector(selector)
    page.wait_for_timeout(2000)
    page.screenshot(path=target)
    page.close()


def main():
    base, portal, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    wait_for(f"{base}/web/login")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        page = browser.new_page(viewport=SIZE)
        login(page, base, "admin")
        page.goto(f"{base}/odoo/action-hr_exit_interview.hr_exit_interview_action")
        page.click(".o_data_row:has-text('Held') .o_data_cell >> nth=0")
        page.wait_for_selector(".o_form_view .o_form_sheet")
        page.wait_for_timeout(2000)
        page.screenshot(path=str(out / "interview_form.png"))
        page.close()
        back_office(
            browser,
            base,
            "admin",
            "/odoo/action-hr_exit_interview.hr_exit_interview_action_board",
            ".o_data_row",
            str(out / "board_list.png"),
        )
        page = browser.new_page(viewport=SIZE)
        page.goto(f"{base}/{portal}")
        page.wait_for_timeout(2000)
        page.screenshot(path=str(out / "portal_questions.png"))
        page.close()
        browser.close()
    print(f"screenshots: 3 written to {out}")


if __name__ == "__main__":
    main()
