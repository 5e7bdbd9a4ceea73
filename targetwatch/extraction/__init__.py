"""Propose catalogue targets from a new policy document, and measure the proposals against the catalogue.

`extract_targets(text, document_id, catalogue)` returns `Proposal`s (each a `targets.yaml` entry with its
verbatim quote, offsets, confidence and the rules that fired); `read_document(path)` reads .txt, .html and
.docx files; `rules.py` holds every pattern; `evaluate.py` measures precision and recall against targets.yaml.
"""

from targetwatch.extraction.extract import Proposal, extract_targets
from targetwatch.extraction.readers import read_document

__all__ = ["Proposal", "extract_targets", "read_document"]
