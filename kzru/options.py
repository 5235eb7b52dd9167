"""The options every command shares (sqlite-utils' ``output_options``, done for typer)."""

import functools
import inspect
import os
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Callable, NamedTuple, Optional

import typer

from kzru import __version__


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    md = "md"


class Lang(str, Enum):
    en = "en"
    ru = "ru"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"kzru {__version__}")
        raise typer.Exit()


DataOption = Annotated[Optional[Path], typer.Option(
    "--data", metavar="DIR", show_default=False,
    help="Data folder to load instead of the bundled table (also: KZRU_DATA).")]
FormatOption = Annotated[Optional[Format], typer.Option(
    "--format", "-f", case_sensitive=False, show_default=False,
    help="Output format [default: table on a terminal, tsv in a pipe].")]
LangOption = Annotated[Optional[Lang], typer.Option(
    "--lang", case_sensitive=False, show_default=False,
    help="Language of the text that tables show: en (summary) or ru (text) [default: en].")]
NoColorOption = Annotated[Optional[bool], typer.Option(
    "--no-color", show_default=False, help="No colour, even on a terminal (also: NO_COLOR).")]
VersionOption = Annotated[Optional[bool], typer.Option(
    "--version", callback=_show_version, is_eager=True, help="Print the version and exit.")]

COMMON = {
    "data": DataOption, "fmt": FormatOption, "lang": LangOption, "no_color": NoColorOption,
    "version": VersionOption,
}


class Options(NamedTuple):
    """Resolved common options of one run."""

    data: Optional[Path] = None
    fmt: Optional[str] = None
    lang: str = "en"
    color: bool = True

    @classmethod
    def merge(cls, outer: Optional["Options"], values: dict[str, Any]) -> "Options":
        """Command-level values win over the ones given before the command name."""
        base = outer or cls()
        return cls(
            data=values.get("data") or base.data,
            fmt=values["fmt"].value if values.get("fmt") else base.fmt,
            lang=values["lang"].value if values.get("lang") else base.lang,
            color=base.color and not values.get("no_color") and "NO_COLOR" not in os.environ,
        )


def with_common_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --data/--format/--lang/--no-color/--version to a command; pass it ``options``."""
    signature = inspect.signature(command)
    own = [p for p in signature.parameters.values() if p.name != "options"]
    context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                annotation=typer.Context)
    extra = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None,
                               annotation=annotation) for name, annotation in COMMON.items()]

    @functools.wraps(command)
    def wrapper(ctx: typer.Context, *args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name, None) for name in COMMON}
        options = Options.merge(ctx.obj, values)
        return command(*args, options=options, **kwargs)

    del wrapper.__wrapped__
    wrapper.__signature__ = signature.replace(parameters=[context, *own, *extra])  # type: ignore[attr-defined]
    wrapper.__annotations__ = {
        "ctx": typer.Context,
        **{k: v for k, v in command.__annotations__.items() if k != "options"}, **COMMON}
    return wrapper
