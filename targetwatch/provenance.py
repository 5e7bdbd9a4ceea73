"""Provenance of a run: code version and the hashes of every input, for the `runs` table."""

from __future__ import annotations

import hashlib
import json
import subprocess
from importlib.metadata import version
from pathlib import Path

from targetwatch.config import PROJECT_DIR


def code_version(project_dir: Path = PROJECT_DIR) -> str:
    """The git commit (with -dirty when the tree has changes), else the package version."""
    try:
        out = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--abbrev=12"],
            cwd=project_dir,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        )
        return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return f"targetwatch {version('targetwatch')}"


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def input_hashes(report_hashes: dict[str, str], targets_file: Path, policies_dir: Path) -> str:
    """JSON of every input's sha256: the reports, the catalogue and the policy documents."""
    hashes = {f"reports/{k}": v for k, v in sorted(report_hashes.items())}
    hashes["targets.yaml"] = file_sha256(targets_file)
    for p in sorted(policies_dir.glob("*")):
        if p.is_file():
            hashes[f"policies/{p.name}"] = file_sha256(p)
    return json.dumps(hashes, ensure_ascii=False, sort_keys=True)
