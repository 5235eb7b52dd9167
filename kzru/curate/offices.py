"""An office named as a speaker without its holder, in English as the table writes speakers
("министр энергетики Казахстана" → "Minister of Energy of Kazakhstan", "посол Казахстана в
России" → "Ambassador of Kazakhstan to Russia", "пресс-служба министерства энергетики" →
"Ministry of Energy press service").

Why a table, not a translator: an office is a fixed phrase of the administrative language (the
office's noun, the ministry or body in the genitive, the country in the genitive), and a
reviewer must be able to trust each word. Every word of the office must be read by the tables
(kzru.office_cues); an office with any word they do not hold (a region, a company, a body
they do not list: "губернатор Омской области", "председатель правления «…»") is kept in
Russian as written, for the reviewer, never half translated or romanised.
"""

from __future__ import annotations

from kzru.office_cues import (
    BODIES,
    COUNTRIES,
    ENVOY_HEADS,
    MINISTER_HEADS,
    MINISTRY_FIELDS,
    MINISTRY_SHORT,
    OFFICE_HEADS,
    POSTINGS,
    PRESS_HEAD,
)
from kzru.text import normalize


def _longest(words: list[str], table: dict[str, str]) -> tuple[str, str, list[str]]:
    """The longest key of ``table`` the words begin with: (key, its English, the words
    after it); ('', '', words) when none."""
    for size in range(min(len(words), 6), 0, -1):
        key = " ".join(words[:size])
        if key in table:
            return key, table[key], words[size:]
    return "", "", words


def _body(words: list[str]) -> tuple[str, list[str]]:
    """A ministry or body in the genitive ("министерства энергетики", "Минэнерго",
    "правительства") as English with its article, and the words after it."""
    if words[:1] == ["министерства"]:
        _, field, rest = _longest(words[1:], MINISTRY_FIELDS)
        return (f"the Ministry of {field}", rest) if field else ("", words)
    _, field, rest = _longest(words, MINISTRY_SHORT)
    if field:
        return f"the Ministry of {field}", rest
    _, body, rest = _longest(words, BODIES)
    return body, rest if body else words


def office_english(office: str) -> str:
    """The office in English, or '' when a word of it is not in the tables (the caller keeps
    the Russian as written)."""
    words = normalize(office).replace("«", " ").replace("»", " ").split()
    if words[:1] == [PRESS_HEAD]:
        body, rest = _body(words[1:])
        country, _, rest = _longest(rest, COUNTRIES) if body else ("", "", rest)
        if not body or rest:
            return ""
        named = body.removeprefix("the ") + (f" of {COUNTRIES[country]}" if country else "")
        return f"{named} press service"
    head, english, rest = _longest(words, OFFICE_HEADS)
    if not head:
        return ""
    parts = [english]
    if head in MINISTER_HEADS:
        _, field, rest = _longest(rest, MINISTRY_FIELDS)
        if field:
            parts.append(f"of {field}")
    else:
        body, rest = _body(rest)
        if body:
            parts.append(f"of {body}")
    _, country, rest = _longest(rest, COUNTRIES)
    if country:
        parts.append(f"of {country}")
    if head in ENVOY_HEADS:
        _, posted, rest = _longest(rest, POSTINGS)
        if posted:
            parts.append(f"to {posted}")
    return "" if rest else " ".join(parts)
