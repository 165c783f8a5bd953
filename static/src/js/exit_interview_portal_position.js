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
                this._keepInPlace(question, position.top);
            }
        }
        return this._super(...arguments);
    },

    /**
     * Bring the question back to where it was on the screen, and keep it there while
     * the page settles: the page's images and fonts move the text, and website's
     * header, on the first scroll of a page that opens scrolled, scrolls back by its
     * own height and then turns fixed. Until the page is loaded and nothing moved for
     * a few frames, every move is undone but the employee's own; for a second after,
     * a scroll by anything else (a link to another question, the browser's find)
     * ends it too.
     *
     * @param {HTMLElement} question the question to keep in place
     * @param {Number} top where its top was on the screen, in pixels
     */
    _keepInPlace(question, top) {
        let settling = true;
        let loaded = false;
        let settled = false;
        let quietFrames = 0;
        let scrolledTo = null;
        const stop = () => (settling = false);
        const userEvents = ["wheel", "touchstart", "keydown", "mousedown"];
        for (const type of userEvents) {
            window.addEventListener(type, stop, {once: true, passive: true});
        }
        const settle = () => {
            const scrolledElsewhere =
                scrolledTo !== null && Math.abs(window.scrollY - scrolledTo) >= 1;
            if (settled && scrolledElsewhere) {
                stop();
            }
            if (!settling) {
                return;
            }
            const offset = question.getBoundingClientRect().top - top;
            quietFrames = Math.abs(offset) >= 1 || scrolledElsewhere ? 0 : quietFrames + 1;
            if (Math.abs(offset) >= 1) {
                window.scrollBy(0, offset);
            }
            scrolledTo = window.scrollY;
            if (loaded && !settled && quietFrames >= 3) {
                settled = true;
                setTimeout(stop, 1000);
            }
            window.requestAnimationFrame(settle);
        };
        settle();
        const pageLoaded =
            document.readyState === "complete"
                ? Promise.resolve()
                : new Promise((resolve) =>
                      window.addEventListener("load", resolve, {once: true})
                  );
        Promise.all([pageLoaded, document.fonts.ready]).then(() => (loaded = true));
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
