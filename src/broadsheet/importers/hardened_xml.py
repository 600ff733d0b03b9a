"""Reading export files that may be huge, broken or hostile: streamed, with no DTD, entities or network.

An export is uploaded by someone and parsed on the server, so it is untrusted input. WordPress and Disqus
exports never carry a DOCTYPE; a file that does is refused before the XML parser sees it, because the DOCTYPE
is where entity bombs ("billion laughs") and external entities (XXE, `SYSTEM "file:///etc/passwd"`) live.
The parser is also configured to resolve nothing and fetch nothing, in case anything slips past the check.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

PROLOG_CHUNK = 64 * 1024
MAX_PROLOG_CHARACTERS = 4 * 1024 * 1024  # comments before the root element; real exports have a few lines


class ImportRefused(Exception):
    """The file cannot be imported; the message says why, for the person who ran the import."""


class HostileXml(ImportRefused):
    pass


class InvalidXml(ImportRefused):
    def __init__(self, path: Path | str, line: int, column: int, reason: str) -> None:
        self.line, self.column, self.reason = line, column, reason
        super().__init__(f"{path} is not well-formed XML at line {line}, column {column}: {reason}")


def refuse_declarations(path: Path | str) -> None:
    """Raise HostileXml if the file declares a DOCTYPE (and so possibly entities or an external DTD).

    Reads only the prolog, the part before the root element, so a multi-gigabyte bomb costs a few reads.
    """
    with open(path, "rb") as raw:
        start = raw.read(4)
        raw.seek(0)
        encoding = "utf-16" if start[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
        reader = codecs.getreader(encoding)(raw, "replace")
        pending = ""
        while True:
            chunk = reader.read(PROLOG_CHUNK)
            pending = _skip_prolog_noise(pending + chunk)
            if (
                pending.startswith("<!")
                and not pending.startswith("<!--")
                and (len(pending) >= 4 or not chunk)
            ):
                raise HostileXml(
                    f"{path} declares a DOCTYPE. Exports from WordPress and Disqus never do, and a DOCTYPE "
                    "can define entities that expand to gigabytes (billion laughs) or read local files and "
                    "URLs (external entities). The file was refused before parsing; nothing was imported."
                )
            if (pending.startswith("<") and len(pending) > 1 and pending[1] not in "!?") or (
                pending and not pending.startswith("<")
            ):
                return  # the root element (or text the parser will report as an error)
            if not chunk:
                return
            if len(pending) > MAX_PROLOG_CHARACTERS:
                raise HostileXml(f"{path} has more than 4 MB of comments before its first element; refused.")


def _skip_prolog_noise(text: str) -> str:
    """Drop the XML declaration, processing instructions, comments and whitespace from the start of text."""
    while True:
        text = text.lstrip()
        if text.startswith("<?"):
            end = text.find("?>")
        elif text.startswith("<!--"):
            end = text.find("-->", 4)
            end = end + 1 if end >= 0 else -1
        else:
            return text
        if end < 0:
            return text  # incomplete: wait for the next chunk
        text = text[end + 2 :]


def stream_children(path: Path | str, container: str) -> Iterator[etree._Element]:
    """Yield each element whose parent is named `container` (e.g. WXR's <channel>), then free it.

    Memory stays flat however large the file: each yielded element is cleared once the caller is done with
    it, and the already-processed siblings before it are deleted from the partial tree.
    """
    refuse_declarations(path)
    events = etree.iterparse(
        str(path),
        events=("end",),
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        for _, element in events:
            parent = element.getparent()
            if parent is None or local_name(parent.tag) != container:
                continue
            yield element
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (error.lineno or 0, 0)
        raise InvalidXml(path, line, column, error.msg or str(error)) from error


def local_name(tag) -> str:
    if not isinstance(tag, str):
        return ""  # comments and processing instructions
    return tag.rpartition("}")[2]


def namespace(tag: str) -> str:
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""
