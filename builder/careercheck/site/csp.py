"""The Content-Security-Policy every page carries (the privacy promise).

Inline scripts (Material's small bootstrap scripts) are allowed by their
sha256 hash, computed from the final HTML, so nothing else inline can run.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Script elements without src whose content runs: no type, or a JavaScript type.
# Data blocks (type="application/json") never run and need no hash.
_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE
)
_DATA_TYPE = re.compile(r"""\btype=["']?(?!text/javascript|module)[^"'\s>]+""", re.IGNORECASE)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)


def policy_for(html: str) -> str:
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(m["body"].encode()).digest()).decode() + "'"
            for m in _INLINE_SCRIPT.finditer(html)
            if not _DATA_TYPE.search(m["attrs"])
        }
    )
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["script-src 'self' 'wasm-unsafe-eval'", *hashes]),
            "style-src 'self'",
            "img-src 'self' data:",  # Material's icons are data: URIs in its CSS
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_policy(html: str) -> str:
    """Insert the policy as the first element of <head>, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    return _HEAD.sub(lambda m: m[0] + meta, html, count=1)
