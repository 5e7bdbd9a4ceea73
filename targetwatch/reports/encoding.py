"""Detect a report's text encoding instead of assuming one: bureaus send UTF-8, UTF-8 with BOM, GBK/GB18030
and, for traditional-script files from Taiwan or Hong Kong, Big5."""

from __future__ import annotations

import codecs

from targetwatch.reports.model import UnreadableReportError


class UndecodableFileError(UnreadableReportError):
    """No supported encoding decodes the file (a whole-file problem, recorded against the file)."""


# Legacy Chinese encodings tried after UTF-8, in this order when the bytes alone cannot tell them apart.
LEGACY = ("gb18030", "big5")


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, filename: str, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name).

    A byte-order mark decides; then strict UTF-8; then an encoding the file declares itself (an HTML
    `<meta charset>`), if it decodes; then GB18030 (a superset of GBK and GB2312) and Big5: when only one of
    them decodes the bytes it is taken, when both do charset-normalizer chooses (GB18030 if it cannot).
    """
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[len(codecs.BOM_UTF8) :], "utf-8")
        if text is None:
            raise UndecodableFileError(f"{filename}: starts with a UTF-8 byte-order mark but is not valid UTF-8")
        return text, "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16")
        if text is None:
            raise UndecodableFileError(f"{filename}: starts with a UTF-16 byte-order mark but is not valid UTF-16")
        return text, "utf-16"
    if (text := _strict(data, "utf-8")) is not None:
        return text, "utf-8"
    if declared:
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            name = None
        if name and (text := _strict(data, name)) is not None:
            return text, name
    decoded = {enc: t for enc in LEGACY if (t := _strict(data, enc)) is not None}
    if len(decoded) == 1:
        ((enc, text),) = decoded.items()
        return text, enc
    if len(decoded) == 2:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=list(LEGACY)).best()
        enc = best.encoding if best is not None and best.encoding in decoded else LEGACY[0]
        return decoded[enc], enc
    exc = _first_error(data)
    raise UndecodableFileError(
        f"{filename}: cannot decode as UTF-8, GB18030 or Big5 (byte {exc.start}: {data[exc.start : exc.start + 4]!r})"
    )


def _first_error(data: bytes) -> UnicodeDecodeError:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError as exc:
        return exc
    raise AssertionError("unreachable: GB18030 decoded the bytes")  # pragma: no cover
