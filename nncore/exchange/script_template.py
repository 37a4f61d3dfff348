"""The template of the exported training script: reading it and filling its placeholders.

templates/train_script.py is plain Python that linters and tests read; every __UPPER_CASE__
name in it is a placeholder (a value, or a whole generated section on its own line), and the
notes above its docstring are the template's own.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

TEMPLATE_PATH = Path(__file__).parent / "templates" / "train_script.py"
_PLACEHOLDER = re.compile(r"__([A-Z][A-Z0-9_]*)__")


@lru_cache(maxsize=1)
def template_text() -> str:
    """The template, without its own notes above the script's docstring."""
    text = TEMPLATE_PATH.read_text(encoding="utf-8")
    return text[text.index('"""') :]


def placeholders() -> set[str]:
    """The names the template expects, e.g. {"SEED", "DATA_SECTION", ...}."""
    return set(_PLACEHOLDER.findall(template_text()))


def render(values: dict[str, str]) -> str:
    """The template with every placeholder replaced by its text; a missing or unknown name is an error."""
    expected = placeholders()
    if set(values) != expected:
        raise ValueError(
            f"Expected a value for each template placeholder {sorted(expected)}. "
            f"Received: missing {sorted(expected - set(values))}, unknown {sorted(set(values) - expected)}."
        )
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)].rstrip("\n"), template_text())


def template_function(name: str) -> str:
    """The source of one top-level function of the template (e.g. "fingerprint")."""
    text = template_text()
    for node in ast.parse(text).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return ast.get_source_segment(text, node) + "\n"
    raise KeyError(name)
