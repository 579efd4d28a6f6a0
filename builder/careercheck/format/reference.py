"""The published JSON Schema of the check format and the authors' reference page,
both generated from the model, so they cannot drift from what the loader accepts."""

from __future__ import annotations

import json
from typing import Any

from careercheck.format.model import Check
from careercheck.format.yaml_positions import MAX_DEPTH, MAX_NUMBER_LENGTH, MAX_VALUES

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"
ORDER = ["Check", "About", "Likert", "Section", "Question", "Option", "Image", "Scale", "Band", "Norms", "Conclusion", "Link", "Quality", "Matching", "Avoid"]


def schema() -> dict[str, Any]:
    generated = Check.model_json_schema(by_alias=True)
    return {"$schema": SCHEMA_URL, **generated, "title": "Career check definition"}


def schema_text() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


def reference_markdown() -> str:
    definitions = schema()["$defs"] | {"Check": schema()}
    lines = [
        "# Check format reference",
        "",
        "For authors of checks (in English). Each check is one YAML file in `checks/`. Editors that read",
        "JSON Schema can check and complete it: put `# yaml-language-server: $schema=check.schema.json` on",
        "its first line (the schema is `checks/check.schema.json`, and [`schema/check.schema.json`](../schema/check.schema.json) on this site).",
        "A *text* is either one string, in the check's first language, or one per language: `{nl: ..., en: ...}`.",
        "",
        f"The file is UTF-8 text without control characters. Lists and mappings nest at most {MAX_DEPTH} levels; a file",
        f"holds at most {MAX_VALUES:,} values, each alias (`*name`) counted as a copy of the part it names. A number has",
        f"at most {MAX_NUMBER_LENGTH} characters and is finite: `.nan`, `.inf` and `1e400` are refused.",
        "",
    ]
    for name in ORDER:
        lines += _questions(definitions) if name == "Question" else _table(f"## {name}", definitions[name])
    return "\n".join(lines)


def _table(heading: str, definition: dict[str, Any]) -> list[str]:
    required = set(definition.get("required", []))
    lines = [heading, "", definition.get("description", "").split("\n\n")[0], ""]
    if not definition["properties"]:
        return [*lines, "No keys of its own.", ""]
    lines += ["| key | type | required | description |", "|---|---|---|---|"]
    for key, prop in definition["properties"].items():
        default = f" Default: `{json.dumps(prop['default'])}`." if "default" in prop and prop["default"] not in (None, [], {}) else ""
        lines.append(f"| `{key}` | {_type(prop)} | {'yes' if key in required else ''} | {prop.get('description', '')}{default} |")
    return [*lines, ""]


def _questions(definitions: dict[str, Any]) -> list[str]:
    """The keys every question has, then each type with the keys only it uses."""
    union = definitions["Section"]["properties"]["questions"]["items"]
    members = [definitions[member["$ref"].rsplit("/", 1)[-1]] for member in union["oneOf"]]
    types = {m["properties"][union["discriminator"]["propertyName"]]["const"]: m for m in members}
    shared = set.intersection(*(set(t["properties"]) for t in types.values()))
    first = next(iter(types.values()))
    common = {key: prop for key, prop in first["properties"].items() if key in shared}
    common["type"] = {"enum": list(types), "description": "Which kind of question; each kind and the keys it adds are below."}
    description = "One question. Every question has these keys; its type adds others (a key of another type is an error)."
    lines = _table("## Question", {"description": description, "properties": common, "required": first["required"]})
    for tag, definition in types.items():
        own = {key: prop for key, prop in definition["properties"].items() if key not in shared}
        lines += _table(f"### type: {tag}", definition | {"properties": own})
    return lines


def _type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "enum" in prop:
        return " or ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    if "discriminator" in prop:  # the question types
        return f"[{prop['title']}](#{prop['title']})"
    if "anyOf" in prop:
        kinds = [_type(p) for p in prop["anyOf"] if p.get("type") != "null"]
        return "text" if _is_text(prop["anyOf"]) else " or ".join(dict.fromkeys(kinds))
    if prop.get("type") == "array":
        return f"list of {_type(prop['items'])}" if "items" in prop else "list"
    if prop.get("type") == "object":
        return "mapping"
    return {"string": "string", "integer": "whole number", "number": "number", "boolean": "true or false"}.get(prop.get("type"), "value")


def _is_text(options: list[dict[str, Any]]) -> bool:
    kinds = {p.get("type") for p in options}
    return {"string", "object"} <= kinds
