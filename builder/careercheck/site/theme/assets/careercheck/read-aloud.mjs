// Read-aloud with the browser's own speech synthesis, and only with a voice on
// this device: an online voice (localService false, as Chromium offers) would
// send the text to a speech service. Without a local voice in the page's
// language there are no read-aloud buttons at all.
//
// A button per question reads it with its answers; one per part reads the
// questions on screen one after another, marking the one being read; one per
// part of the profile reads that part.

const synth = globalThis.speechSynthesis;
let reading = 0; // the current reading; a new one, or stop, ends the one before

async function localVoice(lang) {
  if (!synth) return null;
  let voices = synth.getVoices();
  if (voices.length === 0) { // some browsers fill the list a moment after the page
    await new Promise((arrived) => {
      synth.addEventListener("voiceschanged", arrived, { once: true });
      setTimeout(arrived, 1500);
    });
    voices = synth.getVoices();
  }
  return voices.find((v) => v.localService && v.lang.toLowerCase().startsWith(lang)) ?? null;
}

function say(text, voice) {
  return new Promise((done) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = utterance.onerror = done;
    synth.speak(utterance);
  });
}

export async function readAloud({ form, profile, ui, lang }) {
  const voice = await localVoice(lang);
  if (!voice) return { profileShown() {} };
  const labels = new Set([ui.read_aloud, ui.read_screen, ui.read_stop]);
  let current = null; // the button of what is being read

  // What a person sees of ``element``, without the read-aloud buttons' own words.
  const textOf = (element) => element.innerText.split("\n").map((line) => line.trim())
    .filter((line) => line && !labels.has(line)).join(". ");

  function stopReading() {
    reading += 1;
    synth.cancel();
    if (!current) return;
    current.textContent = current.dataset.label;
    current = null;
  }

  // Each element in turn, marked while it is read; its button then says how to stop.
  async function read(button, elements) {
    const again = button === current;
    stopReading();
    if (again) return;
    const mine = reading;
    current = button;
    button.textContent = ui.read_stop;
    for (const element of elements) {
      if (mine !== reading) return;
      element.dataset.readingNow = "true";
      element.scrollIntoView({ block: "nearest" });
      await say(textOf(element), voice);
      delete element.dataset.readingNow;
    }
    if (mine === reading) stopReading();
  }

  function addButton(after, label, elements) {
    const button = Object.assign(document.createElement("button"), { type: "button", className: "md-button cc-read" });
    button.dataset.label = label;
    button.textContent = label;
    button.addEventListener("click", () => read(button, elements()));
    after.after(button);
  }

  const shownQuestions = (section) => [...section.querySelectorAll("[data-question]")].filter((q) => !q.hidden);
  for (const section of form.querySelectorAll("[data-section]")) {
    addButton(section.querySelector("h2"), ui.read_screen, () => [section.querySelector("h2"), ...shownQuestions(section)]);
  }
  for (const question of form.querySelectorAll("[data-question]")) {
    addButton(question.querySelector("legend, label"), ui.read_aloud, () => [question]);
  }
  return {
    profileShown() {
      for (const old of profile.querySelectorAll(".cc-read")) old.remove();
      // Each part of the summary and of the details; not the notes: lines to write on.
      for (const heading of profile.querySelectorAll("[data-profile-body] h3")) {
        const part = heading.closest("section, [data-profile-details] > div");
        if (part && heading.offsetParent) addButton(heading, ui.read_aloud, () => [part]);
      }
    },
  };
}
