// Sharing by the person's own choice: a link to this check with the answers in its fragment
// (fragment.mjs), shown to copy and as a QR code; and reading such a link when it is opened.
import { formRecord } from "./answers.mjs";
import { fragmentOf, pack, unpack } from "./fragment.mjs";

export const SHARED = "antwoorden"; // #antwoorden=1.<payload>

const isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

// The link that opens this check with these answers, in this page's language (its address).
export async function shareLink(form, questions) {
  const payload = await pack({ c: form.dataset.check, v: Number(form.dataset.version), a: formRecord(questions) });
  return `${location.origin}${location.pathname}#${SHARED}=1.${payload}`;
}

// A shared link's answers for this check: {text (for fillAnswers), otherVersion} or {error}, where
// error is the catalogue's link_<error>. Whether each answer fits its question is fillFromText' part.
export async function sharedAnswers(hash, form) {
  const found = fragmentOf(hash, SHARED);
  if (!found || found.error) return { error: found?.error ?? "broken" };
  const { value, error } = await unpack(found.payload);
  if (error) return { error };
  if (!isRecord(value) || typeof value.c !== "string" || !isRecord(value.a)) return { error: "broken" };
  if (!Number.isInteger(value.v) || value.v < 1) return { error: "broken" };
  if (value.c !== form.dataset.check) return { error: "other_check" };
  return { text: JSON.stringify(value.a), otherVersion: value.v !== Number(form.dataset.version) };
}

// The share button in the profile: a link, a copy button, and a QR code from the engine's worker.
export function shareView({ profile, form, questions, ui, qr }) {
  const box = profile.querySelector("[data-share]");
  if (!box) return;
  box.querySelector("[data-action=share]").addEventListener("click", async () => {
    const url = await shareLink(form, questions);
    showLink(box.querySelector("[data-share-result]"), url, ui, qr);
  });
}

// A made link in its box: the read-only field, the copy button and the QR code (or why there is none).
export async function showLink(box, url, ui, qr) {
  const field = box.querySelector("input[readonly]");
  const place = box.querySelector("[data-qr-box]");
  const qrNote = box.querySelector("[data-qr-note]");
  field.value = url;
  box.querySelector("[data-copied]").textContent = "";
  box.hidden = false;
  field.focus();
  field.select();
  place.replaceChildren();
  qrNote.textContent = ui.qr_busy;
  let picture;
  try {
    picture = await qr(url);
  } catch (error) {
    console.error("careercheck:", error.message);
    picture = undefined;
  }
  if (field.value !== url) return; // a newer link is being made
  if (typeof picture === "string" && picture.startsWith("data:image/svg+xml;charset=utf-8,")) {
    // An image, never markup in the page; made only now, so the page has no picture until it is asked for.
    const image = Object.assign(document.createElement("img"), { className: "cc-qr", src: picture, alt: place.dataset.qrAlt });
    image.dataset.qr = "";
    place.replaceChildren(image);
    qrNote.textContent = "";
  } else {
    qrNote.textContent = picture === null ? ui.qr_too_long : ui.qr_failed;
  }
}

// Every [data-copy] button copies the field it names, and says so.
export function copyButtons(root, ui) {
  for (const button of root.querySelectorAll("[data-copy]")) {
    button.addEventListener("click", async () => {
      const field = root.querySelector(`#${button.dataset.copy}`);
      const said = button.closest(".cc-link").querySelector("[data-copied]");
      try {
        await navigator.clipboard.writeText(field.value);
        said.textContent = ui.copied;
      } catch {
        field.select();
        said.textContent = ui.copy_failed;
      }
    });
  }
}
