"""Build products that depend only on their input, kept by content in the user's cache folder.

Brotli at its best level and compiling the standard library inside Pyodide each take seconds,
for inputs that are the same from one build to the next: each is made once on a machine.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path


def cache_folder(kind: str) -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "careercheck" / kind


def kept(folder: Path, key: bytes, suffix: str, make: Callable[[], bytes]) -> bytes:
    """What ``make`` returns for the input ``key``: from ``folder`` if made before, else made and kept."""
    path = folder / f"{hashlib.sha256(key).hexdigest()}{suffix}"
    try:
        return path.read_bytes()
    except OSError:
        made = make()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f"{path.name}.{os.getpid()}")
            temporary.write_bytes(made)
            temporary.replace(path)  # whole or not at all, also with builds side by side
        except OSError:
            pass  # no cache folder to write to: make it again next time
        return made
