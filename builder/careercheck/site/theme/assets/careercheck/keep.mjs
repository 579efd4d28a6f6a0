// Keeping answers beyond this tab, only as the person chooses: on this device (storage.mjs,
// keptOnDevice), or in an answers file to take to another device or a coach (answers-file.mjs).
// A file that is not right is said in one line and changes nothing; one that is right takes the
// place of the answers in the form, and `loaded` lets the page go on from there.
import { AnswersFileError, MAX_CHARS, readAnswersFile, writeAnswersFile } from "./answers-file.mjs";
import { clearAnswers, described, fillAnswers, formRecord } from "./answers.mjs";
import { fill, longDate } from "./messages.mjs";

export function keepControls({ form, questions, storage, ui, note, loaded }) {
  const controls = document.querySelector("[data-keep-controls]");
  const choice = controls.querySelector("[data-keep-answers]");
  const picker = controls.querySelector("[data-action=import]");
  const status = controls.querySelector("[data-keep-status]");
  const { check, lang } = form.dataset;
  const version = Number(form.dataset.version);
  const say = (text) => { status.textContent = text; };

  controls.hidden = false;
  choice.checked = storage.chosen();
  if (storage.resumed) note("resumed");

  choice.addEventListener("change", () => {
    if (!choice.checked) return say((storage.choose(false), ui.answers_not_kept));
    if (storage.choose(true)) return say(ui.answers_kept);
    choice.checked = false; // the device refused: the notice above the questions says so
    storage.choose(false);
  });

  controls.querySelector("[data-action=export]").addEventListener("click", () => {
    const date = new Date().toISOString().slice(0, 10);
    const name = fill(ui.file_name, { check, date });
    const text = writeAnswersFile({ check, version, lang, date, answers: formRecord(questions) });
    const link = Object.assign(document.createElement("a"), { href: URL.createObjectURL(new Blob([text], { type: "application/json" })), download: name });
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    say(fill(ui.exported, { file: name }));
  });

  picker.addEventListener("change", async () => {
    const [file] = picker.files;
    picker.value = ""; // the same file may be chosen again
    if (!file) return;
    try {
      // Not even read when it is far too big: no character takes more than three bytes per JavaScript character.
      const text = file.size > 3 * MAX_CHARS ? null : await file.text();
      const read = readAnswersFile(text, { check, version, questions: questions.map(described) });
      clearAnswers(form, questions, ui.not_chosen);
      fillAnswers(questions, read.answers);
      loaded();
      const count = read.dropped.length;
      const line = count === 0 ? ui.file_loaded : count === 1 ? ui.file_dropped_one : ui.file_dropped_many;
      say(fill(line, { date: longDate(read.date, lang), n: count }));
    } catch (error) {
      if (!(error instanceof AnswersFileError)) console.error("careercheck:", error.message);
      say(error instanceof AnswersFileError ? ui[error.key] : ui.file_damaged);
    }
  });

  // After 'Wis alles' nothing is kept, and what was said about it is gone.
  document.querySelector("[data-erase-yes]").addEventListener("click", () => {
    choice.checked = false;
    say("");
    form.querySelector("[data-note=resumed]")?.remove();
  });
}
