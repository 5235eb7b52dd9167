"""The reviewer's notes beside a folder (review.json): why kzru add drafted each row and how it
dated each article, kept as labels (kzru.labels.as_data) so that a Russian page says them in
Russian while the tables hold the English; and which drafts the reviewer skipped.

Apart from the pipeline because reading them is light: `kzru sources --lang ru` reads a
source's notes without importing the drafter.
"""

from __future__ import annotations

from pathlib import Path

from kzru.files import parse_json, read_limited

NOTES = "review.json"  # why each draft was drafted, and what the reviewer skipped
NOTES_LIMIT = 64 << 20
SOURCE_NOTES = ("published_note", "url_note")  # a source's columns kzru add wrote as labels


def read_notes(folder: Path) -> dict:
    """The reviewer's notes (data, checked field by field; anything else is dropped)."""
    empty: dict = {"drafts": {}, "skipped": [], "sources": {}}
    path = folder / NOTES
    try:
        raw = parse_json(read_limited(path, NOTES_LIMIT).decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return empty
    if not isinstance(raw, dict):
        return empty
    drafts = raw.get("drafts") if isinstance(raw.get("drafts"), dict) else {}
    clean = {}
    for key, note in drafts.items():
        if isinstance(key, str) and isinstance(note, dict):
            clean[key] = {k: v for k, v in note.items()
                          if isinstance(v, (str, int)) or (isinstance(v, list) and all(
                              isinstance(i, int) for i in v))}
            if not isinstance(clean[key].get("proposes", ""), str):  # an event id or nothing
                del clean[key]["proposes"]
            if isinstance(note.get("said"), dict):  # read back by labels.from_data only
                clean[key]["said"] = {k: v for k, v in note["said"].items()
                                      if isinstance(k, str)}
    skipped = [item for item in raw.get("skipped", []) if isinstance(item, str)] \
        if isinstance(raw.get("skipped"), list) else []
    sources = raw.get("sources") if isinstance(raw.get("sources"), dict) else {}
    kept = {key: {field: note[field] for field in SOURCE_NOTES if field in note}
            for key, note in sources.items() if isinstance(key, str) and isinstance(note, dict)}
    return {"drafts": clean, "skipped": skipped, "sources": kept}


def source_notes(folder: Path) -> dict[str, dict[str, object]]:
    """Each source's notes as kzru add wrote them (a Said, to be said in the reader's
    language), by source id and column; a note that does not read back as a label is left
    out (the table's English is shown as written)."""
    from kzru.labels import Said, from_data

    found: dict[str, dict[str, object]] = {}
    for source, notes in read_notes(folder)["sources"].items():
        for field, data in notes.items():
            said = from_data(data)
            if isinstance(said, Said):
                found.setdefault(source, {})[field] = said
    return found
