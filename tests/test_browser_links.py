"""Links, in a real browser: a profile shared by the person's own choice (answers in the link's
fragment, with its QR code), and a coach's pre-intake link (message and route above the check).
Everything in a link is untrusted: a wrong, broken or hostile link says so, changes nothing and runs
nothing; nothing is ever sent."""

from __future__ import annotations

import base64
import json
import random
import shutil
import string
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import segno

from careercheck.site.runtime import SEGNO
from conftest import persona_answers, runtime_folder
from test_browser import Visit, axe_violations
from test_browser_layout import PHONES, ZOOMED, looked_at, sideways

pytestmark = pytest.mark.browser

LOOPBAANCHECK = "/checks/loopbaancheck/"
AHMED = persona_answers("ahmed-magazijn-na-reorganisatie")
LINDA = persona_answers("linda-kort-wil-verder")
HOSTILE = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', '"><svg onload=alert(3)>']


def packed(value) -> str:
    """The fragment's payload, made as the page makes it: base64url of deflate-raw of UTF-8 JSON."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = deflate.compress(json.dumps(value, ensure_ascii=False).encode()) + deflate.flush()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def shared(check: str, answers: dict, version: int = 1) -> str:
    return f"#antwoorden=1.{packed({'c': check, 'v': version, 'a': answers})}"


def coach(**fields) -> str:
    return f"#coach=1.{packed(fields)}"


@pytest.fixture
def visit(browser, server: str) -> Iterator[Visit]:
    with Visit(browser, server) as visit:
        yield visit


@pytest.fixture
def another(browser, server: str) -> Iterator[Visit]:
    """Someone else, on another device: a browser context of their own."""
    with Visit(browser, server) as visit:
        yield visit


def made_link(visit: Visit, box: str) -> str:
    """The link in a result box, once its QR code is made (or the page said why there is none)."""
    visit.page.wait_for_selector(f"{box}:not([hidden])")
    for _ in range(600):
        if "..." not in visit.page.text_content(f"{box} [data-qr-note]"):
            return visit.page.input_value(f"{box} input[readonly]")
        time.sleep(0.2)
    raise AssertionError("the QR code was never made")


def share(visit: Visit) -> str:
    visit.page.click("[data-action=share]")
    return made_link(visit, "[data-share-result]")


def own_answers(visit: Visit) -> str | None:
    return visit.page.evaluate("() => sessionStorage.getItem('careercheck:loopbaancheck:answers')")


def notice(visit: Visit) -> str:
    return visit.page.inner_text("form[data-check] [data-notice]")


def only_this_site_was_asked(visit: Visit) -> None:
    """No request left the site, and none carried data in a query string."""
    for request in visit.requests:
        parts = urlsplit(request.url)
        assert request.url.startswith(visit.server) and not parts.query and request.method == "GET", request.url


# --- sharing a profile -----------------------------------------------------------------------------

def test_a_shared_link_opened_in_another_browser_shows_the_same_profile(visit: Visit, another: Visit) -> None:
    visit.open(LOOPBAANCHECK)
    visit.finish(AHMED)
    profile = visit.page.inner_text("[data-profile]")
    link = share(visit)
    assert link.startswith(f"{visit.server}{LOOPBAANCHECK}#antwoorden=1.")
    assert "iedereen die de link heeft, kan al je antwoorden zien" in visit.page.inner_text("[data-share]").lower()

    another.page.goto(link)
    another.page.wait_for_selector("[data-profile][data-state=ready]")
    assert another.page.inner_text("[data-profile]") == profile
    assert another.page.url == f"{visit.server}{LOOPBAANCHECK}"  # the answers left the address bar
    assert "De antwoorden uit de link staan nu in de vragen." in notice(another)
    only_this_site_was_asked(another)


def answered_one(visit: Visit) -> str:
    """A visitor who has begun: one answer in this tab."""
    visit.open(LOOPBAANCHECK)
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")
    visit.answer({"situatie": "school"})
    visit.page.wait_for_function("() => sessionStorage.getItem('careercheck:loopbaancheck:answers')?.includes('school')")
    return own_answers(visit)


@pytest.mark.parametrize(("fragment", "said"), [
    (shared("kortecheck", LINDA), "Deze link hoort bij een andere check. Er is niets veranderd."),
    ("#antwoorden=1.dGhpcyBpcyBub3QgZGVmbGF0ZQ", "Deze link is niet compleet of beschadigd. Er is niets veranderd."),
    ("#antwoorden=1.<script>alert(1)</script>", "Deze link is niet compleet of beschadigd. Er is niets veranderd."),
    ("#antwoorden=2." + packed({"c": "loopbaancheck", "v": 1, "a": AHMED}), "Deze link is niet compleet of beschadigd."),
    ("#antwoorden=1." + "A" * 20_000, "Deze link is te lang. Er is niets veranderd."),
    # Small in the link, huge once inflated.
    ("#antwoorden=1." + packed({"c": "loopbaancheck", "v": 1, "a": {"x": " " * 500_000}}), "Deze link is te lang."),
], ids=["another check", "not deflate", "not base64", "another format", "over-long", "inflates too far"])
def test_a_wrong_broken_or_overlong_shared_link_says_so_and_changes_nothing(visit: Visit, fragment: str, said: str) -> None:
    dialogs = []
    visit.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    before = answered_one(visit)
    visit.page.goto("about:blank")
    visit.page.goto(f"{visit.server}{LOOPBAANCHECK}{fragment}")
    visit.page.wait_for_selector(f"[data-notice] >> text={said}")
    assert own_answers(visit) == before
    assert visit.page.locator("[data-question=situatie] input[value=school]").is_checked()
    assert visit.page.get_attribute("[data-profile]", "data-state") == "empty"
    assert not visit.page.locator("[data-link-confirm]").is_visible()
    assert visit.page.evaluate("location.hash") == ""
    assert dialogs == []


def test_a_shared_link_replaces_the_visitors_own_answers_only_when_they_say_so(visit: Visit) -> None:
    before = answered_one(visit)
    link = f"{visit.server}{LOOPBAANCHECK}{shared('loopbaancheck', {'situatie': 'loondienst', 'vraag': 'kiezen'})}"
    visit.page.goto("about:blank")
    visit.page.goto(link)
    visit.page.wait_for_selector("[data-link-confirm][open]")
    visit.page.click("[data-link-confirm] button[value=keep]")  # the first button, which has the focus
    visit.page.wait_for_selector("[data-notice] >> text=Je eigen antwoorden zijn gebleven.")
    assert own_answers(visit) == before

    visit.page.goto("about:blank")
    visit.page.goto(link)
    visit.page.click("[data-link-confirm] [data-link-replace]")
    visit.page.wait_for_selector("[data-profile][data-state=ready]")
    assert json.loads(own_answers(visit)) == {"situatie": "loondienst", "vraag": "kiezen"}


def test_a_link_from_another_version_takes_what_fits_and_says_so(visit: Visit) -> None:
    answers = AHMED | {"p_e1": 9, "vraag": "<b>iets anders</b>", "bestaat_niet": "ja", "__proto__": {"x": 1}}
    visit.page.goto(f"{visit.server}{LOOPBAANCHECK}{shared('loopbaancheck', answers, version=7)}")
    visit.page.wait_for_selector("[data-profile][data-state=ready]")
    said = notice(visit)
    assert "De link is gemaakt met een andere versie van deze check. De antwoorden die passen, zijn overgenomen." in said
    assert "Een paar antwoorden uit de link pasten niet bij de vragen. Die zijn weggelaten." in said
    kept = json.loads(own_answers(visit))
    assert "p_e1" not in kept and "vraag" not in kept and "bestaat_niet" not in kept
    assert kept["p_e2"] == "4" and kept["trots"] == AHMED["trots"]


def test_the_qr_code_of_a_short_share_link_is_segnos_code_of_exactly_that_link(visit: Visit) -> None:
    visit.open("/checks/kortecheck/")
    visit.finish(LINDA)
    link = share(visit)
    image = visit.page.locator("[data-share-result] img[data-qr]")
    assert image.is_visible() and "QR-code van de link" in image.get_attribute("alt")
    expected = segno.make_qr(link, error="m").svg_data_uri(border=4, omitsize=True, dark="#000", light="#fff")
    assert image.get_attribute("src") == expected
    # Drawn, and as a picture only: no SVG markup in the page.
    assert visit.page.evaluate("() => document.querySelector('[data-share-result] img').naturalWidth") > 0
    assert visit.page.locator("[data-share] svg").count() == 0


def test_the_copy_button_puts_the_link_on_the_clipboard(browser, server: str) -> None:
    with Visit(browser, server, permissions=["clipboard-read", "clipboard-write"]) as visit:
        visit.open("/checks/kortecheck/")
        visit.finish(LINDA)
        link = share(visit)
        visit.page.click("[data-share-result] button[data-copy]:text('Kopieer de link')")
        visit.page.wait_for_selector("[data-share-result] [data-copied]:text('De link is gekopieerd.')")
        assert visit.page.evaluate("() => navigator.clipboard.readText()") == link


@pytest.fixture(scope="module")
def server_without_segno(site: Path, host, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The site with segno's zip lost: a QR code cannot be made, everything else can."""
    copy = shutil.copytree(site, tmp_path_factory.mktemp("no-segno") / "site")
    for lost in runtime_folder(copy).glob(SEGNO + "*"):
        lost.unlink()
    return host(copy)


def test_when_the_qr_code_cannot_be_made_the_link_is_still_there_and_the_check_goes_on(browser, server_without_segno: str) -> None:
    with Visit(browser, server_without_segno) as visit:
        visit.open("/checks/kortecheck/")
        visit.finish(LINDA)
        link = share(visit)
        assert visit.page.text_content("[data-share-result] [data-qr-note]") == "De QR-code kon niet worden gemaakt. De link hierboven werkt wel."
        assert link.startswith(f"{server_without_segno}/checks/kortecheck/#antwoorden=1.")
        assert not visit.page.locator("[data-engine-failed]").is_visible()
        assert visit.page.locator("form[data-engine=ready]").count() == 1  # the engine still answers


def test_a_link_too_long_for_a_qr_code_says_so_and_offers_the_link(visit: Visit) -> None:
    noise = random.Random(7)
    written = {name: "".join(noise.choices(string.ascii_letters + " ", k=300)) for name in ("veranderd", "niet_meer", "hoop", "trots", "plezier")}
    visit.open(LOOPBAANCHECK)
    visit.finish(AHMED | written)
    link = share(visit)
    assert visit.page.text_content("[data-share-result] [data-qr-note]") == "De link is te lang voor een QR-code. Gebruik de link hierboven."
    assert not visit.page.locator("[data-share-result] img[data-qr]").is_visible()
    assert link.startswith(f"{visit.server}{LOOPBAANCHECK}#antwoorden=1.")


# --- the coach's side ------------------------------------------------------------------------------

def make_coach_link(visit: Visit, language: str = "nl", route=("kortecheck", "werkenergie")) -> str:
    visit.open(("/en" if language == "en" else "") + "/coach/")
    visit.page.fill("#cc-coach-name", "Joke de Vries")
    visit.page.fill("#cc-coach-organisation", "Loopbaanpraktijk Oost")
    visit.page.fill("#cc-coach-contact", "06 12345678")
    visit.page.fill("#cc-coach-date", "2027-03-15")
    for step, check in enumerate(route, start=1):
        visit.page.select_option(f"#cc-coach-step-{step}", check)
    visit.page.fill("#cc-coach-message", "Hoi!\nDoe deze checks voor ons eerste gesprek.")
    visit.page.click("form[data-coach] button[type=submit]")
    return made_link(visit, "[data-coach-result]")


def coach_box(visit: Visit) -> str:
    visit.page.wait_for_selector("[data-coach-context]:not([hidden])")
    return visit.page.inner_text("[data-coach-context]")


def test_the_coach_page_makes_a_link_whose_message_and_route_lead_the_client_through_the_checks(visit: Visit, another: Visit) -> None:
    link = make_coach_link(visit)
    assert link.startswith(f"{visit.server}/checks/kortecheck/#coach=1.")
    assert visit.page.locator("[data-coach-result] img[data-qr]").is_visible()
    only_this_site_was_asked(visit)

    another.page.goto(link)
    seen = coach_box(another)
    assert "Joke de Vries (Loopbaanpraktijk Oost) heeft deze checks voor je klaargezet." in seen
    assert "Jullie gesprek is op 15 maart 2027." in seen
    assert "Zo bereik je Joke de Vries: 06 12345678" in seen
    assert "Hoi!\nDoe deze checks voor ons eerste gesprek." in seen
    route = another.page.locator("[data-coach-route] a")
    assert route.all_inner_texts() == ["Korte check", "Hoe gaat het met je werk?"]
    assert another.page.get_attribute("[data-coach-route] a[aria-current=page]", "href").endswith("/checks/kortecheck/")
    assert another.page.url == f"{visit.server}/checks/kortecheck/"
    context = another.page.evaluate("() => import('./../../assets/careercheck/coach-link.mjs').then((m) => m.coachContext())")
    assert context == {"name": "Joke de Vries", "organisation": "Loopbaanpraktijk Oost", "contact": "06 12345678",
                       "date": "2027-03-15", "message": "Hoi!\nDoe deze checks voor ons eerste gesprek.", "route": ["kortecheck", "werkenergie"]}

    route.nth(1).click()  # on to the next check of the route: the context goes along in this tab
    another.page.wait_for_url(f"{visit.server}/checks/werkenergie/")
    assert "Joke de Vries" in coach_box(another)
    assert another.page.inner_text("[data-coach-route] a[aria-current=page]") == "Hoe gaat het met je werk?"
    another.finish({"en1": 4, "en2": 2})  # the profile says who it is prepared for, with the intake questions
    prepared = another.page.inner_text("[data-profile-prepared]")
    assert prepared == "Voorbereid voor het gesprek met Joke de Vries, Loopbaanpraktijk Oost. Gesprek op 15 maart 2027. Contact: 06 12345678."
    talk = another.page.inner_text("[data-profile] [data-part=gesprek]")
    assert "Waarom ben ik hier? Wat is er gebeurd?" in talk and "Hoe ga ik om met tegenslag? Wat helpt me dan?" in talk

    another.erase_everything()
    assert not another.page.locator("[data-coach-context]").is_visible()
    assert another.page.evaluate("() => Object.keys(sessionStorage).filter((k) => k.includes('coach'))") == []
    another.page.reload()
    another.page.wait_for_selector("form[data-engine=ready]", state="attached")
    assert not another.page.locator("[data-coach-context]").is_visible()


def test_the_english_coach_page_makes_links_to_the_english_checks(visit: Visit, another: Visit) -> None:
    link = make_coach_link(visit, "en", route=("loopbaancheck",))
    assert link.startswith(f"{visit.server}/en/checks/loopbaancheck/#coach=1.")
    another.page.goto(link)
    assert "Joke de Vries (Loopbaanpraktijk Oost) has set out these checks for you." in coach_box(another)


def test_a_coach_link_with_html_and_script_in_every_field_shows_them_as_text_and_runs_nothing(visit: Visit) -> None:
    dialogs = []
    visit.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    fields = {"n": HOSTILE[0], "o": HOSTILE[1], "k": HOSTILE[2], "m": " ".join(HOSTILE), "d": "2027-01-31",
              "r": ["loopbaancheck", HOSTILE[0], "kortecheck"]}
    visit.page.goto(f"{visit.server}{LOOPBAANCHECK}{coach(**fields)}")
    seen = coach_box(visit)
    for text in HOSTILE:
        assert text in seen
    assert visit.page.locator("[data-coach-route] a").all_inner_texts() == ["Loopbaancheck", "Korte check"]
    assert "Een paar checks uit de link van je coach zijn niet op deze site." in notice(visit)
    assert visit.page.locator("[data-coach-context] :is(img, script, svg, b)").count() == 0
    assert visit.page.locator("img[src=x], svg[onload]").count() == 0
    visit.finish({})  # and on the profile: text again
    prepared = visit.page.inner_text("[data-profile-prepared]")
    assert HOSTILE[0] in prepared and HOSTILE[2] in prepared
    assert visit.page.locator("[data-profile-body] :is(script, img, svg[onload], b)").count() == 0
    assert dialogs == []


@pytest.mark.parametrize("fields", [
    {"n": "Joke", "d": "<script>alert(1)</script>", "r": ["loopbaancheck"]},
    {"n": "Joke", "d": "2027-02-30", "r": ["loopbaancheck"]},
    {"n": "x" * 81, "r": ["loopbaancheck"]},
    {"n": "Joke", "m": "x" * 601, "r": ["loopbaancheck"]},
    {"n": "Joke", "r": ["<img src=x onerror=alert(1)>"]},
    {"n": "Joke", "r": "loopbaancheck"},
    {"n": ["Joke"], "r": ["loopbaancheck"]},
], ids=["date with script", "no such day", "long name", "long message", "no known check", "route not a list", "name not text"])
def test_a_coach_link_with_a_field_out_of_bounds_is_refused_with_a_message(visit: Visit, fields: dict) -> None:
    visit.page.goto(f"{visit.server}{LOOPBAANCHECK}{coach(**fields)}")
    visit.page.wait_for_selector("[data-notice] >> text=De link van je coach is niet compleet of beschadigd.")
    assert not visit.page.locator("[data-coach-context]").is_visible()
    assert visit.page.evaluate("() => sessionStorage.getItem('careercheck:coach')") is None


def test_a_shared_link_pasted_on_the_coach_page_opens_the_profile_in_the_coachs_browser(visit: Visit) -> None:
    visit.open("/coach/")
    visit.page.fill("#cc-coach-shared", "https://example.org/checks/loopbaancheck/#antwoorden=1.abc")
    visit.page.click("form[data-coach-open] button[type=submit]")
    assert visit.page.inner_text("[data-coach-open-problem]") == "Dit is geen link met antwoorden van deze site. Kopieer de hele link nog eens."
    link = f"{visit.server}/checks/kortecheck/{shared('kortecheck', LINDA)}"
    visit.page.fill("#cc-coach-shared", f"  {link} ")
    visit.page.click("form[data-coach-open] button[type=submit]")
    visit.page.wait_for_selector("[data-profile][data-state=ready]")
    assert visit.page.url == f"{visit.server}/checks/kortecheck/"


def test_the_coach_page_is_out_of_the_menu_and_linked_from_every_footer(visit: Visit) -> None:
    visit.open("/")
    assert visit.page.locator(".md-nav a[href$='coach/']").count() == 0
    visit.page.click(".md-footer >> text=Voor loopbaancoaches")
    visit.page.wait_for_selector("form[data-coach]")


# --- accessible and phone-sized, like every page ------------------------------------------------------

def opened_from_a_coach_link(visit: Visit) -> None:
    visit.page.goto(f"{visit.server}{LOOPBAANCHECK}{coach(n='Joke de Vries', o='Loopbaanpraktijk Oost', d='2027-03-15', m='Doe deze check voor ons gesprek.', r=['loopbaancheck', 'werkenergie', 'kortecheck'])}")
    coach_box(visit)
    visit.page.wait_for_selector("form[data-engine=ready]", state="attached")


def test_a_check_opened_from_a_coach_link_passes_axe_and_fits_a_phone(visit: Visit) -> None:
    opened_from_a_coach_link(visit)
    assert looked_at(visit, (*PHONES, ZOOMED), sideways, "client view") == []
    assert looked_at(visit, (360, 1280), axe_violations, "client view") == []


def test_a_made_link_and_its_qr_code_pass_axe_and_fit_a_phone(visit: Visit) -> None:
    make_coach_link(visit)
    assert looked_at(visit, (*PHONES, ZOOMED), sideways, "coach page with a link") == []
    assert looked_at(visit, (360, 1280), axe_violations, "coach page with a link") == []
    visit.open("/checks/kortecheck/")
    visit.finish(LINDA)
    share(visit)
    assert looked_at(visit, (*PHONES, ZOOMED), sideways, "shared profile") == []
    assert looked_at(visit, (360, 1280), axe_violations, "shared profile") == []
