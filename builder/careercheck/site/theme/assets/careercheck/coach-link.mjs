// A coach's pre-intake link: #coach=1.<payload> with {"n": name, "o": organisation, "k": contact,
// "d": intake date (YYYY-MM-DD), "m": message, "r": [check ids, in order]} (fragment.mjs). On a
// check page the client sees the message and the route above the check; the context is kept in this
// tab (sessionStorage, under careercheck:, so "Wis alles" erases it) while they go through the route.
// Everything in the link is untrusted: each field is checked and limited, and shown as text only.
import { dropFragment, fragmentOf, pack, unpack } from "./fragment.mjs";
import { fill, longDate } from "./messages.mjs";
import { isDate } from "./restore.mjs";

export const COACH = "coach";
export const LIMITS = { n: 80, o: 100, k: 120, m: 600 }; // characters, as the coach page's fields allow
const MAX_ROUTE = 20;
const KEY = "careercheck:coach";
let inMemory = null; // when the browser refuses storage: this page only

const isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

// The site's checks as the build lists them in the page: [{id, title, url (from the site root)}].
export function siteChecks(root = document) {
  try {
    const list = JSON.parse(root.querySelector("script[data-site-checks]")?.textContent ?? "[]");
    return Array.isArray(list) ? list.filter((c) => isRecord(c) && [c.id, c.title, c.url].every((v) => typeof v === "string")) : [];
  } catch {
    return [];
  }
}

// A coach's data, checked: {value, unknown (some checks of the route are not on this site)} or {error}.
export function readCoach(value, checks) {
  if (!isRecord(value)) return { error: "broken" };
  const text = (key) => (Object.hasOwn(value, key) ? value[key] : "");
  for (const [key, limit] of Object.entries(LIMITS)) {
    if (typeof text(key) !== "string" || text(key).length > limit) return { error: "broken" };
  }
  const date = text("d");
  if (!text("n").trim() || typeof date !== "string" || (date !== "" && !isDate(date))) return { error: "broken" };
  const asked = value.r;
  if (!Array.isArray(asked) || asked.length === 0 || asked.length > MAX_ROUTE) return { error: "broken" };
  if (!asked.every((id) => typeof id === "string" && id.length <= 100) || new Set(asked).size !== asked.length) return { error: "broken" };
  const known = new Set(checks.map((c) => c.id));
  const route = asked.filter((id) => known.has(id));
  if (route.length === 0) return { error: "broken" };
  const fields = Object.fromEntries(Object.keys(LIMITS).map((key) => [key, text(key)]));
  return { value: { ...fields, d: date, r: route }, unknown: route.length < asked.length };
}

// The coach's context in this tab, for the profile: {name, organisation, contact, date, message,
// route: [check ids]}, or null when the client did not come through a coach's link (or erased it).
export function coachContext() {
  let kept = inMemory;
  try {
    const saved = sessionStorage.getItem(KEY);
    if (saved !== null) kept = JSON.parse(saved);
  } catch {
    // refused or unreadable: what this page holds, if anything
  }
  const { value } = readCoach(kept, siteChecks());
  return value ? { name: value.n, organisation: value.o, contact: value.k, date: value.d, message: value.m, route: value.r } : null;
}

// The link that opens the first check of the route with the coach's data, for the page's language.
export async function coachLinkTo(first, value) {
  return `${first}#${COACH}=1.${await pack(value)}`;
}

// On a check page: take a coach's link from the address (then drop it from there), keep it in this
// tab and show message and route. Problems are said through note(catalogue key).
export async function showCoach({ form, storage, ui, note }) {
  const section = document.querySelector("[data-coach-context]");
  const checks = siteChecks();
  const found = fragmentOf(location.hash, COACH);
  if (found) {
    dropFragment();
    const read = found.error ? found : await unpack(found.payload);
    const coach = read.error ? read : readCoach(read.value, checks);
    if (coach.error) {
      note("coach_broken");
    } else {
      if (coach.unknown) note("coach_route_unknown");
      inMemory = coach.value;
      storage.set("sessionStorage", KEY, JSON.stringify(coach.value));
    }
  }
  const context = coachContext();
  if (!section || !context) return;
  const lang = form.dataset.lang;
  const field = (name) => section.querySelector(`[data-coach-${name}]`);
  const say = (name, text) => {
    field(name).textContent = text;
    field(name).hidden = !text;
  };
  say("from", fill(context.organisation ? ui.coach_from_org : ui.coach_from, context));
  say("date", context.date && fill(ui.coach_date_line, { date: longDate(context.date, lang) }));
  say("contact", context.contact && fill(ui.coach_contact_line, context));
  say("message", context.message);
  const root = new URL(`${form.dataset.root}/`, document.baseURI);
  const items = context.route.map((id) => {
    const check = checks.find((c) => c.id === id);
    const item = document.createElement("li");
    const link = Object.assign(document.createElement("a"), { href: new URL(check.url, root).href, textContent: check.title });
    item.append(link);
    if (id === form.dataset.check) {
      link.setAttribute("aria-current", "page");
      item.append(` (${ui.coach_here})`);
    }
    return item;
  });
  field("route").replaceChildren(...items);
  section.hidden = false;
}

// After "Wis alles": the context is gone from storage; gone from the page too.
export function forgetCoach() {
  inMemory = null;
  const section = document.querySelector("[data-coach-context]");
  if (section) section.hidden = true;
}
