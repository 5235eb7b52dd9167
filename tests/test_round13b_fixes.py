"""The round-13 re-readers' points (docs/audits/2026-12-05-round13b-briefs-a.md, -briefs-b.md,
-track.md), each held to the rule it was fixed by. Expected values come from the articles
(quoted here) and the CSV rows, never from the page itself.
"""

from __future__ import annotations

import brief_fixtures
from conftest import SEEDS, needs_seeds, read_table

from kzru.brief import build
from kzru.brief_data import data
from kzru.follow import DONE, IN_PROGRESS, track
from kzru.store import bundled_data_dir
from kzru.suggest import see_also

DATA = bundled_data_dir()
table, page, section = brief_fixtures.table, brief_fixtures.page, brief_fixtures.section
FACTS = {r["id"]: r for r in read_table(DATA, "facts")}
EVENTS = {r["id"]: r for r in read_table(DATA, "events")}
SOURCES = {r["id"]: r for r in read_table(DATA, "sources")}
ASTANA, CSTO, XX = "2024-11-state-visit-astana", "2024-11-csto-council", \
    "2024-11-xx-interregional-forum"
MOSCOW, SOCHI = "2025-11-state-visit-moscow", "2022-08-sochi-talks"


def _article(source: str) -> str:
    """The article's text, its no-break spaces read as spaces."""
    text = (SEEDS / SOURCES[f"a{source}"]["file"]).read_text(encoding="utf-8")
    return text.replace("\u00a0", " ")


def _header(text: str) -> list[str]:
    """The lines above the page's first section (its heading, related events, notes)."""
    return text.split("\n## ", 1)[0].splitlines()


# --- the CSTO session: announced in the visit's report, held alongside nothing -----------------

@needs_seeds
def test_the_csto_page_names_the_visit_whose_report_announced_it(table) -> None:  # noqa: ANN001
    """«28 ноября … пройдет сессия Совета коллективной безопасности ОДКБ. В мероприятии примет
    участие Владимир Путин»: told in the future in a report of the visit's first day, so no
    article says it was held. Its page cannot say it was "held alongside" anything; it names
    the visit in whose report it was announced, as the visit's page names it "announced
    alongside, not reported as held": the same relation, both ways."""
    assert "пройдет сессия Совета коллективной безопасности ОДКБ" in _article("001")
    csto = _header(page(table, CSTO))
    assert not any(line.startswith("*Held alongside:*") for line in csto)
    announcer = [line for line in csto
                 if line.startswith("*Announced beforehand in the report of:*")]
    assert len(announcer) == 1 and f"`{ASTANA}`" in announcer[0]
    assert EVENTS[ASTANA]["title_en"] in announcer[0]
    visit = _header(page(table, ASTANA))
    back = [line for line in visit
            if line.startswith("*Announced alongside, not reported as held:*")]
    assert len(back) == 1 and f"`{CSTO}`" in back[0]
    # the forum (27 November, «проходил в Уфе») and the session (28th) name neither each other
    assert CSTO not in "\n".join(_header(page(table, XX)))
    assert XX not in "\n".join(csto)
    # as data: the session's page says where it was announced
    assert data(build(table, CSTO))["announced_in"] == [ASTANA]
    assert data(build(table, ASTANA))["announced_in"] == []
    # in Russian too
    assert any(line.startswith("*Объявлено заранее в репортаже о событии:*")
               for line in _header(page(table, CSTO, "ru")))


def test_an_event_held_alongside_shows_its_days_marked_inferred_as_its_own_header(table) -> None:  # noqa: ANN001
    """The state visit's end (28 November) rests on the public record, not a001 (its date
    note says so, its header says "(inferred)"); the XX forum's page showed the visit's days
    with no mark (round-13 briefs reader B)."""
    visit = EVENTS[ASTANA]
    assert (visit["start"], visit["end"], visit["date_basis"]) == \
        ("2024-11-27", "2024-11-28", "inferred")
    held = next(line for line in _header(page(table, XX))
                if line.startswith("*Held alongside:*"))
    assert f"(2024-11-27 – 11-28, inferred) `{ASTANA}`" in held


# --- "not covered last time" against the Sochi report's rows alongside -------------------------

@needs_seeds
def test_sectors_the_last_report_told_of_alongside_are_not_called_uncovered(table) -> None:  # noqa: ANN001
    """The Sochi report (a003) tells, beside the talks, of MSU's branch («диплом МГУ»:
    education), KamAZ («КамАЗ»: industry) and the trade turnover (trade). They are not the
    talks' own facts, so the Astana page may not say those sectors were "not covered last
    time" as if the report were silent on them (round-13 briefs reader B): it says them
    apart."""
    text = _article("003")
    assert "диплом МГУ" in text and "КамАЗ" in text
    for fact_id, sector in (("a003-msu-branch-adapted-programme", "education"),
                            ("a003-kamaz-most-popular-trucks", "industry")):
        assert FACTS[fact_id]["event"] == "" and sector in FACTS[fact_id]["sectors"]
    new = section(page(table, ASTANA), "## New since the last bilateral meeting")
    not_last = next(line for line in new.splitlines()
                    if line.startswith("- Sectors not covered last time:"))
    only_beside = next(line for line in new.splitlines() if line.startswith(
        "- Sectors covered last time only in the rows its report gave alongside"))
    for name in ("Industry", "Education \\& science", "Trade \\& economy"):
        assert name not in not_last and name in only_beside
    # what neither the talks nor their report's background covered stays "not covered"
    assert "Transport \\& logistics" in not_last and "Health" in not_last
    new_data = data(build(table, ASTANA))["new"]
    assert {"industry", "education", "trade"} <= set(new_data["sectors_last_alongside"])
    assert not {"industry", "education", "trade"} & set(new_data["sectors"])


# --- the Friendship Square: told with the Alley, not said to be of the visit -------------------

@needs_seeds
def test_the_friendship_square_is_reported_alongside_with_the_alley(table) -> None:  # noqa: ANN001
    """«В мае текущего года в Астане была открыта «Аллея…», а вчера в Москве — «Сквер
    казахстанско-российской дружбы»»: one sentence of the cultural results, the square's
    opening on the visit's first day but nowhere said to be on its programme (rubric 5: not
    tied to the visit). It sits where the Alley does, reported alongside, not under the
    visit's Done (round-13 briefs reader B)."""
    text = _article("004")
    assert "а вчера в Москве" in text and "«Сквер казахстанско-российской дружбы»" in text
    assert FACTS["a004-friendship-square-moscow"]["event"] == ""
    text = page(table, MOSCOW)
    assert "`a004-friendship-square-moscow`" not in section(text, "## Done")
    beside = section(text, "## Reported alongside")
    square = next(line for line in beside.splitlines()
                  if "`a004-friendship-square-moscow`" in line)
    assert square.startswith("- done:") and "(2025-11-11, inferred)" in square
    assert "`a004-alley-eternal-friendship-astana`" in beside


# --- the branch network: open-ended work is in progress, never done ----------------------------

@needs_seeds
def test_expanding_the_branch_network_is_in_progress_not_done(table) -> None:  # noqa: ANN001
    """«достигнуты предметные договоренности по расширению сети филиалов» (2022) has no end
    point: MGIMO's branch opened (2025) carries it forward, it does not complete it (both
    round-13 re-readers). Work begun on one branch («начата работа по созданию филиалов МИФИ»)
    that later opened is done."""
    assert "по расширению сети филиалов" in _article("000")
    verdicts = {entry.fact.id: entry for entry in track(table)}
    branches = verdicts["a000-expand-russian-university-branches"]
    assert branches.verdict == IN_PROGRESS
    assert branches.decisive is not None and branches.decisive.status == "done"
    assert "расширению" in str(branches.reason) and "no end point" in str(branches.reason)
    assert verdicts["a000-mephi-almaty-branch"].verdict == DONE
    assert verdicts["a000-gubkin-atyrau-branch"].verdict == DONE
    # the SPIEF page's "later" line says so too
    spief = page(table, "2022-06-spief-meeting")
    line = spief.split("`a000-expand-russian-university-branches`", 1)[1].splitlines()[1]
    assert "**in progress**" in line and "**done**" not in line


# --- the smaller points that were real defects -------------------------------------------------

@needs_seeds
def test_undated_rows_alongside_are_said_to_be_as_of_their_article(table) -> None:  # noqa: ANN001
    """«Около 1000 штук в год» KamAZ trucks and students «ежегодно» are no facts of the
    Sochi talks' day; the page's note that undated lines "fall on the event's days" spoke of
    them too (round-13b briefs reader A). The rows alongside say they are as of their
    article (a003, dated 2022-08-19)."""
    assert "Около 1000 штук в год" in _article("003") and "ежегодно" in _article("003")
    text = page(table, SOCHI)
    beside = section(text, "## Reported alongside")
    note = f"as of their article's date ({SOURCES['a003']['published']}, article [1])"
    assert note in beside
    assert "not as things of the event's days" in beside
    undated = next(line for line in beside.splitlines() if "`a003-kamaz-1000-imported`" in line)
    assert "(20" not in undated  # no date of its own: the note covers it


@needs_seeds
def test_the_visits_own_commitments_say_what_became_of_them(table) -> None:  # noqa: ANN001
    """«уже начата работа по созданию филиалов МИФИ в Алматы» (2022-02) and «открыты филиалы
    девяти … МИФИ» (2025): the visit's own page says the branch was later reported open, not
    only the next meeting's (round-13b briefs reader A, note 1)."""
    assert "начата работа по созданию филиалов МИФИ в Алматы" in _article("000")
    text = page(table, "2022-02-working-visit")
    after = text.split("`a000-mephi-almaty-branch`", 1)[1].splitlines()[1]
    assert after.startswith("  - later, as of the newest article in this table: **done** → ")
    assert "`a002-mephi-branch`" in after
    # a parent reaffirmed through one part says so (round-13b briefs reader B, Moscow 4):
    # «договорились о развитии железнодорожного сообщения, улучшении автомобильных дорог,
    # реконструкции мостов и модернизации пунктов пропуска», then 2025 «Подчеркнули важность
    # … пунктов пропуска»: only the checkpoints
    assert FACTS["a004-border-checkpoints"]["follows"] == "a001-agreed-checkpoint-modernisation"
    astana = page(table, ASTANA)
    line = next(line for line in astana.splitlines()
                if line.startswith("  - later,") and "`a004-border-checkpoints`" in line)
    assert "**reaffirmed — still open**" in line
    assert "(through its part `a001-agreed-checkpoint-modernisation`; nothing later linked " \
           "to its other 3 parts)" in line
    moscow = page(table, MOSCOW)
    outcome = next(line for line in moscow.splitlines()
                   if "`a001-agreed-transport-infrastructure` → " in line)
    assert "through its part `a001-agreed-checkpoint-modernisation`" in outcome


def test_a_borne_out_forecast_lists_every_later_fact_linked_to_it(table) -> None:  # noqa: ANN001
    """The preview's nuclear forecast is borne out by the nuclear documents and by the Rosatom
    work «Особо отмечена» (both follow it in the table); the page named only the first
    (round-13b briefs reader B, Moscow 3)."""
    later = [row for row, fact in FACTS.items()
             if "a002-expected-nuclear-cooperation-focus" in fact["follows"].split("; ")]
    assert sorted(later) == ["a004-documents-nuclear-energy", "a004-rosatom-cooperation"]
    line = next(line for line in page(table, MOSCOW).splitlines()
                if "`a002-expected-nuclear-cooperation-focus` → " in line)
    assert line.startswith("- **borne out**")
    assert all(f"`{row}` [2]" in line for row in later)


@needs_seeds
def test_the_russian_delegation_row_names_the_cabinet_the_article_names(table) -> None:  # noqa: ANN001
    """«включая половину кабинета министров»: the article names the cabinet of ministers, not
    «Правительство России», which the page listed as a name first appearing (round-13b
    briefs reader B, Astana 5)."""
    assert "половину кабинета министров" in _article("001")
    assert "Правительство" not in _article("001")
    row = FACTS["a001-russian-delegation-half-cabinet"]
    assert "Правительство России" not in row["names"] and "Russian government" not in row["names"]
    assert "кабинет министров России" in row["names"] and "кабинета министров" in row["text"]
    new = section(page(table, ASTANA), "## New since")
    assert "Правительство России" not in new and "кабинет министров России" in new


def test_the_deciding_words_run_to_the_end_of_the_named_object(table) -> None:  # noqa: ANN001
    """2024 «поддержки русского языка», 2025 «уделяют должное внимание продвижению русской
    культуры и языка»: the words shown stopped at «русской», one word short of the object
    (the round-13b track reader). One word the earlier fact lacks («культуры») is held when a
    shared word follows it; a word with no shared word after it is not."""
    from kzru.roles import deciding_words

    earlier = table.facts["a001-talks-russian-language-support"]
    later = table.facts["a004-russian-culture-language-promotion"]
    words = deciding_words(later, earlier)
    assert words.replace("\u00a0", " ").endswith("русской культуры и языка")
    assert words in later.evidence
    entry = next(e for e in track(table, [earlier]))
    assert entry.words == words
    # no shared word after the unshared one: the run ends where the shared words do
    alone = later._replace(evidence="В Казахстане уделяют должное внимание продвижению русской "
                                    "культуры в школах.")
    assert deciding_words(alone, earlier).endswith("продвижению русской")


# --- the peaceful-atom pair: unlinked, the Rosatom work beside it (piece 2) ---------------------

@needs_seeds
def test_the_peaceful_atom_work_is_taken_up_again_by_the_rosatom_work(table) -> None:  # noqa: ANN001
    """«Еще один совместный проект – работа с мирным атомом» (2022) names the nuclear line as a
    whole — a field of work, as «вопросы … образования» is; 2025 «Особо отмечена плодотворная
    работа с компанией «Росатом»» tells of the same line again. Round 13b unlinked it (rule 1:
    "still open" read as an undertaking); three round-14 readers found "no later report" beside
    the very rows it listed self-contradictory. Linked since round 14 at the field's level, the
    verdict is "taken up again" — reported work told again, no undertaking open or done — and
    the nuclear documents, new documents, stay see also (change log Part 23)."""
    assert "Особо отмечена плодотворная работа с компанией «Росатом»" in _article("004")
    assert "работа с мирным атомом" in _article("003")
    assert "a003-peaceful-atom-joint-project" in \
        FACTS["a004-rosatom-cooperation"]["follows"].split("; ")
    entry = next(e for e in see_also(
        table, track(table, [table.facts["a003-peaceful-atom-joint-project"]])))
    assert entry.verdict == "taken up again"
    assert [fact.id for fact in entry.later] == ["a004-rosatom-cooperation"]
    assert "tells of the same line of work again" in str(entry.reason)
    beside = section(page(table, SOCHI), "## Reported alongside")
    line = beside.split("`a003-peaceful-atom-joint-project`", 1)[1].splitlines()[1]
    assert line.startswith("  - later, as of the newest article in this table: "
                           "**taken up again** → `a004-rosatom-cooperation`")
