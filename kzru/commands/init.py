"""kzru init: start your own data folder (a copy of the bundled table, or --empty)."""

from pathlib import Path
from typing import Annotated

import typer

from kzru import store, writer
from kzru.errors import KzruError
from kzru.labels import Said
from kzru.options import a_path

# Its line in `kzru --help`: one line at 60 columns and wider (46 characters at most).
SUMMARY = "Start a data folder of your own"
EXAMPLES = ("kzru init mytable", "kzru init empty-table --empty")


def command(
    folder: Annotated[Path, typer.Argument(metavar="DIR", parser=a_path,
                                                   help="The folder to create.")],
    empty: Annotated[bool, typer.Option(
        "--empty", help="The same schema, sectors and glossary, but no sources, events or "
        "facts.")] = False,
) -> None:
    """Start a data folder of your own that kzru add and kzru review write to (kzru never
    writes into its bundled table). Use it with --data DIR or KZRU_DATA=DIR."""
    folder = _without_detours(folder)
    if folder.is_symlink():  # a dangling one too: nothing is made where it points
        raise KzruError(Said("err.folder_is_link", folder=folder))
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise KzruError(Said("err.not_empty", folder=folder))
    bundled = store.bundled_data_dir()
    contents: dict[str, bytes] = {}
    for name in store.TABLES:
        raw = store.read_limited(bundled / f"{name}.csv", store.CSV_LIMIT)
        if empty and name in ("sources", "events", "facts"):
            raw = raw.split(b"\n", 1)[0] + b"\n"  # the header alone
        contents[f"{name}.csv"] = raw
    contents["datapackage.json"] = store.read_limited(bundled / "datapackage.json",
                                                      store.PACKAGE_LIMIT)
    folder.mkdir(parents=True, exist_ok=True)
    with writer.folder_lock(folder):  # every writer holds it: a staged file it finds is dead
        writer.commit(folder, contents)
        (folder / "articles").mkdir(exist_ok=True)
    store.load(folder)
    from kzru.errors import one_line
    from kzru.labels import READER, say

    shown = one_line(str(folder))  # a folder name never drives the terminal
    argument = shell_word(str(folder))  # and the hint is pasted into a shell
    what = Said("init.empty") if empty else Said("init.copy")
    # init takes no common options: the reader's language is --lang or KZRU_LANG (kzru.cli)
    typer.echo(say(Said("init.created", folder=shown, argument=argument, what=what),
                   READER.lang))


def _without_detours(folder: Path) -> Path:
    """``folder`` by a path that passes through no folder that is not there: mkdir would
    make `a` of `a/../mine` only to leave it empty, and the path would name the new folder
    only while `a` exists. The same folder the system would reach, by its real path."""
    names = [part for part in folder.parts if part != folder.anchor]
    while names and names[0] == "..":
        names.pop(0)
    if ".." not in names:  # `../mine` enters no folder to leave it again: as typed
        return folder
    import os

    if folder.name in ("", ".."):
        return Path(os.path.realpath(folder))
    return Path(os.path.realpath(folder.parent)) / folder.name


def shell_word(text: str) -> str:
    """``text`` as one shell word that is safe to show and names the same thing pasted:
    shlex's quoting when every character can be shown, else bash's and zsh's $'…' with each
    character that cannot as its escape (one_line's ``\\x0a`` inside '…' is four characters,
    and named another folder)."""
    import re
    import shlex

    from kzru.text import UNSHOWABLE

    if not re.search(UNSHOWABLE, text):
        return shlex.quote(text)

    def escape(char: str) -> str:
        code = ord(char)
        if char in "\\'":
            return "\\" + char
        if not re.fullmatch(UNSHOWABLE, char):
            return char
        if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that is not UTF-8: that byte
            return f"\\x{code - 0xDC00:02x}"
        if code < 0x80:
            return f"\\x{code:02x}"
        return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"

    return "$'" + "".join(map(escape, text)) + "'"
