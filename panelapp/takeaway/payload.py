"""What is inside a sealed meeting file: a zip of one JSON document and, going out, the papers."""

import io
import json
import zipfile

from .sealed import MeetingFileError

DOCUMENT = "meeting.json"
PAPERS = "papers/"
PAYLOAD_FORMAT = 1


def pack(document: dict, papers: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DOCUMENT, json.dumps(document, ensure_ascii=False, separators=(",", ":")))
        for digest, content in (papers or {}).items():
            archive.writestr(PAPERS + digest, content)
    return buffer.getvalue()


def unpack(payload: bytes, kind: str) -> tuple[dict, dict[str, bytes]]:
    """The document and the papers; refuses a file of the other kind (a return opened as a
    meeting taken away, or the other way round)."""
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            document = json.loads(archive.read(DOCUMENT).decode("utf-8"))
            papers = {name[len(PAPERS):]: archive.read(name) for name in archive.namelist()
                      if name.startswith(PAPERS)}
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise MeetingFileError("The meeting file opened, but what is inside is not a PanelApp meeting.") from None
    if document.get("payload_format") != PAYLOAD_FORMAT:
        raise MeetingFileError("The meeting file was written by a newer PanelApp; open it with that version.")
    if document.get("kind") != kind:
        words = {"takeaway": "a meeting taken away (open it on the laptop)",
                 "return": "a meeting returned from the laptop (merge it at the office)"}
        raise MeetingFileError(f"This file is {words.get(document.get('kind'), 'of another kind')}, "
                               f"not {words[kind].split(' (')[0]}.")
    return document, papers
