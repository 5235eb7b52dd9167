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


_FAILURE = "?"  # a charset attribute naming no encoding: "failure" in WHATWG's words


def _meta_charset(head: bytes, at: int) -> tuple[str | None, int]:
    """A <meta> tag's declared encoding as WHATWG reads it: its charset attribute, or the
    charset in its content attribute when http-equiv is content-type; each attribute read
    once (the first of a name counts), each label looked up as a browser looks it up
    (_encoding). Any other attribute, data-charset, a name or a content without http-equiv,
    declares nothing; nor does a label that names no encoding (the scan goes on to the next
    <meta>, as a browser's does)."""
    seen: set[bytes] = set()
    pragma, need_pragma = False, None
    charset: str | None = None  # None until an attribute names one (WHATWG's "null")
    while True:
        found = _attribute(head, at)
        if found is None:
            if need_pragma is None or (need_pragma and not pragma) or charset == _FAILURE:
                return None, at
            return charset, at
        name, value, at = found
        if name in seen:
            continue
        seen.add(name)
        if name == b"http-equiv" and value == b"content-type":
            pragma = True
        elif name == b"content" and charset is None:
            label = _charset_in_content(value)
            encoding = None if label is None else _encoding(label)
            if encoding is not None:
                charset, need_pragma = encoding, True
        elif name == b"charset":
            encoding = _encoding(value)
            charset, need_pragma = _FAILURE if encoding is None else encoding, False


def _declared_charset(head: bytes) -> str | None:
    """The encoding the page's first <meta> declaring one names, as a browser's pre-scan finds
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
            if charset is not None:
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


# The encodings a page may declare, as browsers read them: the WHATWG Encoding Standard's
# labels of each (matched after trimming spaces, in any case), by Python's name for the
# encoding (the one whose table is the browsers': GBK is read as gb18030, Shift_JIS as
# cp932, EUC-KR as cp949, Big5 as big5hkscs). Python knows many more "codecs" a page could
# name, and none of them is a page's encoding: rot13, zlib, hex and base64 are not text
# encodings at all, idna refuses to replace, unicode-escape would turn "\x1b" written in a
# page into the escape character itself. A label of none of these is no declaration. ""
# is an encoding kzru does not read from a page (the standard's "replacement" labels,
# ISO-8859-8-I's logical order): the page is read as UTF-8, else by detection. UTF-16
# named in a <meta> means UTF-8 and x-user-defined windows-1252 (the pre-scan's own rules).
_LABELS = """
utf-8: unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8 utf-16be
    unicodefffe csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le
cp866: 866 cp866 csibm866 ibm866
iso8859-2: csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2
    latin2
iso8859-3: csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3
    latin3
iso8859-4: csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4
    latin4
iso8859-5: csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5
    iso_8859-5:1988
iso8859-6: arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6
    iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987
iso8859-7: csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7
    iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek
iso8859-8: csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8
    iso88598 iso_8859-8 iso_8859-8:1988 visual
iso8859-10: csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6
iso8859-13: iso-8859-13 iso8859-13 iso885913
iso8859-14: iso-8859-14 iso8859-14 iso885914
iso8859-15: csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9
iso8859-16: iso-8859-16
koi8-r: cskoi8r koi koi8 koi8-r koi8_r
koi8-u: koi8-ru koi8-u
mac-roman: csmacintosh mac macintosh x-mac-roman
cp874: dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874
cp1250: cp1250 windows-1250 x-cp1250
cp1251: cp1251 windows-1251 x-cp1251
cp1252: ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1
    iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252 x-user-defined
cp1253: cp1253 windows-1253 x-cp1253
cp1254: cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9
    iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254
cp1255: cp1255 windows-1255 x-cp1255
cp1256: cp1256 windows-1256 x-cp1256
cp1257: cp1257 windows-1257 x-cp1257
cp1258: cp1258 windows-1258 x-cp1258
mac-cyrillic: x-mac-cyrillic x-mac-ukrainian
gb18030: chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk
    gb18030
big5hkscs: big5 big5-hkscs cn-big5 csbig5 x-x-big5
euc_jp: cseucpkdfmtjapanese euc-jp x-euc-jp
iso2022_jp: csiso2022jp iso-2022-jp
cp932: csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis
cp949: cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601
    ksc_5601 windows-949
: csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement csiso88598i
    iso-8859-8-i logical
"""
_BY_LABEL = {label.encode(): name for name, labels in (
    entry.split(":", 1) for entry in _LABELS.replace("\n    ", " ").strip().split("\n"))
    for label in labels.split()}
# A label is matched after ASCII whitespace around it is trimmed (WHATWG "get an encoding").
_TRIM = b"\t\n\x0c\r "


def _encoding(label: bytes) -> str | None:
    """Python's name for the encoding a label names as a browser reads it, "" for one kzru
    does not read from a page, None for a label of no encoding (a failure: the pre-scan
    goes on)."""
    return _BY_LABEL.get(label.strip(_TRIM).lower())


def decode_page(raw: bytes) -> str:
    """A saved page's text by its byte order mark, else as UTF-8 when its bytes are UTF-8,
    else by the charset it declares (many Russian and Kazakh sites still serve
    windows-1251; only an encoding a browser would honour), else the encoding charset
    detection finds. What cannot be decoded becomes U+FFFD, which the caller
    refuses: an article is never registered as replacement characters."""
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
        return raw.decode(declared, errors="replace")
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
