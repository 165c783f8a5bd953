import { loadJS } from "@web/core/assets";
import { registry } from "@web/core/registry";

/**
 * Checks with axe-core, run by tests/test_accessibility.py. The test serves axe-core (npm's
 * package, installed outside the repository) at this address through the browser's
 * request interception: nothing of it is copied into the addon.
 */
const AXE_URL = "https://axe-core.hr-exit-interview.test/axe.min.js";
const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
// What the addon's portal page decides for the whole document.
const PAGE_RULES = ["document-title", "html-has-lang", "html-lang-valid", "page-has-heading-one"];

function describe(violations) {
    return violations
        .map((violation) => {
            const nodes = violation.nodes
                .map((node) => `    ${node.target.join(" ")}: ${node.failureSummary}`)
                .join("\n");
            return `${violation.id} (${violation.impact}): ${violation.help}\n${nodes}`;
        })
        .join("\n");
}

/**
 * Fail the tour on any axe-core violation inside `selector` (the addon's own markup),
 * and of `pageRules` on the whole document.
 *
 * @param {String} state what the page shows, for the message
 * @param {String} selector the part of the page that is checked
 * @param {Object} options tags or rules to check inside it, rules for the whole page
 */
async function checkAccessibility(state, selector, { tags = WCAG_AA, rules, pageRules = [] } = {}) {
    await loadJS(AXE_URL);
    const axe = window.axe;
    if (!axe) {
        throw new Error(`axe-core did not load from ${AXE_URL}`);
    }
    // A pane that fades in has a faded contrast until its transition ends. An
    // animation cancelled meanwhile (a row drawn again) rejects with an AbortError:
    // it is over too.
    await Promise.allSettled(document.getAnimations().map((animation) => animation.finished));
    const runOnly = rules ? { type: "rule", values: rules } : { type: "tag", values: tags };
    const { violations } = await axe.run(
        { include: [selector] },
        { runOnly, resultTypes: ["violations"] }
    );
    if (pageRules.length) {
        const page = await axe.run(document, {
            runOnly: { type: "rule", values: pageRules },
            resultTypes: ["violations"],
        });
        violations.push(...page.violations);
    }
    if (violations.length) {
        throw new Error(`Accessibility violations, ${state}:\n${describe(violations)}`);
    }
}

function checkPortal(state) {
    return checkAccessibility(state, ".o_exit_interview_portal", { pageRules: PAGE_RULES });
}

function answerField() {
    return document.querySelector(".o_exit_interview_form textarea");
}

// The scroll position before saving, kept over the page load.
const POSITION_KEY = "hr_exit_interview.tour_position";

/**
 * The departing employee's page, empty, with an error, and submitted; the focus on
 * the error, the position kept after saving.
 */
registry.category("web_tour.tours").add("hr_exit_interview_portal_accessibility", {
    steps: () => [
        {
            content: "The empty page",
            trigger: ".o_exit_interview_form textarea",
            run: () => checkPortal("empty page"),
        },
        {
            content: "An answer over the limit (no maxlength cuts it: the server refuses it)",
            trigger: ".o_exit_interview_acknowledge",
            run(helpers) {
                answerField().value = "x".repeat(10001);
                return helpers.click();
            },
        },
        {
            content: "Save it",
            trigger: ".o_exit_interview_save",
            run: "click",
        },
        {
            content: "The page with an error",
            trigger: ".o_exit_interview_error",
            run: () => checkPortal("page with an error"),
        },
        {
            content: "The focus is on the answer at fault, which names its error",
            trigger: ".o_exit_interview_form textarea[aria-invalid=true]",
            run() {
                const field = document.activeElement;
                if (field !== this.anchor) {
                    throw new Error(`The focus is on ${field.outerHTML.slice(0, 80)}`);
                }
                const described = field
                    .getAttribute("aria-describedby")
                    .split(" ")
                    .map((id) => document.getElementById(id));
                const descriptions = described.map((element) => element.textContent);
                if (!descriptions.some((text) => text.includes("10,000"))) {
                    throw new Error("The answer's error is not tied to it");
                }
                // The counter's warning too, which the script keeps up to date.
                if (!described.some((element) => element.matches(".o_exit_interview_limit"))) {
                    throw new Error("The counter's warning is not tied to the answer");
                }
            },
        },
        {
            content: "Shorten the answer",
            trigger: ".o_exit_interview_form textarea",
            run: "edit I enjoyed the youth camps",
        },
        {
            content: "Save with the second question near the top of the screen",
            trigger: ".o_exit_interview_save",
            run() {
                const question = document.querySelectorAll(".o_exit_interview_question")[1];
                window.scrollBy(0, question.getBoundingClientRect().top - 100);
                sessionStorage.setItem(POSITION_KEY, question.getBoundingClientRect().top);
                this.anchor.click();
            },
        },
        {
            content: "The saved page opens where the employee was",
            trigger: ".o_exit_interview_message",
            async run() {
                await document.fonts.ready;
                await new Promise((resolve) => setTimeout(resolve, 100));
                const before = Number(sessionStorage.getItem(POSITION_KEY));
                sessionStorage.removeItem(POSITION_KEY);
                const question = document.querySelectorAll(".o_exit_interview_question")[1];
                const after = question.getBoundingClientRect().top;
                if (Math.abs(after - before) > 2) {
                    throw new Error(`The question was at ${before}px, is at ${after}px`);
                }
            },
        },
        {
            content: "A field the focus moves to is not hidden under the buttons",
            trigger: ".o_exit_interview_actions",
            async run() {
                const fields = document.querySelectorAll(".o_exit_interview_form textarea");
                const field = fields[fields.length - 1];
                // In the screen, its bottom where the buttons stay: Tab would not scroll.
                const bottom = field.getBoundingClientRect().bottom + window.scrollY;
                window.scrollTo(0, bottom - window.innerHeight + 5);
                field.focus();
                await new Promise((resolve) => requestAnimationFrame(resolve));
                const buttons = this.anchor.getBoundingClientRect();
                const box = field.getBoundingClientRect();
                if (box.bottom > buttons.top) {
                    throw new Error(
                        `The field ends at ${box.bottom}px, under the buttons from ${buttons.top}px`
                    );
                }
            },
        },
        {
            content: "Submit",
            trigger: ".o_exit_interview_submit",
            run: "click",
        },
        {
            content: "The submitted page",
            trigger: ".o_exit_interview_locked",
            run: () => checkPortal("submitted page"),
        },
        {
            content: "The answers are text, not fields",
            trigger: ".o_exit_interview_form:not(:has(textarea, select, input[type=radio]))",
        },
    ],
});

/**
 * The back office's colours: the status badges, the guidance text. Odoo's own widgets
 * (avatars, activity buttons) are not the addon's to fix: colour contrast only.
 */
registry.category("web_tour.tours").add("hr_exit_interview_board_phone", {
    steps: () => [
        {
            content: "On a phone the board's reports are cards",
            trigger: ".o_kanban_view .o_kanban_record:contains(Rita Reported) .badge",
            run: () =>
                checkAccessibility("the board's cards", ".o_kanban_renderer", {
                    rules: ["color-contrast"],
                }),
        },
        {
            content: "Open the report",
            trigger: ".o_kanban_record:contains(Rita Reported)",
            run: "click",
        },
        {
            content: "The report's guidance",
            trigger: ".o_form_view .tab-pane.active .o_exit_interview_guidance",
            run: () =>
                checkAccessibility("the report's guidance", ".o_form_view .tab-pane.active", {
                    rules: ["color-contrast"],
                }),
        },
        {
            content: "Open the board's evaluation",
            trigger: ".o_notebook .nav-link:contains(Board Evaluation)",
            run: "click",
        },
        {
            content: "The evaluation field has a visible label",
            trigger: ".tab-pane.active label.o_form_label[for^=board_evaluation]:contains(Lessons Learned)",
            run: () =>
                checkAccessibility("the board's evaluation", ".o_form_view .tab-pane.active", {
                    rules: ["color-contrast", "label"],
                }),
        },
    ],
});

registry.category("web_tour.tours").add("hr_exit_interview_status_badges", {
    steps: () => [
        {
            content: "Every status badge of the list is readable",
            trigger: ".o_list_view .o_data_row .badge:contains(Invited)",
            run: () =>
                checkAccessibility("the list's status badges", ".o_list_renderer", {
                    rules: ["color-contrast"],
                }),
        },
    ],
});
