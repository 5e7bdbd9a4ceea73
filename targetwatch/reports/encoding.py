"""Detect a report's text encoding instead of assuming one: bureaus send UTF-8, UTF-8 with BOM and GBK."""

from __future__ import annotations

import codecs


class UndecodableFileError(ValueError):
    pass


def decode(data: bytes, filename: str) -> tuple[str, str]:
    """Return (text, encoding name). Tries UTF-8 (with or without BOM), then GB18030 (a superset of GBK)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise UndecodableFileError(
            f"{filename}: cannot decode as UTF-8 or GB18030 (byte {exc.start}: {data[exc.start : exc.start + 4]!r})"
        ) from exc
