"""Ids as people type them: any case, and events by a shorter form when only one matches.

Why: event ids are long (``2025-11-state-visit-moscow``); an analyst remembers a piece of
one (``moscow-2025``, ``2025-11-state-visit``). A piece that names exactly one event is that
event; a piece that names several is an error listing them (never a guess), and an id that
matches nothing gets a suggestion only when one is close.
"""

from __future__ import annotations

from typing import Iterable

from kzru.errors import KzruError, did_you_mean
from kzru.labels import Said


def _pieces(text: str) -> list[str]:
    return [piece for piece in text.split("-") if piece]


def matching_events(value: str, event_ids: Iterable[str]) -> list[str]:
    """Event ids ``value`` names: the id itself (any case); else every id that holds it as a
    run of characters or holds each of its hyphen-separated pieces (in any order)."""
    wanted = value.strip().casefold()
    ids = list(event_ids)
    if not wanted:
        return []
    exact = [event_id for event_id in ids if event_id.casefold() == wanted]
    if exact:
        return exact
    pieces = _pieces(wanted)
    return [event_id for event_id in ids
            if wanted in event_id.casefold()
            or (pieces and all(piece in _pieces(event_id.casefold()) for piece in pieces))]


def resolve_event(value: str, event_ids: Iterable[str]) -> str:
    """The one event ``value`` names, else a one-line error (exit 2)."""
    ids = list(event_ids)
    found = matching_events(value, ids)
    if len(found) == 1:
        return found[0]
    if found:
        raise KzruError(Said("err.several_events", value=value, count=len(found),
                             ids=", ".join(sorted(found))))
    raise KzruError(Said("err.unknown_event", value=value, hint=did_you_mean(value, ids)))


def exact_id(value: str, ids: Iterable[str]) -> str | None:
    """The id ``value`` is, in any case; None when it is none of them."""
    wanted = value.strip().casefold()
    for known in ids:
        if known.casefold() == wanted:
            return known
    return None
