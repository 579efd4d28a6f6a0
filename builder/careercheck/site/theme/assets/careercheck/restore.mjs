// What comes back from storage is untrusted: another script, an old version of
// the site or a person may have written it. Only values the form could hold go
// back into it; the rest is dropped and reported. Pure (no DOM, no storage), so
// Node runs it too (tests/test_restore.py fuzzes it).
//
// A question as the form describes it: {name, type} and, by type, options
// (the values a choice can have), places (ranking), min and max (slider) or
// maxLength (text). Values come back as the form encodes them: strings, and
// arrays of strings for multiple and ranking.

const ESCO_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NUMBER = /^-?[0-9]+(\.[0-9]+)?$/; // as a range input gives its value
const SCALE_ID = /^[a-z][a-z0-9_]*$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const MAX_LABEL = 300; // an occupation's name; ESCO's longest is far shorter

const own = (object, key) => Object.hasOwn(object, key);
const ownValue = (object, key) => (own(object, key) ? object[key] : undefined);
const isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

// The saved answers of a check: {answers: Map(name -> value), dropped: whether anything was left out}.
// An occupation's value is {uuid, label}: the form can only show a chosen job with its name.
export function readAnswers(questions, text) {
  const answers = new Map();
  const saved = parse(text ?? "{}");
  if (!isRecord(saved)) return { answers, dropped: true };
  const byName = new Map(questions.map((q) => [q.name, q]));
  let dropped = false;
  for (const key of Object.keys(saved)) {
    const question = byName.get(key);
    if (!question && key.endsWith(":label") && byName.get(key.slice(0, -6))?.type === "occupation") continue;
    const value = question && fit(question, saved[key], saved);
    if (value === undefined) dropped = true;
    else answers.set(key, value);
  }
  return { answers, dropped };
}

// Kept profiles, oldest first: {kept: [{date, scores: Map(scale -> number)}], dropped}.
export function readKept(text) {
  const list = parse(text ?? "[]");
  if (!Array.isArray(list)) return { kept: [], dropped: true };
  const kept = list.map(keptProfile).filter(Boolean);
  return { kept, dropped: kept.length < list.length };
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function fit(question, value, saved) {
  switch (question.type) {
    case "likert":
      return oneOf(question.options, Number.isInteger(value) ? String(value) : value);
    case "yes_no":
    case "single":
      return oneOf(question.options, value);
    case "multiple":
      return choices(question.options, question.options.length, value);
    case "ranking":
      return choices(question.options, question.places, value);
    case "slider":
      return number(question, value);
    case "text":
      return typeof value === "string" && value.length > 0 && value.length <= question.maxLength ? value : undefined;
    case "occupation":
      return job(value, ownValue(saved, `${question.name}:label`));
    default:
      return undefined;
  }
}

function oneOf(options, value) {
  return typeof value === "string" && options.includes(value) ? value : undefined;
}

// Distinct options, as many as the form has room for.
function choices(options, room, value) {
  if (!Array.isArray(value) || value.length === 0 || value.length > room) return undefined;
  if (new Set(value).size !== value.length) return undefined;
  return value.every((v) => oneOf(options, v) !== undefined) ? [...value] : undefined;
}

function number({ min, max }, value) {
  const found = typeof value === "number" ? value : typeof value === "string" && NUMBER.test(value) ? Number(value) : NaN;
  return found >= min && found <= max ? String(found) : undefined; // NaN and Infinity are not
}

function job(uuid, label) {
  const named = typeof label === "string" && label.length > 0 && label.length <= MAX_LABEL;
  return typeof uuid === "string" && ESCO_ID.test(uuid) && named ? { uuid, label } : undefined;
}

function keptProfile(entry) {
  if (!isRecord(entry) || !own(entry, "date") || !own(entry, "scores")) return undefined;
  const { date, scores } = entry;
  if (!isDate(date) || !isRecord(scores)) return undefined;
  const found = new Map(Object.entries(scores));
  for (const [scale, score] of found) {
    if (!SCALE_ID.test(scale) || typeof score !== "number" || !Number.isFinite(score)) return undefined;
  }
  return { date, scores: found };
}

// A real day of the calendar, written YYYY-MM-DD.
export function isDate(value) {
  if (typeof value !== "string" || !DATE.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}
