"""The plugin's options (``plugins: [careercheck: {...}]`` in mkdocs.yml), typed as MkDocs config."""

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from careercheck.site.messages import LANGUAGES


class Colours(Config):
    """A brand's colours as #rrggbb; checked against WCAG 2.2 AA at build time (see contrast.py)."""

    primary = opt.Optional(opt.Type(str))  # header, buttons, links, chosen answers
    on_primary = opt.Type(str, default="#ffffff")  # text on the primary colour
    accent = opt.Optional(opt.Type(str))  # links under the pointer, focus rings; default: primary


class Brand(Config):
    """Who offers the site: shown in the header, the footer, on every check page and on the printed profile."""

    name = opt.Optional(opt.Type(str))  # default: site_name
    logo = opt.Optional(opt.Type(str))  # a picture in docs/, e.g. img/logo.svg
    colours = opt.SubConfig(Colours)
    contact = opt.Optional(opt.Type(str))  # an e-mail address or a web address
    privacy_contact = opt.Optional(opt.Type(str))  # the same, for questions about privacy
    intro = opt.Optional(opt.Type(str))  # one or two sentences on every check page: who offers it and why


class CareerCheckConfig(Config):
    enabled = opt.Type(bool, default=True)
    # The site's languages: the first at the site's root, each other under /LANG/.
    languages = opt.ListOfItems(opt.Choice(LANGUAGES), default=["nl"])
    # The language of this build; `careercheck build` builds every language by setting it.
    language = opt.Optional(opt.Choice(LANGUAGES))
    # Relative to the folder of mkdocs.yml.
    checks_dir = opt.Type(str, default="checks")
    checks = opt.Optional(opt.ListOfItems(opt.Type(str)))  # which checks to publish (ids); default: all
    pages = opt.ListOfItems(opt.Type(str), default=[])  # more page folders or files, outside docs_dir
    pyodide_dir = opt.Type(str, default="node_modules/pyodide")
    # ESCO's occupations (CSV) for the job search; default: the copy that comes with the package.
    esco_csv = opt.Optional(opt.Type(str))
    # Publish the format's JSON Schema and reference page for authors.
    reference = opt.Type(bool, default=True)
    # The page where a career coach makes a pre-intake link for a client (coach/), linked from the footer.
    coach_page = opt.Type(bool, default=True)
    brand = opt.SubConfig(Brand)
    # A site's own wording of single messages: {language: {key: text}}; keys as in catalogue/nl.yml.
    messages = opt.Type(dict, default={})
