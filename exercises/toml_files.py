"""Reading TOML files people wrote: one clear error line naming the file and, where possible, the line.

tomllib gives a line only for syntax errors; for a value that parses but fails validation, a small
scanner (`value_lines`) maps each key path to the line it starts on, so a pydantic error can point
at `plan.toml:12` too.
"""

import contextlib
import re
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import pydantic_core
from pydantic import BaseModel, ValidationError

from exercises.exceptions import FileFormatError
from exercises.input_files import decode_text, read_input
from exercises.names import NameIndex
from exercises.preparsed import DATA_KEY, SOURCE_KEY, preparsed_name, source_digest

Loc = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)

_SYNTAX_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_SYNTAX_AT_END = re.compile(r"\s*\(at end of document\)$")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_VALUE_ERROR_PREFIX = re.compile(r"^(Value|Assertion) error, ")


@dataclass(frozen=True)
class TomlDocument:
    """A parsed TOML file with what is needed to point at its lines."""

    label: str
    data: dict[str, Any]
    text: str

    @cached_property
    def lines(self) -> Mapping[Loc, int]:
        """Line numbers of the key paths, scanned only when an error needs one."""
        return value_lines(self.text)

    def line_of(self, loc: Loc) -> int | None:
        """The line where the value at `loc` (or its nearest enclosing value) starts."""
        for end in range(len(loc), 0, -1):
            line = self.lines.get(loc[:end])
            if line is not None:
                return line
        return None

    def where(self, loc: Loc = ()) -> str:
        """'FILE:LINE' for a location in this file, or 'FILE' when the line is unknown."""
        line = self.line_of(loc) if loc else None
        return f"{self.label}:{line}" if line else self.label

    def error(self, loc: Loc, message: str) -> FileFormatError:
        """A FileFormatError pointing at a location in this file."""
        path = format_loc(loc)
        return FileFormatError(f"{self.where(loc)}: {path}: {message}" if path else f"{self.where(loc)}: {message}")

    def validate(self, model: type[M], context: dict[str, Any] | None = None) -> M:
        """Validate the document against `model`; errors become one FileFormatError line."""
        try:
            return model.model_validate(self.data, context=context)
        except ValidationError as exc:
            raise self.validation_error(model, exc) from exc

    def validation_error(self, model: type[BaseModel], exc: ValidationError) -> FileFormatError:
        """The first pydantic error as one line: FILE:LINE: field: message (and N more)."""
        errors = exc.errors(include_url=False)
        # A misspelt key also makes its field "missing": the unknown key is the one worth reporting.
        first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
        loc = tuple(part for part in first["loc"] if isinstance(part, (str, int)))
        loc = _drop_pydantic_tags(model, loc)
        others = [e for e in errors if e is not first]
        if first["type"] == "extra_forbidden":
            key = str(loc[-1])
            known = NameIndex("key")
            for name in _fields_at(model, loc[:-1]):
                known.add(name, name)
            close = known.suggest(key)
            hint = f" (did you mean '{close}'?)" if close else ""
            message = f"unknown key {_quote(key)}{hint}"
            # The field the misspelt key was meant to be is "missing" too: that is the same mistake.
            meant = (*first["loc"][:-1], close)
            others = [e for e in others if not (e["type"] == "missing" and tuple(e["loc"]) == meant)]
        else:
            message = _VALUE_ERROR_PREFIX.sub("", first["msg"])
        more = len(others)
        if more:
            message += f" (and {more} more error{'s' if more > 1 else ''})"
        return self.error(loc, message)


def format_loc(loc: Loc) -> str:
    """('days', 0, 'exercises', 1, 'sets') -> 'days[0].exercises[1].sets'; odd keys are quoted."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            key = part if _BARE_KEY.fullmatch(part) else _quote(part)
            text += f".{key}" if text else key
    return text


def _quote(text: str) -> str:
    """A key or value quoted for a one-line message: control characters escaped, as TOML would."""
    if not any(c < " " or c == "\x7f" for c in text):
        return f"'{text}'"
    import json  # only for an odd key in an error message

    return json.dumps(text, ensure_ascii=False)


def read_toml(path: Path | str) -> TomlDocument:
    """Read and parse a TOML file (or standard input for '-'); every failure is a FileFormatError."""
    label, raw = read_input(path)
    return parse_toml(raw, label)


def read_package_data(name: str) -> TomlDocument:
    """A TOML file shipped in exercises/data, from its pre-parsed JSON when the wheel carries one.

    An installed wheel holds each file parsed at build time (exercises.preparsed), which
    pydantic_core, already loaded, reads in Rust; it is used only when it was made from these exact
    bytes. A source tree, or a pre-parsed file that is missing, unreadable or stale, parses the TOML.
    Nothing is written: reading the catalog leaves the file system as it was.
    """
    folder = resources.files("exercises").joinpath("data")
    raw = folder.joinpath(name).read_bytes()
    label = f"exercises/data/{name}"
    try:
        preparsed = pydantic_core.from_json(folder.joinpath(preparsed_name(name)).read_bytes())
    except (OSError, ValueError):
        preparsed = None
    if isinstance(preparsed, dict) and preparsed.get(SOURCE_KEY) == source_digest(raw):
        data = preparsed.get(DATA_KEY)
        if isinstance(data, dict):
            return TomlDocument(label=label, data=data, text=raw.decode("utf-8"))
    return parse_toml(raw, label)


def parse_toml(raw: bytes, label: str) -> TomlDocument:
    """Parse TOML bytes; `label` names the source in error messages."""
    text = decode_text(raw, label, "TOML files are UTF-8")
    import tomllib  # pure Python and not small: only when a file is really parsed

    try:
        data = tomllib.loads(text)
    except RecursionError:
        # tomllib parses nested arrays and inline tables recursively: a few hundred levels exhaust it.
        raise FileFormatError(f"{label}: TOML nested too deeply (arrays or inline tables inside each other)") from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = _SYNTAX_POSITION.search(message)
        if position:
            detail = message[: position.start()]
            raise FileFormatError(f"{label}:{position[1]}: TOML syntax: {detail} (column {position[2]})") from None
        at_end = _SYNTAX_AT_END.search(message)
        if at_end:
            last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
            detail = message[: at_end.start()]
            raise FileFormatError(
                f"{label}:{max(last_line, 1)}: TOML syntax: {detail} (at the end of the file)"
            ) from None
        raise FileFormatError(f"{label}: TOML syntax: {message}") from None
    return TomlDocument(label=label, data=data, text=text)


def _drop_pydantic_tags(model: type[BaseModel], loc: Loc) -> Loc:
    """Pydantic adds validator tags (e.g. 'function-after[...]') to locs of unions; keep data keys."""
    return tuple(part for part in loc if isinstance(part, int) or "[" not in part)


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names of the model that validates the table at `loc`."""
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        current = _model_in(info.annotation) if info is not None else None
    return list(current.model_fields) if current is not None else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def value_lines(text: str) -> dict[Loc, int]:
    """Map each key path in a valid TOML document to the line its value starts on (best effort)."""
    scanner = _Scanner(text)
    # A line number is a courtesy: never fail a read over it.
    with contextlib.suppress(IndexError, ValueError):
        scanner.document()
    return scanner.lines


class _Scanner:
    """A tolerant scanner over TOML that tomllib has already accepted; it tracks positions only."""

    _SCALAR_END = re.compile(r"[,\]}\n#]")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.lines: dict[Loc, int] = {}
        self.array_tables: dict[Loc, int] = {}

    def _advance(self, count: int) -> None:
        self.line += self.text.count("\n", self.pos, self.pos + count)
        self.pos += count

    def _peek(self, count: int = 1) -> str:
        return self.text[self.pos : self.pos + count]

    def _skip_space(self, newlines: bool) -> None:
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char in " \t\r" or (newlines and char == "\n"):
                self._advance(1)
            elif char == "#":
                end = self.text.find("\n", self.pos)
                self._advance((end if end >= 0 else len(self.text)) - self.pos)
            else:
                return

    def _expect(self, token: str) -> None:
        if self._peek(len(token)) != token:
            raise ValueError(token)
        self._advance(len(token))

    def _string(self) -> str:
        for quote in ('"""', "'''", '"', "'"):
            if self._peek(len(quote)) == quote:
                break
        start = self.pos + len(quote)
        end = start
        while True:
            end = self.text.index(quote, end)
            if quote.startswith('"') and _escaped(self.text, end):
                end += 1
                continue
            break
        while self.text[end + len(quote) : end + len(quote) + 1] == quote[0] and len(quote) == 3:
            end += 1  # """a"""" ends with a quote inside the string
        self._advance(end + len(quote) - self.pos)
        return self.text[start:end]

    def _key(self) -> list[str]:
        parts: list[str] = []
        while True:
            self._skip_space(False)
            if self._peek() in ('"', "'"):
                parts.append(self._string())
            else:
                match = _BARE_KEY.match(self.text, self.pos)
                if match is None:
                    raise ValueError("key")
                parts.append(match[0])
                self._advance(len(match[0]))
            self._skip_space(False)
            if self._peek() != ".":
                return parts
            self._advance(1)

    def _value(self, loc: Loc) -> None:
        self.lines.setdefault(loc, self.line)
        char = self._peek()
        if char == "[":
            self._advance(1)
            index = 0
            while True:
                self._skip_space(True)
                if self._peek() == "]":
                    self._advance(1)
                    return
                self._value((*loc, index))
                index += 1
                self._skip_space(True)
                if self._peek() == ",":
                    self._advance(1)
        elif char == "{":
            self._advance(1)
            while True:
                self._skip_space(False)
                if self._peek() == "}":
                    self._advance(1)
                    return
                key = self._key()
                self._expect("=")
                self._skip_space(False)
                self._value((*loc, *key))
                self._skip_space(False)
                if self._peek() == ",":
                    self._advance(1)
        elif char in ('"', "'"):
            self._string()
        else:
            match = self._SCALAR_END.search(self.text, self.pos)
            self._advance((match.start() if match else len(self.text)) - self.pos)

    def _header(self, keys: list[str], array: bool) -> Loc:
        loc: Loc = ()
        for index, key in enumerate(keys):
            loc = (*loc, key)
            if array and index == len(keys) - 1:
                self.lines.setdefault(loc, self.line)  # the array itself starts at its first table
                number = self.array_tables.get(loc, -1) + 1
                self.array_tables[loc] = number
                loc = (*loc, number)
            elif loc in self.array_tables:
                loc = (*loc, self.array_tables[loc])
        self.lines.setdefault(loc, self.line)
        return loc

    def document(self) -> None:
        table: Loc = ()
        while True:
            self._skip_space(True)
            if self.pos >= len(self.text):
                return
            if self._peek(2) == "[[":
                self._advance(2)
                keys = self._key()
                self._expect("]]")
                table = self._header(keys, array=True)
            elif self._peek() == "[":
                self._advance(1)
                keys = self._key()
                self._expect("]")
                table = self._header(keys, array=False)
            else:
                key = self._key()
                self._expect("=")
                self._skip_space(False)
                self._value((*table, *key))


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes - 1 >= 0 and text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1
