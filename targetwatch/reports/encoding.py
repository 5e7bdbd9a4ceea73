"""Detect a report's text encoding instead of assuming one: bureaus send UTF-8, UTF-8 with BOM, GBK/GB18030
and, for traditional-script files from Taiwan or Hong Kong, Big5."""

from __future__ import annotations

import codecs
from pathlib import Path

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


# Files up to this size are decoded whole by `decode` (exactly its rules); larger ones are checked in chunks.
WHOLE_FILE_BYTES = 8 * 2**20
_CHUNK = 2**20


def detect_file(path: Path) -> str:
    """The encoding of a file, by `decode`'s rules, without holding a large file in memory.

    A file up to WHOLE_FILE_BYTES is decoded whole. A larger one: a byte-order mark decides; else each candidate
    (UTF-8, then GB18030 and Big5) is tried by an incremental strict decoder over 1 MiB chunks; when both legacy
    encodings decode it, charset-normalizer chooses from the first chunk."""
    size = path.stat().st_size
    if size <= WHOLE_FILE_BYTES:
        return decode(path.read_bytes(), path.name)[1]
    with open(path, "rb") as f:
        start = f.read(4)
    if start.startswith(codecs.BOM_UTF8):
        return "utf-8-sig" if _decodes(path, "utf-8-sig") is None else _undecodable(path, "utf-8-sig")
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16" if _decodes(path, "utf-16") is None else _undecodable(path, "utf-16")
    first_error = _decodes(path, "utf-8")
    if first_error is None:
        return "utf-8"
    decoded = [enc for enc in LEGACY if _decodes(path, enc) is None]
    if len(decoded) == 1:
        return decoded[0]
    if len(decoded) == 2:
        from charset_normalizer import from_bytes

        with open(path, "rb") as f:
            best = from_bytes(f.read(_CHUNK), cp_isolation=list(LEGACY)).best()
        return best.encoding if best is not None and best.encoding in decoded else LEGACY[0]
    offset = _decodes(path, "gb18030")
    raise UndecodableFileError(f"{path.name}: cannot decode as UTF-8, GB18030 or Big5 (byte {offset})")


def _decodes(path: Path, encoding: str) -> int | None:
    """None when the whole file decodes strictly; else the offset of the first byte that does not."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    with open(path, "rb") as f:
        while True:
            chunk = f.read(_CHUNK)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                return offset + max(exc.start, 0)
            if not chunk:
                return None
            offset += len(chunk)


def _undecodable(path: Path, encoding: str) -> str:
    raise UndecodableFileError(f"{path.name}: starts with a {encoding} byte-order mark but is not valid {encoding}")
