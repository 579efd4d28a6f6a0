// The page's words come from the site's message catalogue (catalogue/*.yml),
// with {name} parts filled in here.

export function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
}

export function longDate(isoDate, lang) {
  return new Date(`${isoDate}T12:00:00`).toLocaleDateString(lang, { dateStyle: "long" });
}
