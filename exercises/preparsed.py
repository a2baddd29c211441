"""The built-in TOML data, parsed when the wheel is built: what the file holds and how it is checked.

tomllib is pure Python and the catalog is the largest thing every command reads, so building the
wheel (hatch_build.py) parses each TOML file in exercises/data once and ships the result beside it as
JSON, `<name>.parsed.json`: `{"source_sha256": <hash of the TOML bytes>, "data": <the parsed TOML>}`.
At start-up the loader uses that JSON only when the hash matches the TOML next to it, so an edited
TOML file is never shadowed by stale data; a source tree has no such file and parses the TOML.
Nothing is written at run time.

Standard library only: the build hook imports this module in a build environment without pydantic.
"""

import hashlib
from pathlib import PurePath

SOURCE_KEY = "source_sha256"
DATA_KEY = "data"


def preparsed_name(name: str) -> str:
    """The file name of a TOML file's pre-parsed data: 'exercises.toml' -> 'exercises.parsed.json'."""
    return f"{PurePath(name).stem}.parsed.json"


def source_digest(raw: bytes) -> str:
    """The hash that ties pre-parsed data to the exact TOML bytes it was parsed from."""
    return hashlib.sha256(raw).hexdigest()


def preparse(raw: bytes) -> bytes:
    """The pre-parsed JSON of a TOML file's bytes (UTF-8 TOML; a TOMLDecodeError fails the build)."""
    import json
    import tomllib

    document = {SOURCE_KEY: source_digest(raw), DATA_KEY: tomllib.loads(raw.decode("utf-8"))}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
