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
from typing import Any, Final, TypeVar

import pydantic_core
from pydantic import BaseModel, ValidationError

from exercises.exceptions import FileErrors, FileFormatError, InputError
from exercises.input_files import decode_text, read_input
from exercises.names import NameIndex, UnknownNameValue
from exercises.preparsed import DATA_KEY, SOURCE_KEY, preparsed_name, source_digest

Loc = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)

_SYNTAX_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_SYNTAX_AT_END = re.compile(r"\s*\(at end of document\)$")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_VALUE_ERROR_PREFIX = re.compile(r"^(Value|Assertion) error, ")


class ProblemAt(ValueError):
    """A validator's error about a place inside the value it checks: `at`, a location relative to
    that value, whose line the file's error names; `{see}` in the message becomes the other places
    it is about (`see`, relative locations too), each with its line when the value came from a file.
    """

    def __init__(self, message: str, at: Loc, see: tuple[Loc, ...] = (), *, within: Loc = ()) -> None:
        # Not str.format: the message may quote a name from the file, braces and all. Without a
        # file, the places are named from `within`, the field the validator checks.
        super().__init__(message.replace("{see}", _and([format_loc((*within, *place)) for place in see])))
        self.template = message
        self.at = at
        self.see = see

    def worded(self, document: "TomlDocument", base: Loc) -> str:
        """The message with the line of each other place it names."""
        places = []
        for place in self.see:
            line = document.line_of((*base, *place))
            places.append(f"{format_loc((*base, *place))} (line {line})" if line else format_loc((*base, *place)))
        return self.template.replace("{see}", _and(places))


def _and(items: list[str]) -> str:
    if not items:
        return ""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


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
        """Validate the document against `model`; every problem found becomes one line of a FileErrors."""
        try:
            return model.model_validate(self.data, context=context)
        except ValidationError as exc:
            raise self.validation_error(model, exc) from exc

    def validation_error(self, model: type[BaseModel], exc: ValidationError) -> FileErrors:
        """Every pydantic error as a line a person can act on, in the order of the file:
        FILE:LINE: field: what to write instead. No pydantic wording is passed on."""
        errors = exc.errors(include_url=False)
        # A misspelt key also makes its field "missing": the unknown key is the one worth reporting.
        meant: set[Loc] = set()
        problems: list[tuple[int, InputError]] = []
        for error in errors:
            if error["type"] == "extra_forbidden":
                key = str(error["loc"][-1])
                close = _close_key(model, _drop_pydantic_tags(model, tuple(error["loc"][:-1])), key)
                if close is not None:
                    meant.add((*error["loc"][:-1], close))
        for error in errors:
            if error["type"] == "missing" and tuple(error["loc"]) in meant:
                continue
            loc = _drop_pydantic_tags(model, tuple(part for part in error["loc"] if isinstance(part, (str, int))))
            line = self.line_of(loc) if loc else None
            found = (error.get("ctx") or {}).get("error")
            if isinstance(found, UnknownNameValue):
                problems.append((line or 0, found.error.located(self.where(loc), format_loc(loc))))
                continue
            if isinstance(found, ProblemAt):
                at = (*loc, *found.at)
                problems.append((self.line_of(at) or 0, self.error(at, found.worded(self, loc))))
                continue
            problems.append((line or 0, self.error(loc, _worded(model, loc, error))))
        problems.sort(key=lambda item: item[0])
        shown = [problem for _, problem in problems[:MAX_PROBLEMS]]
        if len(problems) > MAX_PROBLEMS:
            rest = len(problems) - MAX_PROBLEMS
            shown.append(FileFormatError(f"{self.label}: {rest} more problem{'s' if rest > 1 else ''} not shown"))
        return FileErrors(shown)


#: The most problems of one file reported: a file of a hundred errors is not worth a hundred lines.
MAX_PROBLEMS: Final = 20


def worded_errors(model: type[BaseModel], exc: ValidationError) -> list[str]:
    """A ValidationError of `model` validated from plain data (not a file) as lines a person can act
    on: 'field: what to write instead', or the validator's own message where the error is the model's."""
    lines = []
    for error in exc.errors(include_url=False):
        loc = _drop_pydantic_tags(model, tuple(part for part in error["loc"] if isinstance(part, (str, int))))
        found = (error.get("ctx") or {}).get("error")
        message = found.error.message if isinstance(found, UnknownNameValue) else _worded(model, loc, error)
        lines.append(f"{format_loc(loc)}: {message}" if loc else message)
    return lines


def _close_key(model: type[BaseModel], table: Loc, key: str) -> str | None:
    known = NameIndex("key")
    for name in _fields_at(model, table):
        known.add(name, name)
    return known.suggest(key)


def _worded(model: type[BaseModel], loc: Loc, error: Any) -> str:
    """A pydantic error as what to write instead: 'write a whole number from 1 to 20, not 3.0'."""
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    shown = shown_value(value)
    info = _field_info(model, loc)
    key = next((part for part in reversed(loc) if isinstance(part, str)), "")
    if kind == "extra_forbidden":
        close = _close_key(model, loc[:-1], key)
        if close is not None:
            return f"unknown key {_quote(key)} (did you mean '{close}'?)"
        known = _fields_at(model, loc[:-1])
        return f"unknown key {_quote(key)}: the keys here are {_and(known)}" if known else f"unknown key {_quote(key)}"
    if kind in ("value_error", "assertion_error"):
        return _VALUE_ERROR_PREFIX.sub("", error["msg"])
    if kind == "missing":
        about = f" ({info.description})" if info is not None and info.description else ""
        return f"missing: add {key}{_example(info, ' = ')}{about}"
    if kind.startswith(("int_", "float_", "finite_", "greater_than", "less_than", "multiple_of", "decimal_")):
        low, high = _bounds(info, item=isinstance(loc[-1], int) if loc else False)
        return f"write a whole number{_range(low, high)}, not {shown}"
    if kind.startswith("bool_"):
        return f"write true or false, not {shown}"
    if kind in ("string_type", "string_sub_type", "string_unicode"):
        return f"write text in quotes{_example(info, ', like ')}, not {shown}"
    if kind == "string_too_short":
        return f"write some text{_example(info, ', like ')}, not an empty string"
    if kind == "string_too_long":
        return f"write at most {ctx.get('max_length')} characters, not {len(str(value))}"
    if kind == "string_pattern_mismatch":
        return f"write an id: lowercase letters, digits and _, starting with a letter (like 'nordic_curl'), not {shown}"
    if kind in ("enum", "literal_error"):
        return _choice(key, value, str(ctx.get("expected", "")))
    if kind in ("tuple_type", "list_type", "set_type", "frozen_set_type", "iterable_type"):
        return f"write a list in square brackets{_example(info, ', like ')}, not {shown}"
    if kind in ("dict_type", "model_type", "model_attributes_type", "mapping_type"):
        if loc and isinstance(loc[-1], str):
            return f"write a table ([{key}] or {{ key = value, ... }}), not {shown}"
        return f"write a table, like {{ key = value, ... }}, not {shown}"
    if kind in ("too_short", "too_long"):
        limit = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        most = "at least" if kind == "too_short" else "at most"
        return f"write {most} {limit} item{'s' if limit != 1 else ''}, not {ctx.get('actual_length')}"
    return f"{shown} cannot be read here{_example(info, ': write something like ')}"


def shown_value(value: Any) -> str:
    """A value from a file as TOML writes it ('3', "'monday'", 'true', '[6, 10.0]'), short enough
    for an error line."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = _quote(value if len(value) <= 40 else value[:37] + "...")
    elif isinstance(value, dict):
        return "a table"
    elif isinstance(value, (list, tuple)):
        text = "[" + ", ".join(shown_value(item) for item in value[:5]) + (", ...]" if len(value) > 5 else "]")
    else:
        text = repr(value) if not isinstance(value, float) else _toml_float(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _toml_float(value: float) -> str:
    import math

    if math.isnan(value):
        return "nan"
    if value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    return repr(value)


def _example(info: Any, before: str) -> str:
    """The field's first example as TOML would write it, after `before`; '' without one."""
    examples = getattr(info, "examples", None)
    if not examples:
        return ""
    example = examples[0]
    text = f'"{example}"' if isinstance(example, str) else shown_value(example)
    return f"{before}{text}"


def _range(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f" from {low} to {high}"
    if low is not None:
        return f" of {low} or more"
    if high is not None:
        return f" of at most {high}"
    return ""


def _choice(key: str, value: Any, expected: str) -> str:
    """An unknown choice ('level = "expert"'): the choices, or the closest when there are many."""
    options = re.findall(r"'([^']*)'", expected)
    known = NameIndex(key or "value")
    for option in options:
        known.add(option, option)
    close = known.suggest(value) if isinstance(value, str) else None
    hint = f" (did you mean '{close}'?)" if close else ""
    if len(options) <= 10:
        quoted = [f"'{option}'" for option in options]
        listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
        return f"{shown_value(value)} is not a known {key or 'value'}: write {listed}{hint}"
    return f"{shown_value(value)} is not a known {key or 'value'}: write one of the {len(options)} known names{hint}"


def _field_info(model: type[BaseModel], loc: Loc) -> Any:
    """The FieldInfo of the field a location is in (of its list, for an item), or None."""
    current: type[BaseModel] | None = model
    info = None
    for part in loc:
        if isinstance(part, int):
            continue
        if current is None:
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _model_in(info.annotation)
    return info


def _bounds(info: Any, *, item: bool) -> tuple[int | None, int | None]:
    """The lowest and highest whole number a field (or, for `item`, an item of it) takes."""
    if info is None:
        return None, None
    if not item:
        own = _bounds_of(info.metadata)
        if own != (None, None):
            return own
    return _bounds_in(info.annotation)


def _bounds_of(metadata: Any) -> tuple[int | None, int | None]:
    low = high = None
    for entry in metadata:
        for inner in getattr(entry, "metadata", None) or (entry,):
            low = getattr(inner, "ge", low)
            high = getattr(inner, "le", high)
    return low, high


def _bounds_in(annotation: Any) -> tuple[int | None, int | None]:
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        found = _bounds_of(args[1:])
        return found if found != (None, None) else _bounds_in(args[0])
    for arg in args:
        found = _bounds_in(arg)
        if found != (None, None):
            return found
    return None, None


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
