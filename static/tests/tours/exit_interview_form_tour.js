import { registry } from "@web/core/registry";

/**
 * The questions of an exit interview in the back office: all on one page, with an
 * "Add a line" and delete icons only while they may change (a draft), a readable
 * notes column, and long answers that do not stretch their row.
 */

/**
 * Fail the tour with the message unless the condition holds.
 *
 * @param {Boolean} condition what the step expects
 * @param {String} message what failed
 */
function check(condition, message) {
    if (!condition) {
        throw new Error(message);
    }
}

const openQuestions = [
    {
        content: "The Questions tab",
        trigger: ".o_form_view .o_notebook .nav-link:contains(Questions)",
        run: "click",
    },
    {
        content: "Every question on one page",
        trigger: ".o_exit_interview_lines .o_data_row:nth-child(41)",
        run() {
            const list = document.querySelector(".o_exit_interview_lines");
            check(list.querySelectorAll(".o_data_row").length === 41, "41 rows");
            check(!list.querySelector(".o_pager"), "no pager");
        },
    },
];

registry.category("web_tour.tours").add("hr_exit_interview_form_draft", {
    steps: () => [
        ...openQuestions,
        {
            content: "A draft's questions can be added and removed",
            trigger: ".o_exit_interview_lines .o_field_x2many_list_row_add a",
            run() {
                const rows = document.querySelectorAll(".o_exit_interview_lines .o_data_row");
                check(
                    [...rows].every((row) => row.querySelector(".o_list_record_remove")),
                    "a delete icon on every row"
                );
            },
        },
        {
            content: "Send the questions",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_send_questions']",
            run: "click",
        },
        {
            content: "The sending window has a title, and says no meeting is planned",
            trigger: ".modal:has(.modal-title:contains(Send the Questions)) .alert:contains(No meeting is planned)",
        },
        {
            content: "Close it",
            trigger: ".modal .modal-footer button:contains(Discard)",
            run: "click",
        },
        {
            content: "Closed, nothing sent",
            trigger: "body:not(:has(.modal)) .o_statusbar_status .o_arrow_button_current:contains(Draft)",
        },
    ],
});

registry.category("web_tour.tours").add("hr_exit_interview_form_sent", {
    steps: () => [
        ...openQuestions,
        {
            content: "Sent questions offer neither a new line nor a delete icon",
            trigger: ".o_exit_interview_lines .o_data_row:contains(A long answer)",
            run() {
                const list = document.querySelector(".o_exit_interview_lines");
                check(!list.querySelector(".o_field_x2many_list_row_add"), "no Add a line");
                check(!list.querySelector(".o_list_record_remove"), "no delete icon");
                const notes = list.querySelector("th[data-name='interviewer_note']");
                check(notes.getBoundingClientRect().width >= 250, "a readable notes column");
                const longRow = [...list.querySelectorAll(".o_data_row")].find((row) =>
                    row.textContent.includes("A long answer")
                );
                const answer = longRow.querySelector(".o_exit_interview_answer > span");
                check(answer.scrollHeight > answer.clientHeight, "the long answer is cut");
                const height = longRow.getBoundingClientRect().height;
                check(height < 250, `a long answer keeps its row short (${height}px)`);
            },
        },
        {
            content: "A click shows the whole answer beside the notes",
            trigger: ".o_exit_interview_lines .o_data_row:contains(A long answer) td[name='interviewer_note']",
            run: "click",
        },
        {
            content: "The whole answer",
            trigger: ".o_exit_interview_lines .o_selected_row .o_exit_interview_answer > span",
            run() {
                const answer = this.anchor;
                check(answer.scrollHeight <= answer.clientHeight + 1, "the whole answer");
            },
        },
    ],
});

registry.category("web_tour.tours").add("hr_exit_interview_form_header", {
    steps: () => [
        {
            content: "Waiting for the answers: three steps forward and the whole status bar",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_mark_held']",
            run() {
                const visible = (element) => element.offsetParent !== null;
                const buttons = [
                    ...document.querySelectorAll(".o_form_view .o_statusbar_buttons button"),
                ].filter(visible);
                check(buttons.length <= 3, `${buttons.length} buttons in the header`);
                const status = document.querySelector(".o_form_view .o_statusbar_status");
                const folded = [...status.querySelectorAll(".o_arrow_button.dropdown-toggle")];
                check(!folded.some(visible), "the status bar does not fold into ...");
                const states = [...status.querySelectorAll(".o_arrow_button")]
                    .filter((button) => visible(button) && !button.matches(".dropdown-toggle"))
                    .map((button) => button.textContent.trim());
                // The bar lays its states out in reverse order.
                check(
                    states.sort().join(",") === "Draft,Held,Invited,Shared with Board",
                    `the main states (${states.join(",")})`
                );
            },
        },
    ],
});
