"""The options every command shares (sqlite-utils' ``output_options``, done for typer).

Choices are click choices, so ``--help`` lists them and the shell completes them; a value typed
wrong gets the same one-line error with a suggestion as a wrong sector or event id.
"""

import functools
import inspect
import os
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Callable, NamedTuple, Optional, Sequence

import typer
from typer._click.types import ParamType
from typer._types import TyperChoice

from kzru import __version__
from kzru.errors import KzruError, choose
from kzru.labels import Said

FORMATS = ("table", "json", "jsonl", "csv", "tsv", "md")  # what the listings print
# Every format some command prints: what --format before the command name accepts.
ALL_FORMATS = (*FORMATS, "text", "bibtex")
LANGS = ("en", "ru")
COLORS = ("auto", "always", "never")


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




class Choice(TyperChoice):  # type: ignore[type-arg]
    """A click choice whose error names the thing and suggests the closest value."""

    def __init__(self, choices: Sequence[str], what: str) -> None:
        super().__init__(choices, case_sensitive=True)
        self.what = what

    def get_metavar(self, param: Any, ctx: Any) -> str:
        return "[" + "|".join(self.choices) + "]"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        return choose(str(value), self.choices, self.what)  # type: ignore[arg-type]


class Year(ParamType):  # type: ignore[misc]
    """A year, said wrong in kzru's words rather than click's ("not a valid int range")."""

    name = "year"

    def __init__(self, option: str = "--year") -> None:
        self.option = option

    def get_metavar(self, param: Any, ctx: Any = None) -> str:
        return "YEAR"

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if not (text.isascii() and text.isdigit() and 1 <= len(text) <= 4 and int(text) > 0):
            raise KzruError(Said("err.not_a_year", option=self.option, value=str(value)))
        return int(text)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"kzru {__version__}")
        raise typer.Exit()


def _non_empty(value: str, key: str) -> Path:
    """``value`` as a path; an empty one is refused with the message ``key`` (Path('') would
    be the current folder, so a script's "$UNSET" would read, or with export --force
    replace, wherever it happened to run)."""
    if not str(value):
        raise typer.BadParameter(Said(key))
    return Path(value)


def _data_folder(value: str) -> Path:
    """--data as a path; an empty one is refused."""
    return _non_empty(value, "usage.empty_data")


def a_path(value: str) -> Path:
    """A path argument (export's target, init's folder, add's articles); an empty one is
    refused."""
    return _non_empty(value, "usage.empty_path")


DataOption = Annotated[Optional[Path], typer.Option(
    "--data", metavar="DIR", show_default=False, parser=_data_folder,
    help="Data folder to load instead of the bundled table (also: KZRU_DATA).")]
def format_option(formats: Sequence[str], default: str) -> Any:
    """The --format option of a command that prints ``formats``: its help and its completion
    list only those."""
    return Annotated[Optional[str], typer.Option(
        "--format", "-f", click_type=Choice(formats, "format"), show_default=False,
        help=f"Output format (also: KZRU_FORMAT, when this command prints it) [default: "
             f"{default}].")]


TABLE_DEFAULT = "table on a terminal, tsv in a pipe"
FormatOption = format_option(ALL_FORMATS, "each command's own")
LangOption = Annotated[Optional[str], typer.Option(
    "--lang", click_type=Choice(LANGS, "language"), show_default=False,
    help="Language of kzru's own words (headings, notes, messages, --help) and of the text "
         "tables show: en (summary) or ru (text); data with no Russian column (the curators' "
         "date notes, the summary, a unit or role word kzru holds in no language) stays "
         "English: kzru never guesses a translation (also: KZRU_LANG) [default: en].")]
NoColorOption = Annotated[Optional[bool], typer.Option(
    "--no-color", show_default=False,
    help="No colour, even on a terminal: the same as --color never (also: NO_COLOR).")]
ColorOption = Annotated[Optional[str], typer.Option(
    "--color", click_type=Choice(COLORS, "colour mode"), show_default=False,
    help="Colour: auto (at a terminal, unless NO_COLOR is set), always or never.")]
PagerOption = Annotated[Optional[bool], typer.Option(
    "--no-pager", show_default=False,
    help="Never page; otherwise output longer than the terminal goes through $KZRU_PAGER, "
         "$PAGER or less -FRX.")]
DraftsOption = Annotated[Optional[bool], typer.Option(
    "--drafts", show_default=False,
    help="Also show rows under review (review = draft, written by kzru add), marked as drafts; "
         "without it drafts are never listed, counted, searched or exported.")]
VersionOption = Annotated[Optional[bool], typer.Option(
    "--version", "-V", callback=_show_version, is_eager=True,
    help="Print the version and exit.")]

COMMON = {
    "data": DataOption, "fmt": FormatOption, "lang": LangOption, "color": ColorOption,
    "no_color": NoColorOption, "no_pager": PagerOption, "drafts": DraftsOption,
    "version": VersionOption,
}


def _from_environment(name: str, allowed: Sequence[str], what: str) -> Optional[str]:
    value = os.environ.get(name, "")
    if not value:
        return None
    try:
        return choose(value, allowed, what)
    except KzruError as error:
        raise KzruError(Said("err.from_env", name=name, error=error.args[0])) from None


class Options(NamedTuple):
    """Resolved common options of one run (None: not given on the command line)."""

    data: Optional[Path] = None
    fmt: Optional[str] = None
    lang: Optional[str] = None
    color: Optional[str] = None
    pager: bool = True
    drafts: bool = False
    command: str = ""  # the command being run, for messages
    formats: tuple[str, ...] = FORMATS  # what this command prints

    @classmethod
    def merge(cls, outer: Optional["Options"], values: dict[str, Any]) -> "Options":
        """Command-level values win over the ones given before the command name."""
        base = outer or cls()
        color = "never" if values.get("no_color") else values.get("color")
        return cls(
            data=values.get("data") or base.data,
            fmt=values.get("fmt") or base.fmt,
            lang=values.get("lang") or base.lang,
            color=color or base.color,
            pager=base.pager and not values.get("no_pager"),
            drafts=base.drafts or bool(values.get("drafts")),
        )

    @property
    def format(self) -> Optional[str]:
        """--format, else KZRU_FORMAT; None leaves the choice to the command's own default.

        A format given on the command line that this command cannot print is an error naming
        the ones it can; KZRU_FORMAT is a default for every command, so where it names a format
        this command does not print, the command's own default applies, silently."""
        if self.fmt:
            if self.fmt not in self.formats:
                raise KzruError(Said("err.not_printed",
                                     command=self.command or Said("err.this_command"),
                                     formats=", ".join(self.formats), fmt=self.fmt))
            return self.fmt
        chosen = _from_environment("KZRU_FORMAT", ALL_FORMATS, "format")
        return chosen if chosen in self.formats else None

    @property
    def language(self) -> str:
        return self.lang or _from_environment("KZRU_LANG", LANGS, "language") or "en"

    def colored(self, terminal: bool) -> bool:
        """always, never, or (auto) at a terminal unless NO_COLOR is set to something."""
        mode = self.color or "auto"
        if mode == "auto":
            return terminal and not os.environ.get("NO_COLOR")
        return mode == "always"


def with_common_options(command: Optional[Callable[..., Any]] = None, *,
                        formats: Sequence[str] = FORMATS,
                        default: str = TABLE_DEFAULT) -> Any:
    """Add the common options to a command; pass it ``options``. ``formats`` are the formats
    the command prints (none: no --format option), ``default`` says which it picks."""
    if command is None:
        return functools.partial(with_common_options, formats=formats, default=default)
    common = dict(COMMON)
    if formats:
        common["fmt"] = format_option(formats, default)
    else:
        del common["fmt"]
    signature = inspect.signature(command)
    own = [p for p in signature.parameters.values() if p.name != "options"]
    context = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                annotation=typer.Context)
    extra = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None,
                               annotation=annotation) for name, annotation in common.items()]

    @functools.wraps(command)
    def wrapper(ctx: typer.Context, *args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name, None) for name in COMMON}
        options = Options.merge(ctx.obj, values)._replace(
            command=f"kzru {ctx.info_name}", formats=tuple(formats))
        return command(*args, options=options, **kwargs)

    del wrapper.__wrapped__
    wrapper.__signature__ = signature.replace(parameters=[context, *own, *extra])  # type: ignore[attr-defined]
    wrapper.__annotations__ = {
        "ctx": typer.Context,
        **{k: v for k, v in command.__annotations__.items() if k != "options"}, **common}
    return wrapper
