import {registry} from "@web/core/registry";

// The buttons' bar on one line: a 44 px button and its padding.
const ONE_LINE_BAR = 64;

function form() {
    return document.querySelector(".o_exit_interview_form");
}

/**
 * Fail the tour unless the sticky bar is one line high.
 *
 * @param {String} moment when it is measured, for the message
 */
function checkOneLineBar(moment) {
    const bar = document.querySelector(".o_exit_interview_actions");
    const height = bar.getBoundingClientRect().height;
    if (height > ONE_LINE_BAR) {
        throw new Error(`The buttons' bar is ${height}px high ${moment}`);
    }
}

/**
 * Fail the tour unless the page offers no link that needs an account.
 */
function checkNoLinkForAccounts() {
    const links = document.querySelectorAll("main a[href^='/my'], .breadcrumb");
    if (links.length) {
        throw new Error(`A link needs an account: ${links[0].outerHTML.slice(0, 80)}`);
    }
}

/**
 * The walk on a phone: declining is offered near the top, a short answer has no
 * counter, the bar stays one line, a draft is saved before the notice is confirmed
 * (without the browser's bubble), submitting asks for the notice in the page's own
 * words, and the link opened again after submitting says the answers arrived.
 */
registry.category("web_tour.tours").add("hr_exit_interview_portal_phone", {
    steps: () => [
        {
            content: "Declining is offered before the first question",
            trigger: ".o_exit_interview_decline summary",
            run() {
                const question = document.querySelector(".o_exit_interview_question");
                const top = this.anchor.getBoundingClientRect().top;
                if (top > question.getBoundingClientRect().top) {
                    throw new Error("Declining comes after the questions");
                }
                // Within the first screens, after the letter and the notice (under
                // website's taller header too), never after the questions.
                if (top > 2.5 * window.innerHeight) {
                    throw new Error(`Declining is ${top}px down the page`);
                }
                if (document.documentElement.scrollWidth > window.innerWidth) {
                    throw new Error("The page is wider than the phone");
                }
                checkNoLinkForAccounts();
            },
        },
        {
            content: "Answer the first question",
            trigger: ".o_exit_interview_form textarea:first",
            run: "edit I enjoyed the youth camps",
        },
        {
            content: "A short answer has no counter",
            trigger: ".o_exit_interview_form:not(:has(.o_exit_interview_counter:not(.d-none)))",
        },
        {
            content: "The draft is saved without the notice confirmed, the bar one line",
            trigger: ".o_exit_interview_saved:contains(Draft saved on)",
            run() {
                checkOneLineBar("with a draft saved");
                if (/\d+:\d\d:\d\d/.test(this.anchor.textContent)) {
                    throw new Error(`Seconds in "${this.anchor.textContent}"`);
                }
            },
        },
        {
            content: "Save the draft by hand, the notice still not confirmed",
            trigger: ".o_exit_interview_save",
            run: "click",
        },
        {
            content: "The draft is saved",
            trigger: ".o_exit_interview_message",
            run: () => checkOneLineBar("after saving"),
        },
        {
            content: "Submit without confirming the notice",
            trigger: ".o_exit_interview_submit",
            run: "click",
        },
        {
            content: "The page asks for the notice in its own words, on the checkbox",
            trigger: ".o_exit_interview_acknowledge[aria-invalid=true]",
            run() {
                if (document.activeElement !== this.anchor) {
                    throw new Error("The focus is not on the notice's checkbox");
                }
                const error = document.getElementById(this.anchor.getAttribute("aria-describedby"));
                if (!error || !error.textContent.includes("Please confirm")) {
                    throw new Error("The checkbox does not name its error");
                }
            },
        },
        {
            content: "Confirm the notice",
            trigger: ".o_exit_interview_acknowledge",
            run: "click",
        },
        {
            content: "Submit",
            trigger: ".o_exit_interview_acknowledge:not([aria-invalid])",
            run() {
                document.querySelector(".o_exit_interview_submit").click();
            },
        },
        {
            content: "The answers are submitted",
            trigger: ".o_exit_interview_locked:contains(submitted)",
            run() {
                window.location.assign(form().dataset.pageUrl);
            },
        },
        {
            content: "Opened again, the page says the answers were received, and nothing else",
            trigger: ".o_exit_interview_ended:contains(Your answers were received)",
            run() {
                if (document.body.textContent.includes("I enjoyed the youth camps")) {
                    throw new Error("The page shows an answer");
                }
                checkNoLinkForAccounts();
            },
        },
    ],
});

/**
 * Declining on a phone, from near the top: the page then says nothing of choices
 * "below", and opened again it says the choice was recorded.
 */
registry.category("web_tour.tours").add("hr_exit_interview_portal_phone_decline", {
    steps: () => [
        {
            content: "Open the choice not to take part",
            trigger: ".o_exit_interview_decline summary",
            run: "click",
        },
        {
            content: "Give a reason",
            trigger: ".o_exit_interview_decline textarea",
            run: "edit A new job abroad",
        },
        {
            content: "Confirm",
            trigger: ".o_exit_interview_decline_confirm",
            run: "click",
        },
        {
            content: "The choice is recorded; the notice speaks of no choice below",
            trigger: ".o_exit_interview_locked:contains(You chose not to take part)",
            run() {
                const notice = document.querySelector(".o_exit_interview_notice").textContent;
                if (notice.includes("below")) {
                    throw new Error(`The notice still points below: ${notice}`);
                }
                // The page itself, not the post that answered.
                window.location.assign(window.location.pathname.replace(/\/answer$/, ""));
            },
        },
        {
            content: "Opened again, the page says the choice was recorded",
            trigger: ".o_exit_interview_ended:contains(Your choice was recorded)",
            run: () => checkNoLinkForAccounts(),
        },
    ],
});
