import {registry} from "@web/core/registry";

const FIRST = "Typed and never saved by hand";
const SECOND = "Typed just before closing the page";

function form() {
    return document.querySelector(".o_exit_interview_form");
}

function textareas() {
    return document.querySelectorAll(".o_exit_interview_form textarea");
}

/**
 * Wait until the page, opened anew, holds the text.
 *
 * @param {String} text
 */
async function waitForSaved(text) {
    for (let attempt = 0; attempt < 50; attempt++) {
        const response = await fetch(form().dataset.pageUrl);
        if ((await response.text()).includes(text)) {
            return;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`"${text}" was never saved`);
}

/**
 * Autosave: a draft is saved a moment after typing stops, and when the page
 * closes, without pressing Save.
 */
registry.category("web_tour.tours").add("hr_exit_interview_portal_autosave", {
    steps: () => [
        {
            content: "Answer the first question, the notice not confirmed: a draft needs none",
            trigger: ".o_exit_interview_form textarea:first",
            run: `edit ${FIRST}`,
        },
        {
            content: "The progress follows the answers",
            trigger: ".o_exit_interview_progress:contains(1 of 3 questions answered)",
        },
        {
            content: "The draft is saved without pressing Save",
            trigger: ".o_exit_interview_saved:contains(Draft saved on)",
        },
        {
            content: "Answer the second question and leave the page at once",
            trigger: ".o_exit_interview_form textarea:last",
            run() {
                const textarea = textareas()[1];
                textarea.value = SECOND;
                textarea.dispatchEvent(new Event("input", {bubbles: true}));
                window.location.assign(form().dataset.pageUrl);
            },
        },
        {
            content: "Both answers are kept",
            trigger: `.o_exit_interview_form textarea:first:value(${FIRST})`,
            async run() {
                await waitForSaved(SECOND);
            },
        },
    ],
});

/**
 * Two tabs on one interview: this one is told that the other saved a newer
 * version of an answer meanwhile, keeps its own text and merges.
 */
registry.category("web_tour.tours").add("hr_exit_interview_portal_two_tabs", {
    steps: () => [
        {
            content: "Another tab, opened at the same moment, saves the first answer",
            trigger: ".o_exit_interview_form textarea:first",
            async run() {
                const response = await fetch(form().dataset.pageUrl);
                const other = new DOMParser().parseFromString(
                    await response.text(),
                    "text/html"
                );
                const data = new FormData();
                for (const input of other.querySelectorAll(
                    ".o_exit_interview_form input[type=hidden]"
                )) {
                    data.set(input.name, input.value);
                }
                data.set(textareas()[0].name, "Written in the other tab");
                data.set("action", "save");
                await fetch(form().getAttribute("action"), {method: "POST", body: data});
            },
        },
        {
            content: "This tab changes the same answer",
            trigger: ".o_exit_interview_form textarea:first",
            run: "edit Written in this tab",
        },
        {
            content: "This tab is told, with the other tab's version beside its text",
            trigger: ".o_exit_interview_conflict:contains(Written in the other tab)",
            run() {
                const value = textareas()[0].value;
                if (value !== "Written in this tab") {
                    throw new Error(`This tab's text is lost: "${value}"`);
                }
            },
        },
        {
            content: "The employee is told what happened",
            trigger: ".o_exit_interview_saved:contains(Another window or device)",
        },
        {
            content: "Merge both texts",
            trigger: ".o_exit_interview_form textarea:first",
            run: "edit Written in this tab and in the other tab",
        },
        {
            content: "The merged text is saved",
            trigger: ".o_exit_interview_saved:contains(Draft saved on)",
            async run() {
                await waitForSaved("Written in this tab and in the other tab");
            },
        },
    ],
});

/**
 * Type an answer close to the limit, which shows the counter, and fail the tour
 * unless the counter speaks the page's language and writes its numbers so.
 *
 * @param {String} lang the page's language, two letters
 */
function checkCounterSpeaks(lang) {
    const textarea = document.querySelector(".o_exit_interview_form textarea");
    textarea.value = "x".repeat(9500);
    textarea.dispatchEvent(new Event("input", {bubbles: true}));
    // Dutch groups thousands with a dot, French with a narrow no-break space.
    const expected = {nl: [/tekens/, /9\.500/, /10\.000/], fr: [/caractères/, /9\s500/]}[lang];
    const page = document.documentElement.lang;
    const text = textarea.parentElement.querySelector(".o_exit_interview_counter").textContent;
    if (!page.startsWith(lang) || !expected.every((part) => part.test(text))) {
        throw new Error(`Counter "${text}" of a page in ${page} is not in ${lang}`);
    }
}

/**
 * The page's script speaks the employee's language, whatever the browser's: a Dutch
 * employee's page, then a French employee's, whose address the test gives in the
 * cookie hr_exit_interview_next_page.
 */
registry.category("web_tour.tours").add("hr_exit_interview_portal_language", {
    steps: () => [
        {
            content: "The counter of the Dutch page is in Dutch",
            trigger: "html[lang^=nl] .o_exit_interview_form textarea",
            run() {
                checkCounterSpeaks("nl");
            },
        },
        {
            content: "Open the French page",
            trigger: "html[lang^=nl] .o_exit_interview_form",
            run() {
                const cookie = document.cookie
                    .split("; ")
                    .find((pair) => pair.startsWith("hr_exit_interview_next_page="));
                if (!cookie) {
                    throw new Error("No cookie hr_exit_interview_next_page");
                }
                window.location.assign(decodeURIComponent(cookie.split("=")[1]));
            },
        },
        {
            content: "The counter of the French page is in French",
            trigger: "html[lang^=fr] .o_exit_interview_form textarea",
            run() {
                checkCounterSpeaks("fr");
            },
        },
    ],
});
