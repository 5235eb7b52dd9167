"""What a review's save settles besides the decisions themselves: which sources an event lists,
and which sources are reviewed.

An event lists an article under review only while one of its facts is about the event
(belongs to it, or, as an invitation, proposes it): accepted facts for an accepted event, any
for a draft one. So an article whose facts about a visit were all rejected is no source of the
visit (nor cited by its brief), and an article still under review is not listed on an event
accepted through another article's fact (an accepted row may not name a draft); it is listed
again when a fact of it about the event is accepted (kzru.curate.review's accept).

Kept apart from the Session because these rules read the tables whole after every decision,
while the Session changes the rows one decision at a time. Sources without a draft at the
start of the review (curated ones) are left exactly as they are.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from kzru.writer import Table

LIST_SEP = "; "


def event_sources(tables: Mapping[str, Table], notes: Mapping[str, dict],
                  under_review: Iterable[str]) -> None:
    """Drop from each event's sources the articles under review (``under_review``: the
    sources that had drafts when the review began) none of whose facts is about it, as
    above; a draft event left listing none lists the articles whose facts are about it."""
    reviewing = set(under_review)
    about: dict[str, dict[str, set[str]]] = {}  # event -> source -> reviews of its facts
    for row in tables["facts"].rows:
        proposes = notes.get(row["id"], {}).get("proposes")
        for event_id in {row["event"], proposes} - {"", None}:
            about.setdefault(event_id, {}).setdefault(row["source"], set()).add(row["review"])
    for event in tables["events"].rows:
        listed = [s for s in event["sources"].split(LIST_SEP) if s]
        facts_of = about.get(event["id"], {})
        wanted = {"accepted"} if event["review"] == "accepted" else {"accepted", "draft"}
        kept = [s for s in listed if s not in reviewing or facts_of.get(s, set()) & wanted]
        if not kept and event["review"] == "draft":
            kept = [s for s, reviews in facts_of.items() if reviews & wanted]
        if kept and kept != listed:
            event["sources"] = LIST_SEP.join(kept)


def reviewed_sources(tables: Mapping[str, Table]) -> None:
    """A source with no drafts left is reviewed: accepted."""
    open_sources = {r["source"] for r in tables["facts"].rows if r["review"] == "draft"}
    for source in tables["sources"].rows:
        if source["review"] == "draft" and source["id"] not in open_sources:
            source["review"] = "accepted"
