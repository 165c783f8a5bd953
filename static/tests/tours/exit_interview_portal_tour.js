import { registry } from "@web/core/registry";

/**
 * The departing employee opens the personal link, answers (the page counts the
 * answers), saves a draft before confirming the notice, comes back to find the
 * answers kept, confirms the notice, submits and sees the page locked.
 */
registry.category("web_tour.tours").add("hr_exit_interview_portal", {
    steps: () => [
        {
            content: "The letter and the confidentiality notice open the page",
            trigger: ".o_exit_interview_letter:contains(Dear Dirk Departing)",
        },
        {
            content: "Answer the first question",
            trigger: ".o_exit_interview_form textarea:first",
            run: "edit I enjoyed the youth camps",
        },
        {
            content: "A short answer has no counter under it",
            trigger: ".o_exit_interview_form:not(:has(.o_exit_interview_counter:not(.d-none)))",
        },
        {
            content: "Rate the organisation",
            trigger: ".o_exit_interview_form input[type=radio][value='4']",
            run: "click",
        },
        {
            content: "The page counts the questions answered",
            trigger: ".o_exit_interview_progress:contains(2 of 3 questions answered)",
        },
        {
            content: "Save the draft, the notice not confirmed yet",
            trigger: ".o_exit_interview_save",
            run: "click",
        },
        {
            content: "The answers are saved",
            trigger: ".o_exit_interview_message",
            run() {
                const form = document.querySelector(".o_exit_interview_form");
                window.location.assign(form.dataset.pageUrl);
            },
        },
        {
            content: "After a reload the answer is still there",
            trigger: ".o_exit_interview_form:not(:has(.o_exit_interview_message)) textarea",
            run() {
                const value = document.querySelector(".o_exit_interview_form textarea").value;
                if (value !== "I enjoyed the youth camps") {
                    throw new Error(`The saved answer is lost: "${value}"`);
                }
            },
        },
        {
            content: "The rating is still there",
            trigger: ".o_exit_interview_form input[type=radio][value='4']:checked",
        },
        {
            content: "Confirm having read who reads the answers",
            trigger: ".o_exit_interview_acknowledge",
            run: "click",
        },
        {
            content: "Ask to hear later what the organisation does with the feedback",
            trigger: ".o_exit_interview_told_consent",
            run: "click",
        },
        {
            content: "Submit the answers",
            trigger: ".o_exit_interview_submit",
            run: "click",
        },
        {
            content: "The page is locked",
            trigger: ".o_exit_interview_locked:contains(submitted)",
        },
        {
            content: "No button to change the answers any more",
            trigger: ".o_exit_interview_portal:not(:has(.o_exit_interview_save))",
        },
    ],
});
