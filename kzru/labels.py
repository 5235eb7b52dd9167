"""Every string kzru shows a person, in English and Russian: one table, so `--lang ru` reaches
every heading, column and note, and a translation missing for one language is a test failure
rather than an English word in a Russian page. This module says them (``label``, ``Said``,
``say``); the table itself is kept in parts, each read only on the path that needs it:

- kzru/words.py: the words every listing shows around the data (headers, notes, read-as);
- kzru/vocabulary.py: the values the data holds (statuses, kinds, verdicts…) and their words;
- kzru/brief_words.py: brief's and track's headings and sentences (``brief.``, ``track.``);
- kzru/screens.py: check's report, add's summary, review's screens, the drafter's notes, what
  init and export did (``check.``, ``add.``, ``review.``, ``draft.``, ``init.``, ``export.``);
- kzru/messages.py: errors (``err.``, ``usage.``);
- kzru/messages_disk.py: errors about what is on disk (``err.``, ``cache.``);
- kzru/data_messages.py: the problems a data check reports (``data.``, ``input.``, ``fix.``);
- kzru/rule_words.py: the words a Russian page says units and roles with (``unit.``,
  ``per.``, ``qualifier.``, ``multiplier.``, ``speaker_role.``, ``role_word.``).

Keys are dotted by where the string appears. Values may hold ``str.format`` fields. Machine
formats (json, csv…) never use these: their keys are field names and stay English.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module
from pathlib import PurePath
from typing import Callable, Iterable

from kzru.vocabulary import VOCABULARY
from kzru.words import WORDS

LANGS = ("en", "ru")

# What every command may say, loaded with this module: key -> (English, Russian).
LABELS: dict[str, tuple[str, str]] = {**WORDS, **VOCABULARY}

# The parts read only on their own path, by a key's first word (a key of LABELS is looked up
# there first: "brief.status.signed" is vocabulary, "brief.sources" brief's own). An error's
# key is in one of two parts: the errors about what is on disk, or the others.
PARTS: dict[str, tuple[str, ...]] = {
    "brief": ("kzru.brief_words",), "track": ("kzru.brief_words",),
    "check": ("kzru.screens",), "review": ("kzru.screens",), "add": ("kzru.screens",),
    "draft": ("kzru.screens",), "init": ("kzru.screens",), "export": ("kzru.screens",),
    "err": ("kzru.messages", "kzru.messages_disk"), "usage": ("kzru.messages",),
    "cache": ("kzru.messages_disk",),
    "data": ("kzru.data_messages",), "input": ("kzru.data_messages",),
    "fix": ("kzru.data_messages",),
    "unit": ("kzru.rule_words",), "per": ("kzru.rule_words",),
    "qualifier": ("kzru.rule_words",), "multiplier": ("kzru.rule_words",),
    "speaker_role": ("kzru.rule_words",), "role_word": ("kzru.rule_words",),
}


def part(key: str) -> dict[str, tuple[str, str]]:
    """The strings of the part that holds ``key`` when LABELS does not (imported now, once)."""
    return _part_of(key.partition(".")[0])


@lru_cache(maxsize=None)
def _part_of(prefix: str) -> dict[str, tuple[str, str]]:
    # once per prefix: every line of a brief or track looks its strings up here, twice
    modules = PARTS.get(prefix, ())
    if len(modules) == 1:
        return import_module(modules[0]).STRINGS
    merged: dict[str, tuple[str, str]] = {}
    for module in modules:
        merged.update(import_module(module).STRINGS)
    return merged


# The words a table shows a choice's values as (a status as «подписано», a kind as «документ»),
# by what the choice is of: label prefixes, the first one the word a filter's error lists.
# A filter takes these words back as its values (errors.choose), so what a Russian table
# shows can be typed as it is shown.
CHOICE_WORDS: dict[str, tuple[str, ...]] = {
    "status": ("brief.status", "track"),  # track shows a discussed item as «обсуждалось»
    "kind": ("kind", "kinds"),
    "event kind": ("event_kind",),
    "voice": ("voice", "track"),  # «мнение комментатора» in track's blocks
    "role": ("role", "track"),
    "order": ("order", "how", "col"),
    "field": ("field",),  # review --set статус=подписано
    "date precision": ("precision",),
    "date basis": ("basis",),
}


def choice_words(what: str, values: "Iterable[str]") -> dict[str, list[str]]:
    """Each value's words in both languages, the Russian word of the first prefix first (the
    word a Russian error lists); values without a word are left out."""
    found: dict[str, list[str]] = {}
    for value in values:
        said: list[str] = []
        for prefix in CHOICE_WORDS.get(what, ()):
            pair = LABELS.get(f"{prefix}.{value}")
            if pair is not None:
                said += [pair[1], pair[0]] if not said else [pair[0], pair[1]]
        if said:
            found[value] = list(dict.fromkeys(said))
    return found


class Pair(str):
    """A value with the word a Russian page shows it as: reads as the value (English, for
    scripts and tests), `say` gives the Russian word (a sector's Russian name, data)."""

    russian: str

    def __new__(cls, value: str, russian: str) -> "Pair":
        made = super().__new__(cls, value)
        made.russian = russian
        return made

    def __reduce__(self) -> tuple:  # pickled whole (a drafting worker's result), not as a str
        return (Pair, (str(self), self.russian))


class _Reader:
    """The reader's language for a message written straight to stderr (errors.tell: a
    warning about the cache folder, an undone write): set once by the command line from
    --lang or KZRU_LANG (kzru/cli.py)."""

    __slots__ = ("lang",)

    def __init__(self) -> None:
        self.lang = "en"


READER = _Reader()


def label(key: str, lang: str = "en", **fields: object) -> str:
    """The string for ``key`` in ``lang`` (English for an unknown language), fields filled in.

    A key LABELS does not hold is looked up in its part (``PARTS``), read only when one of
    its strings is said. An unknown key is a programming error, so it raises KeyError instead
    of printing the key.
    """
    found = LABELS.get(key)
    english, russian = found if found is not None else part(key)[key]
    text = russian if lang == "ru" else english
    if not fields:
        return text
    for name, value in fields.items():
        if _shown_quoted(value):
            fields[name] = _quoted(value)  # a name of spaces is shown, not blank
    return text.format(**fields)


class Said(str):
    """A string shown to a person, made from a label: it reads as its English text (so a
    library can keep building plain English sentences, and scripts and tests see those), and
    remembers its key and fields so that `say` can say it again in the reader's language.

    A field may itself be a Said, a Joined list or a plain value (ids, numbers, data text).
    """

    key: str
    fields: dict[str, object]

    def __new__(cls, key: str, **fields: object) -> "Said":
        made = super().__new__(cls, label(key, "en", **fields))
        made.key, made.fields = key, fields
        return made

    def __reduce__(self) -> tuple:  # pickled as its key and fields, not as its English text
        return (_said, (self.key, self.fields))


def _said(key: str, fields: dict[str, object]) -> Said:
    return Said(key, **fields)


class Joined(str):
    """Values joined by a separator (a Said separator is said in the reader's language)."""

    parts: tuple[object, ...]
    separator: object

    def __new__(cls, parts: "Iterable[object]", separator: object = ", ") -> "Joined":
        parts = tuple(parts)
        made = super().__new__(cls, str(separator).join(map(str, parts)))
        made.parts, made.separator = parts, separator
        return made

    def __reduce__(self) -> tuple:
        return (Joined, (self.parts, self.separator))


def say(text: object, lang: str = "en") -> str:
    """``text`` in ``lang``: a Said or Joined (at any depth) in that language; anything else
    as it is (data, ids and numbers are never translated)."""
    if lang == "en" or not isinstance(text, (Said, Joined, Pair)):
        return str(text)
    if isinstance(text, Pair):
        return text.russian
    if isinstance(text, Joined):
        return say(text.separator, lang).join(say(part, lang) for part in text.parts)
    return label(text.key, lang, **{name: value if _shown_quoted(value) else say(value, lang)
                                    for name, value in text.fields.items()})


def _quoted(path: PurePath) -> str:
    """A path in quotes (escaped, as every message is, where it is printed)."""
    return f"'{path}'"


def _shown_quoted(value: object) -> bool:
    """A path whose name begins or ends with a space (or is only spaces), or holds a
    character a message shows as an escape (a newline, ESC): shown quoted, so where the
    name begins and ends is seen (a name of a tab was quoted, one of a newline not)."""
    if not isinstance(value, PurePath):
        return False
    import re

    from kzru.text import UNSHOWABLE

    name = str(value)
    return name != name.strip() or re.search(UNSHOWABLE, name) is not None


def as_data(text: object) -> object:
    """A Said or Joined as plain JSON data (its key and fields, at any depth), so that a note
    kept on disk (kzru add's review notes) can be said again in either language; anything
    else as its text."""
    if isinstance(text, Said):
        return {"key": text.key, "fields": {name: as_data(value)
                                            for name, value in text.fields.items()}}
    if isinstance(text, Joined):
        return {"parts": [as_data(part) for part in text.parts],
                "separator": as_data(text.separator)}
    if isinstance(text, Pair):
        return {"value": str(text), "russian": text.russian}
    return text if isinstance(text, (int, float)) and not isinstance(text, bool) else str(text)


def from_data(data: object, depth: int = 0) -> object:
    """What ``as_data`` kept, back as a Said or Joined; read from disk, so only a key of the
    table with plain fields that fill it is taken: anything else is None (the caller shows
    the note's English as written instead). Nothing read is ever run."""
    if isinstance(data, (str, int, float)) and not isinstance(data, bool):
        return data
    if not isinstance(data, dict) or depth > 8:
        return None
    if set(data) == {"parts", "separator"} and isinstance(data["parts"], list):
        parts = [from_data(part, depth + 1) for part in data["parts"]]
        separator = from_data(data["separator"], depth + 1)
        if separator is None or any(part is None for part in parts):
            return None
        return Joined(parts, separator)
    if set(data) == {"value", "russian"}:
        value, russian = data["value"], data["russian"]
        return Pair(value, russian) if isinstance(value, str) and isinstance(russian, str) \
            else None
    key, fields = data.get("key"), data.get("fields")
    if set(data) != {"key", "fields"} or not isinstance(key, str) or not isinstance(fields, dict):
        return None
    values = {name: from_data(value, depth + 1) for name, value in fields.items()}
    if any(not isinstance(name, str) or value is None for name, value in values.items()):
        return None
    try:
        english, russian = LABELS.get(key) or part(key)[key]
    except (KeyError, ImportError):  # not a key of the table
        return None
    from string import Formatter

    wanted = {name for text in (english, russian)
              for _, name, _, _ in Formatter().parse(text) if name}
    if wanted != set(values):  # its fields differ: the note is shown as written
        return None
    return Said(key, **values)


def rewrite(text: object, change: "Callable[[str], str]") -> object:
    """``text`` with ``change`` applied to each piece of data it holds (a path, an id), its
    words kept: a message about a scratch copy can then name the user's own file, and still
    be said in either language."""
    if isinstance(text, Said):
        made = Said(text.key, **{name: rewrite(value, change)
                                 for name, value in text.fields.items()})
        return made
    if isinstance(text, Joined):
        return Joined([rewrite(part, change) for part in text.parts], text.separator)
    if isinstance(text, PurePath):  # a path field names a file as much as a string does
        return change(str(text))
    return change(text) if isinstance(text, str) else text


def word(prefix: str, value: str) -> object:
    """A vocabulary word (a status, a kind, how a word matched) as a Said when ``prefix.value``
    is a label, else the value itself (an id or a word the table holds)."""
    key = f"{prefix}.{value}"
    return Said(key) if key in LABELS or key in part(key) else value


def status_word(status: str) -> object:
    """A fact's status as people read it (signed, подписано)."""
    return word("brief.status", status)


def verdict_word(verdict: str) -> object:
    """A track verdict ("no later report") as a Said; its English is the verdict itself."""
    return word("verdict", verdict.split(" —")[0].replace(" ", "_"))
