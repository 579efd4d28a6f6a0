// Short screens, one at a time: a section with many questions is split into
// screens of about seven statements (a bigger question counts as two), with
// its heading on each. The place is kept in this tab, so a reload or Back
// returns to it; the progress says the part, the screen and the time left.
import { fill } from "./messages.mjs";

const ROOM = 7;
const weight = (question) => (["likert", "yes_no"].includes(question.dataset.type) ? 1 : 2);

// What applies now: every section and question until the engine has said (shown is null).
function screensOf(sections, shown) {
  const applies = (kind, element, name) => !shown || shown[kind].includes(element.dataset[name]);
  const screens = [];
  sections.filter((s) => applies("sections", s, "section")).forEach((section, part) => {
    const questions = [...section.querySelectorAll("[data-question]")].filter((q) => applies("questions", q, "question"));
    const total = questions.reduce((sum, q) => sum + weight(q), 0);
    const count = Math.max(1, Math.ceil(total / ROOM));
    const groups = Array.from({ length: count }, () => []);
    let before = 0;
    for (const question of questions) {
      groups[Math.floor((before * count) / total)].push(question);
      before += weight(question);
    }
    groups.forEach((group, screen) => screens.push({ section, part, screen, of: count, questions: group }));
  });
  return screens;
}

// A choice not offered to this person (hidden_options, from the engine) is hidden; the
// engine does not count it either. Every choice shows until the engine has said.
function offerChoices(questions, shown) {
  for (const question of questions.filter((q) => ["single", "multiple", "ranking"].includes(q.dataset.type))) {
    const hidden = shown?.hidden_options[question.dataset.question] ?? [];
    for (const choice of question.querySelectorAll(".cc-choice input, option[value]:not([value=''])")) {
      (choice.closest(".cc-choice") ?? choice).hidden = hidden.includes(choice.value);
    }
  }
}

// "20 tot 30 minuten", "About 5 minutes": the middle of what the check says, in minutes.
function minutesIn(duration) {
  const found = /(\d+)(?:\D{1,6}?(\d+))?\s*min/i.exec(duration);
  return found ? (Number(found[1]) + Number(found[2] ?? found[1])) / 2 : null;
}

export function steps({ form, ui, storage, placeKey, duration, note }) {
  const sections = [...form.querySelectorAll("[data-section]")];
  const questions = [...form.querySelectorAll("[data-question]")];
  const submit = form.querySelector("button[type=submit]");
  const back = form.querySelector("[data-back]");
  const minutes = minutesIn(duration);
  let screens = screensOf(sections, null);
  let place = readPlace() ?? { section: sections[0].dataset.section, screen: 0 };

  // From storage, so untrusted: a section of this check and a screen number, or the profile.
  // A place that does not fit (another version of the check, or tampered with) is said and dropped.
  function readPlace() {
    const stored = storage.get("sessionStorage", placeKey);
    if (stored === null) return null;
    let saved;
    try {
      saved = JSON.parse(stored);
    } catch {
      saved = null;
    }
    const known = sections.some((s) => s.dataset.section === saved?.section);
    if (known && Number.isInteger(saved.screen) && saved.screen >= 0) return { section: saved.section, screen: saved.screen, profile: saved.profile === true };
    note("place_not_restored");
    return null;
  }

  function keepPlace(profile = false) {
    storage.set("sessionStorage", placeKey, JSON.stringify({ ...place, profile }));
  }

  // The screen of the place; when its section no longer applies, the next one that does.
  function index() {
    const order = sections.findIndex((s) => s.dataset.section === place.section);
    const here = screens.findIndex((s) => s.section.dataset.section === place.section && s.screen === Math.min(place.screen, s.of - 1));
    if (here >= 0) return here;
    const later = screens.findIndex((s) => sections.indexOf(s.section) > order);
    return later >= 0 ? later : screens.length - 1;
  }

  function render() {
    const now = screens[index()];
    for (const section of sections) section.hidden = section !== now.section;
    for (const question of questions) question.hidden = !now.questions.includes(question);
    const parts = screens.at(-1).part + 1;
    const title = now.section.querySelector("h2").textContent;
    form.querySelector("[data-progress-text]").textContent = fill(now.of > 1 ? ui.progress_screen : ui.progress, {
      n: now.part + 1, total: parts, screen: now.screen + 1, screens: now.of, title,
    });
    const bar = form.querySelector("[data-progress-bar]");
    bar.max = screens.length;
    bar.value = index() + 1;
    form.querySelector("[data-time-left]").textContent = timeLeft();
    back.hidden = index() === 0;
    submit.textContent = atEnd() ? submit.dataset.finish : submit.dataset.next;
    numberQuestions();
  }

  // "Vraag n van total" counts the questions that apply to this person, not those left out.
  function numberQuestions() {
    const applying = screens.flatMap((s) => s.questions);
    applying.forEach((question, n) => {
      const number = question.querySelector(".cc-question__number");
      if (number) number.textContent = fill(ui.question_of, { n: n + 1, total: applying.length });
    });
  }

  // From the questions on this screen and the ones after it.
  function timeLeft() {
    const all = screens.reduce((sum, s) => sum + s.questions.length, 0);
    const left = screens.slice(index()).reduce((sum, s) => sum + s.questions.length, 0);
    if (minutes === null || all === 0) return "";
    const estimate = Math.ceil((minutes * left) / all);
    return estimate <= 1 ? ui.minute_left : fill(ui.minutes_left, { minutes: estimate });
  }

  function go(to) {
    const { section, screen } = screens[Math.max(0, Math.min(to, screens.length - 1))];
    place = { section: section.dataset.section, screen };
    keepPlace();
    render();
    // Show the progress and the part's title together; focus the title for screen readers.
    form.querySelector("[data-progress]").scrollIntoView({ block: "start" });
    section.querySelector("h2").focus({ preventScroll: true });
  }

  const atEnd = () => index() === screens.length - 1;

  return {
    // What the engine says applies now (null: everything).
    applies(shown) {
      screens = screensOf(sections, shown);
      offerChoices(questions, shown);
      render();
    },
    render,
    next: () => go(index() + 1),
    back: () => go(index() - 1),
    // After an erase: the first screen, as on a first visit (nothing is kept).
    restart() {
      place = { section: sections[0].dataset.section, screen: 0 };
      render();
    },
    atEnd,
    applying: () => screens.flatMap((s) => s.questions),
    // The first screen with a question still open (isOpen says which are).
    toFirstOpen: (isOpen) => go(screens.findIndex((s) => s.questions.some(isOpen))),
    // Whether the person had reached the profile before a reload or Back.
    wasAtProfile: () => readPlace()?.profile === true,
    atProfile: () => keepPlace(true),
  };
}
