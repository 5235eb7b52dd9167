"""kzru add: draft facts from new articles into your own data folder."""

import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from kzru.errors import KzruError, one_line
from kzru.labels import Said, say
from kzru.options import Options, a_path, with_common_options

# An article a user can make in one line (own words, no real report), for the examples of
# add, review and check: every help example runs from an empty folder after a pip install.
MAKE_ARTICLE = ("printf 'Астана, 5 марта 2026 года\\n\\nМинистры подписали соглашение о "
                "поставках зерна.\\n' > article.txt")
# Its line in `kzru --help`: one line at 60 columns and wider (46 characters at most).
SUMMARY = "Draft facts from articles into your folder"
EXAMPLES = (
    "kzru init my-table --empty",
    f"{MAKE_ARTICLE} && kzru add article.txt --data my-table",
    "printf 'Вчера в Омске открылся новый филиал университета.\\n' > news.txt && "
    "kzru add news.txt --data my-table --published 2026-03-06 --format json",
)


def own_folder(options: Options, command: str) -> Path:
    """The folder add and review write to: --data or KZRU_DATA, never the bundled table."""
    chosen = options.data or os.environ.get("KZRU_DATA")
    if not chosen:
        raise KzruError(Said("err.own_folder", command=command))
    from kzru import store

    folder = store.resolve_data_dir(chosen)
    if folder.resolve() == store.bundled_data_dir().resolve():
        raise KzruError(Said("err.bundled"))
    return folder


@with_common_options
def command(
    paths: Annotated[List[Path], typer.Argument(
        metavar="FILE|DIR...", parser=a_path, help="Articles: .txt (UTF-8) or saved web pages "
        "(.html), at most 2 MiB each; a folder adds its .txt and .html files.")],
    publisher: Annotated[Optional[str], typer.Option(
        "--publisher", metavar="NAME",
        help="The publisher, instead of what the article says.")] = None,
    title: Annotated[Optional[str], typer.Option(
        "--title", metavar="TEXT", help="The headline, instead of what was found.")] = None,
    url: Annotated[Optional[str], typer.Option(
        "--url", metavar="URL",
        help="The article's address, instead of the page's canonical link.")] = None,
    published: Annotated[Optional[str], typer.Option(
        "--published", metavar="DATE",
        help="Publication date YYYY-MM-DD, YYYY-MM or YYYY, instead of the page's date or "
             "the text's dateline.")] = None,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=1, max=64, metavar="N",
        help="Draft N articles at once in worker processes.")] = 1,
    *, options: Options,
) -> None:
    """Read articles, register each as a source (refusing a text already added), and draft
    its facts sentence by sentence: status from the verb, date at the precision the text
    gives, kind, figures, sectors, speaker, names, verbatim evidence, the event, and facts
    of other sources it may repeat (same_as). Everything written is a draft (review =
    draft) until kzru review accepts it; an interrupted add writes nothing."""
    folder = own_folder(options, "add")
    from kzru import curate

    curate.require()
    from kzru.curate.pipeline import add
    from kzru.curate.read import Overrides, article_files

    links: list[Path] = []
    files = article_files(paths, links)
    if links:
        names = f"{', '.join(p.name for p in links[:3])}{', …' if len(links) > 3 else ''}"
        said = Said("add.links", count=len(links), names=names) if len(links) > 1 else \
            Said("add.links_one", names=names)
        sys.stderr.write(one_line(f"kzru: {say(said, options.language)}") + "\n")
    if not files:
        raise KzruError(Said("err.no_articles", paths=", ".join(map(str, paths))))
    overrides = Overrides(publisher, title, url, published)
    fmt = options.format or ("table" if sys.stdout.isatty() else "tsv")
    began = time.perf_counter()
    if sys.stderr.isatty() and fmt == "table":
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        with Progress(TextColumn(say(Said("add.drafting"), options.language)), BarColumn(),
                      MofNCompleteColumn(),
                      TextColumn("{task.description}"), console=Console(
                          stderr=True, color_system="auto" if options.colored(True) else None),
                      transient=True) as bar:
            task = bar.add_task(say(Said("add.loading"), options.language), total=len(files))
            results = add(files, folder, overrides, jobs,
                          lambda path: bar.update(task, advance=1, description=Path(path).name))
    else:
        results = add(files, folder, overrides, jobs)
    total = time.perf_counter() - began
    for result in results:
        for warning in result.warnings:
            said = say(Said("err.warning", text=warning), options.language)
            sys.stderr.write(one_line(f"kzru: {said}") + "\n")
    rows = [{"file": r.file, "source": r.source, "sentences": r.sentences, "drafts": r.drafts,
             "statuses": r.statuses, "kinds": r.kinds, "events_linked": r.events_linked,
             "events_proposed": r.events_proposed, "corroborations": r.corroborations,
             "seconds": r.seconds, "skipped": r.skipped} for r in results]
    if fmt in ("json", "jsonl"):
        text = json.dumps(rows, ensure_ascii=False, indent=2 if fmt == "json" else None)
        typer.echo(text if fmt == "json" else "\n".join(json.dumps(r, ensure_ascii=False)
                                                        for r in rows))
        return
    if fmt != "table":
        sep = "," if fmt == "csv" else "\t"
        keys = list(rows[0]) if rows else []
        typer.echo(sep.join(keys))
        for row in rows:
            typer.echo(sep.join(_flat(row[k]) for k in keys))
        return
    _table(rows, total, folder, options.colored(sys.stdout.isatty()), options.language)


def _skipped(reasons: dict, lang: str = "en") -> str:
    """Sentences left undrafted, by reason: "2 (formula start)", or 0."""
    from kzru.labels import word

    return ", ".join(f"{count} ({say(word('add.reason', reason), lang)})"
                     for reason, count in sorted(reasons.items())) or "0"


def _counts(counts: dict, prefix: str, lang: str) -> str:
    """"agreed:1 done:2", each value as a table shows it in ``lang`` (договорились:1)."""
    from kzru.labels import word

    return " ".join(f"{say(word(prefix, k), lang)}:{v}" for k, v in sorted(counts.items()))


def _flat(value: object) -> str:
    if isinstance(value, dict):
        return " ".join(f"{k}:{v}" for k, v in sorted(value.items()))
    return str(value)


def _table(rows: list, total: float, folder: Path, color: bool, lang: str = "en") -> None:
    """The summary drawn like every other kzru table (kzru.table): ids, file names and
    numbers are never cropped; at narrow widths the least needed columns go first, named in a
    note under the table. Its words are in the reader's language (kzru/screens.py)."""
    from kzru.labels import Joined, label, word
    from kzru.table import Column, TableWriter

    def said(key: str, **fields: object) -> str:
        return say(Said(key, **fields), lang)

    writer = TableWriter(sys.stdout, color)
    shown_folder = one_line(str(folder))  # a folder name is neither markup nor escapes
    shown = [{"source": row["source"], "file": Path(row["file"]).name,
              "sentences": row["sentences"], "drafts": row["drafts"],
              "statuses": _counts(row["statuses"], "brief.status", lang),
              "kinds": _counts(row["kinds"], "kind", lang),
              "events": f"{row['events_linked']}/{row['events_proposed']}",
              "corroborations": row["corroborations"],
              "skipped": _skipped(row["skipped"], lang),
              "seconds": f"{row['seconds']:.2f}"} for row in rows]
    columns = [Column("source", said("add.col.source"), no_wrap=True),
               Column("file", label("col.file", lang), ids=True, min_width=8),
               Column("sentences", said("add.col.sentences"), justify="right"),
               Column("drafts", said("add.col.drafts"), justify="right"),
               Column("statuses", said("add.col.statuses"), ratio=2, drop=6),
               Column("kinds", said("add.col.kinds"), ratio=2, drop=5),
               Column("events", said("add.col.events"), justify="right", drop=3),
               Column("corroborations", said("add.col.corroborations"), justify="right",
                      drop=2),
               Column("skipped", said("add.col.skipped"), drop=1),
               Column("seconds", said("add.col.seconds"), justify="right", drop=4)]
    writer.table(shown, columns, title=said("add.title", folder=shown_folder),
                 dropped_note=said("review.not_shown", columns="{columns}"))
    skipped: dict[str, int] = {}
    for row in rows:
        for reason, count in row["skipped"].items():
            skipped[reason] = skipped.get(reason, 0) + count
    # each reason's why, in the reader's language (a reason kzru/screens.py lacks: as it is)
    whys = Joined([word("add.why", reason) for reason in sorted(skipped)], "; ")
    note = said("add.skipped", reasons=_skipped(skipped, lang), whys=whys) if skipped else ""
    drafts = sum(r["drafts"] for r in rows)
    writer.line(said("add.done", drafts=drafts,
                     drafts_noun=Said("add.draft" if drafts == 1 else "add.drafts"),
                     articles=len(rows),
                     articles_noun=Said("add.article" if len(rows) == 1 else "add.articles"),
                     seconds=f"{total:.1f}", said=note, folder=one_line(str(folder))))
