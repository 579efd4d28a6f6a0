"""``python -m careercheck.site.pyodide_manifest [package-lock.json]`` (``make pyodide-manifest``).

Writes pyodide-manifest.json: the sha256 of every Pyodide file the site takes
(``runtime.RUNTIME_FILES``), with the package's version and npm integrity. The
files are hashed from the npm tarball itself, fetched by ``npm pack`` and
accepted only when its sha512 is the ``integrity`` package-lock.json locks: the
hashes are those of the package ``npm ci`` verifies, never of whatever
node_modules happens to hold. A maintainers' tool: it needs npm and the registry.
"""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from careercheck.site.runtime import MANIFEST_PATH, RUNTIME_FILES

PACKAGE = "pyodide"


class NotTheLockedTarball(Exception):
    """The tarball's sha512 is not the integrity package-lock.json locks."""


def locked(package_lock: Path) -> tuple[str, str]:
    """The version and integrity package-lock.json locks for Pyodide."""
    entry = json.loads(package_lock.read_text())["packages"][f"node_modules/{PACKAGE}"]
    return entry["version"], entry["integrity"]


def npm_integrity(tarball: Path) -> str:
    """The tarball's integrity as npm writes it (Subresource Integrity: sha512, base64)."""
    return "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()


def manifest_from_tarball(tarball: Path, version: str, integrity: str) -> dict:
    found = npm_integrity(tarball)
    if found != integrity:
        raise NotTheLockedTarball(f"{tarball.name} has integrity {found}, package-lock.json locks {integrity}")
    with tarfile.open(tarball) as tar:  # npm tarballs keep every file under package/
        files = {name: hashlib.sha256(tar.extractfile(f"package/{name}").read()).hexdigest() for name in RUNTIME_FILES}
    return {"package": PACKAGE, "version": version, "integrity": integrity, "files": files}


def fetch_tarball(version: str, folder: Path) -> Path:
    packed = subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{version}", "--pack-destination", str(folder), "--json"],
        check=True, capture_output=True, text=True,
    )
    return folder / json.loads(packed.stdout)[0]["filename"]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    version, integrity = locked(Path(args[0] if args else "package-lock.json"))
    with tempfile.TemporaryDirectory() as tmp:
        try:
            manifest = manifest_from_tarball(fetch_tarball(version, Path(tmp)), version, integrity)
        except NotTheLockedTarball as error:
            print(f"pyodide-manifest: {error}; nothing written", file=sys.stderr)
            return 1
    MANIFEST_PATH.write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"pyodide-manifest: {MANIFEST_PATH} written for {PACKAGE} {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
