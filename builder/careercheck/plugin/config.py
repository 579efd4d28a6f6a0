from mkdocs.config import config_options as opt
from mkdocs.config.base import Config


class CareerCheckConfig(Config):
    enabled = opt.Type(bool, default=True)
    # Relative to the folder of mkdocs.yml.
    checks_dir = opt.Type(str, default="checks")
    pyodide_dir = opt.Type(str, default="node_modules/pyodide")
    # ESCO's occupations (CSV), for the job search of 'occupation' questions.
    esco_csv = opt.Type(str, default="data/esco/occupations_nl.csv")
    # Publish the format's JSON Schema and reference page for authors.
    reference = opt.Type(bool, default=True)
