// An answers file: a person's answers to one check, to take to another device or to a coach.
// Pure (no DOM, no storage), so Node runs it too (tests/test_answers_file.py) and a coach's page
// can read the same files. Everything in a file is untrusted: a reader gives back only values that
// fit the check's questions (through restore.mjs), or throws an AnswersFileError naming the
// catalogue message that says what is wrong; it never gives back half a file.
//
// The file, JSON:
//   {"format": "careercheck-answers", "formatVersion": 1, "check": "loopbaancheck",
//    "checkVersion": 1, "lang": "nl", "date": "2025-03-01", "answers": {...}}
// answers as the form saves them: a string per question, a list of strings for multiple and
// ranking, and for an occupation its ESCO id with its name under "<name>:label".
import { fitAnswers, isDate, isRecord, ownValue, parse } from "./restore.mjs";

export const FORMAT = "careercheck-answers";
export const FORMAT_VERSION = 1;
// Room for every text answer of a long check written out in full; far more than any real file.
export const MAX_CHARS = 512 * 1024;

const KEY = /^[a-z][a-z0-9_]{0,63}(:label)?$/; // a question's name (the check format's identifier)
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;

export class AnswersFileError extends Error {
  constructor(key) {
    super(`answers file: ${key}`);
    this.key = key; // a message in the site's catalogue
  }
}

// The file's text; answers is the record the form saves.
export function writeAnswersFile({ check, version, lang, date, answers }) {
  return `${JSON.stringify({ format: FORMAT, formatVersion: FORMAT_VERSION, check, checkVersion: version, lang, date, answers }, null, 1)}\n`;
}

// A file's text, read for this check (its id, its version, its questions as restore.mjs describes
// them): {check, version, lang, date, answers: Map(name -> value), dropped: [question names]}.
// A file from another version of the check keeps what still fits and names what was dropped; a file
// from this version must fit whole, or it was changed by hand.
export function readAnswersFile(text, { check, version, questions }) {
  if (typeof text !== "string" || text.length > MAX_CHARS) throw new AnswersFileError("file_too_big");
  const file = parse(text);
  const field = (name) => (isRecord(file) ? ownValue(file, name) : undefined);
  if (file === undefined && text.includes(`"${FORMAT}"`)) throw new AnswersFileError("file_damaged"); // ours, cut off or broken
  if (field("format") !== FORMAT) throw new AnswersFileError("file_foreign");
  const formatVersion = field("formatVersion");
  if (!Number.isInteger(formatVersion) || formatVersion < 1) throw new AnswersFileError("file_damaged");
  if (formatVersion > FORMAT_VERSION) throw new AnswersFileError("file_newer");
  if (typeof field("check") !== "string") throw new AnswersFileError("file_damaged");
  if (field("check") !== check) throw new AnswersFileError("file_other_check");
  const checkVersion = field("checkVersion");
  const lang = field("lang");
  const date = field("date");
  const saved = field("answers");
  const sound = Number.isInteger(checkVersion) && checkVersion >= 1 && typeof lang === "string" && LANG.test(lang)
    && isDate(date) && isRecord(saved) && Object.keys(saved).every((key) => KEY.test(key));
  if (!sound) throw new AnswersFileError("file_damaged");
  const { answers, left } = fitAnswers(questions, saved);
  if (left.length > 0 && checkVersion === version) throw new AnswersFileError("file_damaged");
  if (answers.size === 0) throw new AnswersFileError("file_nothing_fits"); // nothing to put in the place of what is there
  const dropped = [...new Set(left.map((key) => key.replace(/:label$/, "")))];
  return { check, version: checkVersion, lang, date, answers, dropped };
}
