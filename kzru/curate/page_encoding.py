"""A saved web page's text encoding, found as a browser finds it: its byte order mark, else
UTF-8 when its bytes are UTF-8, else the charset its first <meta> declares (read by the WHATWG
pre-scan, only an encoding a browser honours), else detection.

Apart from kzru/curate/read.py because a browser's pre-scan is a small parser of its own: a
declaration inside a comment, inside another tag's quoted attribute, or in an attribute that
only contains the word (data-charset, a description's content) is no declaration.
"""

from __future__ import annotations

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Bytes a browser's pre-scan treats as space between attributes (WHATWG: TAB, LF, FF, CR, SP).
_SPACE = b"\t\n\x0c\r "


def _attribute(head: bytes, at: int) -> tuple[bytes, bytes, int] | None:
    """The WHATWG pre-scan's "get an attribute" at ``at``: (name lowercased, value, where the
    scan goes on), or None at the tag's end. A quoted value is read whole, so a ">" inside
    quotes does not end the tag."""
    size = len(head)
    while at < size and (head[at] in _SPACE or head[at] == 0x2F):
        at += 1
    if at >= size or head[at] == 0x3E:
        return None
    start = at
    while at < size and (at == start or head[at] != 0x3D) and head[at] not in _SPACE and \
            head[at] not in b"/>":
        at += 1
    name = head[start:at].lower()
    while at < size and head[at] in _SPACE:
        at += 1
    if at >= size or head[at] != 0x3D:
        return name, b"", at
    at += 1
    while at < size and head[at] in _SPACE:
        at += 1
    if at < size and head[at] in b"\"'":
        quote, at = head[at], at + 1
        end = head.find(bytes([quote]), at)
        end = size if end < 0 else end
        return name, head[at:end].lower(), end + 1
    start = at
    while at < size and head[at] not in _SPACE and head[at] != 0x3E:
        at += 1
    return name, head[start:at].lower(), at


def _charset_in_content(content: bytes) -> bytes | None:
    """WHATWG's "extracting a character encoding from a meta element": the value after
    "charset", optional spaces, "=", optional spaces (quoted, or up to a space or ";")."""
    at = 0
    while True:
        found = content.find(b"charset", at)
        if found < 0:
            return None
        at = found + 7
        while at < len(content) and content[at] in _SPACE:
            at += 1
        if at >= len(content) or content[at] != 0x3D:
            continue  # not followed by "=": look for the next "charset"
        at += 1
        while at < len(content) and content[at] in _SPACE:
            at += 1
        if at < len(content) and content[at] in b"\"'":
            end = content.find(bytes([content[at]]), at + 1)
            return content[at + 1:end] if end > 0 else None
        end = at
        while end < len(content) and content[end] not in _SPACE and content[end] != 0x3B:
            end += 1
        return content[at:end] or None


def _meta_charset(head: bytes, at: int) -> tuple[bytes | None, int]:
    """A <meta> tag's declared charset as WHATWG reads it: its charset attribute, or the
    charset in its content attribute when http-equiv is content-type; each attribute read
    once (the first of a name counts). Any other attribute, data-charset, a name or a content
    without http-equiv, declares nothing."""
    seen: set[bytes] = set()
    pragma, need_pragma, charset = False, None, None
    while True:
        found = _attribute(head, at)
        if found is None:
            return (charset if need_pragma is not None and (pragma or not need_pragma)
                    else None), at
        name, value, at = found
        if name in seen:
            continue
        seen.add(name)
        if name == b"http-equiv" and value == b"content-type":
            pragma = True
        elif name == b"content" and charset is None:
            charset = _charset_in_content(value)
            need_pragma = True if charset is not None else need_pragma
        elif name == b"charset":
            charset, need_pragma = value, False


def _declared_charset(head: bytes) -> bytes | None:
    """The charset the page's first <meta> declaring one names, as a browser's pre-scan finds
    it (the WHATWG HTML standard, "prescan a byte stream to determine its encoding"): a
    comment is stepped over to its "-->" (<!--> included), every other tag with its
    attributes, quoted values whole, so a <meta> inside a comment or an attribute is text."""
    at, size = 0, len(head)
    while at < size:
        if head.startswith(b"<!--", at):
            end = head.find(b"-->", at + 2)
            at = size if end < 0 else end + 3
        elif head[at:at + 5].lower() == b"<meta" and head[at + 5:at + 6] in (
                *[bytes([c]) for c in _SPACE], b"/"):
            charset, at = _meta_charset(head, at + 5)
            if charset:
                return charset
            at += 1
        elif head[at:at + 1] == b"<" and (head[at + 1:at + 2].isalpha() or (
                head[at + 1:at + 2] == b"/" and head[at + 2:at + 3].isalpha())):
            at += 2
            while at < size and head[at] not in _SPACE and head[at] != 0x3E:
                at += 1
            while (found := _attribute(head, at)) is not None:
                at = found[2]
            at += 1
        elif head[at:at + 2] in (b"<!", b"</", b"<?"):
            end = head.find(b">", at)
            at = size if end < 0 else end + 1
        else:
            at += 1
    return None


# The encodings a page may declare, as browsers honour them (the WHATWG Encoding Standard's
# legacy single- and multi-byte encodings), by Python's name for each. Python knows many
# more "codecs" a page could name, and none of them is a page's encoding: rot13, zlib, hex
# and base64 are not text encodings at all, idna refuses to replace, unicode-escape would
# turn "\x1b" written in a page into the escape character itself, and utf-7 and utf-16/32
# (without a byte order mark) are never used from a <meta>. Another label is ignored: the
# page is read as UTF-8, else by detection.
_WEB_ENCODINGS = {"utf-8", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874",
                  "gbk", "gb18030", "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis",
                  "euc_kr", *(f"cp{n}" for n in range(1250, 1259)),
                  *(f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16))}
_LABELS = {"x-mac-cyrillic": "mac-cyrillic", "windows-874": "cp874"}
_AS_BROWSERS = {"iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254",
                "iso8859-11": "cp874"}


def decode_page(raw: bytes) -> str:
    """A saved page's text by its byte order mark, else as UTF-8 when its bytes are UTF-8,
    else by the charset it declares (many Russian and Kazakh sites still serve
    windows-1251; only an encoding a browser would honour), else the encoding charset
    detection finds. What cannot be decoded becomes U+FFFD, which the caller
    refuses: an article is never registered as replacement characters."""
    import codecs

    for mark, encoding in _BOMS:
        if raw.startswith(mark):
            return raw.decode(encoding, errors="replace")
    if not raw.isascii():
        try:  # bytes that are UTF-8 are UTF-8, whatever the page's <meta> says (saved by a
            return raw.decode("utf-8")  # tool that took the server's header, say); legacy
        except UnicodeDecodeError:  # Cyrillic is never valid UTF-8 by chance
            pass
    declared = _declared_charset(raw[:4096])
    if declared:
        label = declared.decode("ascii").lower().replace("_", "-")
        try:
            encoding = codecs.lookup(_LABELS.get(label, label)).name
        except LookupError:
            encoding = ""
        encoding = _AS_BROWSERS.get(encoding, encoding)
        if encoding in _WEB_ENCODINGS:
            return raw.decode(encoding, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from trafilatura.utils import detect_encoding

    for encoding in detect_encoding(raw):
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", errors="replace")
