"""A brand: who offers the site, with name, logo, colours and contacts (the plugin's ``brand`` option)."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from careercheck.html_safety import on_another_site
from careercheck.site.config import Brand
from careercheck.site.contrast import failing_pairs, is_colour


@dataclass(frozen=True)
class Contact:
    text: str
    href: str | None  # mailto: or a web address; None for plain text


@dataclass(frozen=True)
class SiteBrand:
    """What templates show of the brand, and the stylesheet with its colours."""

    name: str
    named: bool  # the site names who offers it (brand.name): the profile says so
    logo: str | None
    intro: str | None
    contact: Contact | None
    privacy_contact: Contact | None
    stylesheet: str | None


def apply(options: Brand, config: MkDocsConfig) -> SiteBrand:
    """Give the theme the brand's logo; check its colours (WCAG 2.2 AA) and turn them into CSS."""
    if options.logo:
        if on_another_site(options.logo):  # it would be loaded with every page, telling that site who visits
            raise PluginError(f"careercheck: brand.logo '{options.logo}' is on another site; put the file in docs/ and give its path there, e.g. img/logo.svg")
        config.theme["logo"] = options.logo
    return SiteBrand(
        name=options.name or config.site_name,
        named=bool(options.name),
        logo=options.logo,
        intro=options.intro,
        contact=_contact(options.contact),
        privacy_contact=_contact(options.privacy_contact),
        stylesheet=_stylesheet(options.colours),
    )


def _contact(value: str | None) -> Contact | None:
    if not value:
        return None
    if value.startswith(("https://", "http://")):
        return Contact(value.split("://", 1)[1].rstrip("/"), value)
    return Contact(value, f"mailto:{value}" if "@" in value else None)


def _stylesheet(options) -> str | None:
    if not options.primary:
        return None
    colours = {"primary": options.primary, "on_primary": options.on_primary, "accent": options.accent or options.primary}
    wrong = [f"brand.colours.{name}: '{value}' is not a colour; write it as #rrggbb" for name, value in colours.items() if not is_colour(value)]
    problems = wrong or failing_pairs(colours)
    if problems:
        raise PluginError("careercheck: the brand's colours do not pass:\n  " + "\n  ".join(problems))
    # Material's colour variables; the light and dark shades are the brand colour itself, so every pair checked above is the pair drawn.
    return (
        ":root > *, [data-md-color-primary], [data-md-color-accent] {\n"
        f"  --md-primary-fg-color: {colours['primary']};\n"
        f"  --md-primary-fg-color--light: {colours['primary']};\n"
        f"  --md-primary-fg-color--dark: {colours['primary']};\n"
        f"  --md-primary-bg-color: {colours['on_primary']};\n"
        f"  --md-primary-bg-color--light: {colours['on_primary']};\n"
        f"  --md-accent-fg-color: {colours['accent']};\n"
        f"  --md-typeset-a-color: {colours['primary']};\n"
        "}\n"
    )
