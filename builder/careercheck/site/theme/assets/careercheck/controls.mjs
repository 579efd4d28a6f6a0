// Controls that keep to their own rules as the person chooses: no more choices
// than a question allows, and a ranking that holds each option once.
import { fill } from "./messages.mjs";

export function keepToRules(question, ui) {
  if (question.dataset.type === "multiple") limitChoices(question, ui);
  else if (question.dataset.type === "ranking") rankEachOnce(question);
}

// At the most, the other options are disabled and the question's one line says why.
function limitChoices(question, ui) {
  const line = question.querySelector("[data-limit]");
  if (!line) return; // no limit below the number of options
  line.dataset.rule ??= line.textContent;
  const most = Number(line.dataset.max);
  const boxes = [...question.querySelectorAll("input[type=checkbox]")];
  const full = boxes.filter((box) => box.checked).length >= most;
  for (const box of boxes) box.disabled = full && !box.checked;
  line.textContent = full ? fill(ui.limit_reached, { max: most }) : line.dataset.rule;
}

// An option chosen in one place cannot be chosen in another (disabled options are skipped by keyboard too).
function rankEachOnce(question) {
  const places = [...question.querySelectorAll("select")];
  for (const place of places) {
    const elsewhere = new Set(places.filter((p) => p !== place).map((p) => p.value).filter(Boolean));
    for (const option of place.options) option.disabled = elsewhere.has(option.value);
  }
}
