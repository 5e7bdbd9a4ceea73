"""The source policy documents: metadata from `policies/documents.yaml` plus their exact text.

Targets quote these files verbatim, so the text is read byte-for-byte (UTF-8, no normalisation)
and its sha256 is kept: an auditor can check a quote against the very file it came from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict


class PolicyDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    file: str
    original_file: str
    jurisdiction: str
    issuer_zh: str
    issuer_en: str
    date: dt.date
    date_precision: Literal["day", "year"] = "day"
    number: str | None = None
    title_zh: str
    title_en: str
    script: Literal["simplified", "traditional"]
    repeated_text: bool = False


class LoadedDocument(BaseModel):
    """A document with its text; `text` is what quotes are checked against."""

    meta: PolicyDocument
    path: Path
    text: str
    sha256: str


def load_documents(policies_dir: Path) -> dict[str, LoadedDocument]:
    """Read `documents.yaml` and every file it lists; a missing file is an error, not a skip."""
    index = policies_dir / "documents.yaml"
    raw = yaml.safe_load(index.read_text(encoding="utf-8"))
    docs: dict[str, LoadedDocument] = {}
    for entry in raw["documents"]:
        meta = PolicyDocument.model_validate(entry)
        path = policies_dir / meta.file
        if not path.exists():
            raise FileNotFoundError(f"{index}: document {meta.id}: file {path} does not exist")
        data = path.read_bytes()
        docs[meta.id] = LoadedDocument(
            meta=meta, path=path, text=data.decode("utf-8"), sha256=hashlib.sha256(data).hexdigest()
        )
    return docs
