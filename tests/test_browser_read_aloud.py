"""Read-aloud: the browser's own speech synthesis, only with a voice on the device (an online voice
would send the text away), for a question, a part step by step, and each part of the profile."""

from __future__ import annotations

import pytest

from test_browser import Visit
from test_browser_sites import LINDA

pytestmark = pytest.mark.browser

# A stand-in for speechSynthesis that records what is said and with which voice.
VOICES = """(voices) => {
  window.spoken = [];
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
  Object.defineProperty(window, "speechSynthesis", { value: {
    getVoices: () => voices,
    speak(u) { window.spoken.push({ text: u.text, voice: u.voice.name }); setTimeout(() => u.onend?.(), 20); },
    cancel() {},
    addEventListener() {},
  } });
}"""
ONLINE_NL = {"name": "Online Nederlands", "lang": "nl-NL", "localService": False}
LOCAL_NL = {"name": "Lokaal Nederlands", "lang": "nl-NL", "localService": True}
LOCAL_EN = {"name": "Local English", "lang": "en-GB", "localService": True}


def with_voices(visit: Visit, voices: list[dict]) -> None:
    visit.context.add_init_script(f"({VOICES})({voices!r})".replace("False", "false").replace("True", "true"))


def test_a_question_a_part_and_the_profile_are_read_with_a_local_voice_only(browser, server: str) -> None:
    with Visit(browser, server) as visit:
        with_voices(visit, [ONLINE_NL, LOCAL_NL, LOCAL_EN])
        visit.open("/checks/kortecheck/")
        page = visit.page
        page.wait_for_selector(".cc-read")
        question = page.locator("[data-question=vraag]")
        question.locator(".cc-read").click()
        page.wait_for_function("() => window.spoken.length === 1")
        (said,) = page.evaluate("window.spoken")
        assert said["voice"] == "Lokaal Nederlands"
        assert "Welke vraag past nu het best bij jou?" in said["text"] and "Ik loop steeds vast." in said["text"]
        assert "Lees voor" not in said["text"]

        page.evaluate("window.spoken = []")
        section = page.locator("[data-section]:not([hidden])")
        section.locator(".cc-read").first.click()  # the part: its heading, then each question on screen
        shown = section.locator("[data-question]:not([hidden])").count()
        page.wait_for_function(f"() => window.spoken.length === {1 + shown}")
        texts = [s["text"] for s in page.evaluate("window.spoken")]
        assert texts[0] == section.locator("h2").inner_text() and "Wat doe je nu?" in texts[1]

        visit.finish(LINDA)
        page.evaluate("window.spoken = []")
        buttons = page.locator("[data-profile] .cc-read")
        assert buttons.count() >= 3  # the coaching that fits, a scale, the person's own answers
        buttons.nth(1).click()
        page.wait_for_function("() => window.spoken.length === 1")
        assert "Energie uit je werk" in page.evaluate("window.spoken[0].text")
        assert {s["voice"] for s in page.evaluate("window.spoken")} == {"Lokaal Nederlands"}


def test_the_english_page_reads_with_an_english_voice(browser, server: str) -> None:
    with Visit(browser, server) as visit:
        with_voices(visit, [LOCAL_NL, LOCAL_EN])
        visit.open("/en/checks/kortecheck/")
        visit.page.locator("[data-question=vraag] .cc-read").click()
        visit.page.wait_for_function("() => window.spoken.length === 1")
        assert visit.page.evaluate("window.spoken[0].voice") == "Local English"


def test_without_a_voice_on_the_device_there_is_nothing_to_press(browser, server: str) -> None:
    with Visit(browser, server) as visit:
        with_voices(visit, [ONLINE_NL])  # an online voice only: never used
        visit.open("/checks/kortecheck/")
        visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
        visit.page.wait_for_timeout(300)
        assert visit.page.locator(".cc-read").count() == 0
