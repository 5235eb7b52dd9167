"""What `kzru review` asks of a draft on accept, met when it is drafted, so that a reviewer
who only writes the English summary (and the sectors, where the text names none) is never
refused for a choice the drafter made: the draft's status shows in its evidence as one of the
cue table's words for that status (kzru.lint.has_status_cue, the same table), and a status
that says something happened is dated no later than the article (kzru.lint.later_than).

- A deed still to come ("договорились провести переговоры в мае", "подписали соглашение о
  поставках на 2028 год"): the agreement or signing is dated as of the article, and the date
  the text names, which is the deed's, goes into the note and, when the sentence names an
  event, becomes that event's time (``Draft.event_date``): the event proposed is the one to
  come, while the fact belongs where it was made.
- A status read from a verb's grammar that the cue table has no word for ("сообщил, что …
  выпустила сборник", a future the table does not list): drafted as the table reads that
  word under another status ("продолжится": ongoing, as the rubric says), else
  ``reported``, with a note naming the word and what it suggested, for the reviewer.

Applied by kzru.curate.draft to every draft last, after its date was filled in from the
sentences before it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kzru.cues import STATUS_CUES, STATUS_ORDER
from kzru.curate.annotate import Sentence
from kzru.curate.dated import Dated, Published
from kzru.curate.verbs import future_only
from kzru.curate.words import letters, normalize
from kzru.labels import Said, word
from kzru.lint import HAPPENED, has_status_cue, later_than
from kzru.model import Fact

if TYPE_CHECKING:
    from kzru.curate.draft import Draft

# The kinds a draft keeps when its status is read anew (kzru.curate.decide's
# _KIND_STATUSES): any other becomes a statement (or a figure, with a value)
_REPORTED_KINDS = frozenset({"statement", "figure", "document"})
_KINDS_OF = {"ongoing": _REPORTED_KINDS | {"meeting", "institution", "project", "initiative",
                                           "ceremony"},
             "done": _REPORTED_KINDS | {"meeting", "institution", "project", "ceremony"}}


def acceptable(draft: Draft, published: Published) -> Draft:
    """The draft as review would accept it once summarised: dated no later than its article
    when its status says it happened, with a status its evidence shows."""
    return _not_after(_shown(draft), published)  # (a status read anew may say it happened)


def _not_after(draft: Draft, published: Published) -> Draft:
    """A date after the article, or the time of what was agreed to be done, is the deed's:
    the fact is dated as of the article, the deed's date said in the note."""
    if not draft.deed and (draft.status not in HAPPENED or not later_than(
            draft.date.date, draft.date.precision, published.date, published.precision)):
        return draft
    deed = draft.date
    from kzru.render import date_label

    fields = {"status": word("brief.status", draft.status),
              "date": date_label(deed.date, deed.precision)}
    note = Said("draft.note.deed_later_how", how=deed.note, **fields) if deed.note else \
        Said("draft.note.deed_later", **fields)
    dated = Dated(published.date, published.precision, "publication", note)
    if draft.event_date is not None or not draft.event_word:
        return draft._replace(date=dated)
    # "договорились провести переговоры в мае": the talks, in May, are proposed and the
    # agreement linked to them (deed: kzru.curate.events links it, unlike an invitation)
    return draft._replace(date=dated, event_date=deed, deed=True)


def agreed_to_do(sentence: Sentence, cue: str) -> bool:
    """Whether what the agreement's cue word governs is a deed to come: an infinitive within
    AGREED_REACH words after it, with no finite verb between ("договорились провести",
    "решили в июне совместно построить"), by the analyser's word class (INFN), as
    kzru.curate.decide reads intentions; or a clause after "что" with a verb in the future
    tense ("договорились, что встреча пройдет в сентябре"), or a future after the agreement's
    words ("встреча, как договорились, состоится в мае"). Then the time named is the
    deed's."""
    if not cue:
        return False
    stem = normalize(cue)
    words = letters(sentence)
    for index, token in enumerate(words):
        if not normalize(token.text).startswith(stem):
            continue
        for after in words[index + 1:index + 1 + AGREED_REACH]:
            if after.pos == "INFN":
                return True
            if after.pos in ("VERB", "PRTS"):
                break
        that = next((n for n, t in enumerate(words[index + 1:index + 3], index + 1)
                     if normalize(t.text) == "что"), None)
        if that is not None:
            return any(t.pos == "VERB" and t.tense == "futr" for t in words[that + 1:])
        # "встреча, как уже договорились, состоится в мае", "договорились о поставках,
        # которые начнутся в мае": what was agreed is the future named after its words
        return any(t.pos == "VERB" and future_only(t) for t in words[index + 1:])
    return False


AGREED_REACH = 4  # words from an agreement's verb to the infinitive it governs


def _shown(draft: Draft) -> Draft:
    """A status the evidence does not show is the table's reading of the deciding word when
    the cue table has that word under another status ("продолжится": the drafter reads a
    future, the table, as the rubric, work that goes on: ongoing), else reported, with a
    note naming the word for the reviewer."""
    if has_status_cue(_as_fact(draft)):
        return draft
    # ("принято" is in the table as a signing: of a document only; an invitation accepted
    # is never read as signed, "Приглашение было принято" signs nothing)
    read = next((status for status in STATUS_ORDER if status in STATUS_CUES and draft.why.cue
                 and (status != "signed" or draft.kind == "document")
                 and has_status_cue(_as_fact(draft._replace(status=status,
                                                            evidence=draft.why.cue)))
                 and has_status_cue(_as_fact(draft._replace(status=status)))), "reported")
    why = draft.why._replace(status_from=Said(
        "draft.why.unshown", cue=draft.why.cue or "—", status=word("brief.status",
                                                                   draft.status),
        read=word("brief.status", read)))
    kind = draft.kind if draft.kind in _KINDS_OF.get(read, _REPORTED_KINDS) else \
        "figure" if draft.value else "statement"
    return draft._replace(status=read, kind=kind, why=why)


def _as_fact(draft: Draft) -> Fact:
    """Just what the lint's cue check reads of a fact: its status and evidence."""
    from datetime import date

    return Fact(id="", kind=draft.kind, event="", date=date(2000, 1, 1), date_precision="day",
                date_basis="publication", date_note="", sectors=(), status=draft.status,
                speaker="", summary="", text="", evidence=draft.evidence, source="",
                value=None, unit="", names=(), part_of="", follows=(), same_as=(),
                review="draft")
