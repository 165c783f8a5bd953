import publicWidget from "@web/legacy/js/public/public_widget";

// Where the employee was on the page when saving, for the page that answers.
const POSITION_KEY = "hr_exit_interview.position";

/**
 * Saving reloads the page: the employee lands where they were, not at the top of
 * a long page. The first question that starts on the screen comes back to the
 * same place (a message above it may change the page's length). An error takes the focus
 * instead (the template's autofocus).
 */
publicWidget.registry.ExitInterviewPosition = publicWidget.Widget.extend({
    selector: ".o_exit_interview_portal",
    events: {
        "submit .o_exit_interview_form": "_onSubmit",
    },

    start() {
        const form = this.el.querySelector(".o_exit_interview_form");
        const stored = sessionStorage.getItem(POSITION_KEY);
        sessionStorage.removeItem(POSITION_KEY);
        if (form && stored && !this.el.querySelector(".o_exit_interview_error")) {
            const position = JSON.parse(stored);
            const question = form.querySelector(
                `.o_exit_interview_question[data-line-id="${position.lineId}"]`
            );
            if (question && position.form === form.getAttribute("action")) {
                const restore = () =>
                    window.scrollBy(0, question.getBoundingClientRect().top - position.top);
                restore();
                // Again once the page's images and fonts are in, which move the text.
                const loaded =
                    document.readyState === "complete"
                        ? Promise.resolve()
                        : new Promise((resolve) =>
                              window.addEventListener("load", resolve, {once: true})
                          );
                Promise.all([loaded, document.fonts.ready]).then(restore);
            }
        }
        return this._super(...arguments);
    },

    _onSubmit(ev) {
        // A jQuery event: the browser's own one names the button.
        const submitter = ev.originalEvent && ev.originalEvent.submitter;
        const questions = [...ev.currentTarget.querySelectorAll(".o_exit_interview_question")];
        if (!submitter || submitter.value !== "save" || !questions.length) {
            return;
        }
        const question =
            questions.find((element) => element.getBoundingClientRect().top >= 0) ||
            questions[questions.length - 1];
        sessionStorage.setItem(
            POSITION_KEY,
            JSON.stringify({
                form: ev.currentTarget.getAttribute("action"),
                lineId: question.dataset.lineId,
                top: question.getBoundingClientRect().top,
            })
        );
    },
});

export default publicWidget.registry.ExitInterviewPosition;
