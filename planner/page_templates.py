"""The report page's Jinja2 templates: the one environment they are rendered with, and the same
templates compiled to Python when the wheel is built.

Compiling the page's templates (lexing, parsing, generating code) took about as long as all the rest
of rendering the page, on every `legday report`. So building the wheel (hatch_build.py) compiles them
once, with this module's `compile_templates`, into `planner/templates/compiled/`, beside a marker
`compiled.json`: `{"jinja2": <the version that compiled them>, "sources": {<name>: <sha256 of its
bytes>}}`. At run time `page_environment` loads the compiled templates only when the marker names the
jinja2 that runs and the very template bytes next to it (compiled code is a jinja2 version's own
business, and an edited template must never be shadowed); otherwise, and in a source tree, it
compiles them from their sources as before. Nothing is written at run time.

Imports only the standard library and jinja2: the build hook loads it in a build environment.
"""

import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

#: The folder, in planner/templates, of the templates compiled at build time, and its marker file.
COMPILED = "compiled"
MARKER = "compiled.json"
#: The template files (in planner/templates) the page is made of.
_SUFFIXES = (".j2", ".css")


def _options() -> dict[str, Any]:
    import jinja2

    return {
        "autoescape": True,  # every value is text unless marked Markup, whatever the template's name
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }


def template_sources(folder: Path) -> dict[str, bytes]:
    """The page's template files in `folder` by name, in name order."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.suffix in _SUFFIXES}


def _marker(sources: dict[str, bytes]) -> dict[str, Any]:
    import jinja2

    return {
        "jinja2": jinja2.__version__,
        "sources": {name: hashlib.sha256(raw).hexdigest() for name, raw in sources.items()},
    }


def compile_templates(source_folder: Path, target: Path) -> None:
    """Compile the templates of `source_folder` into the folder `target` (created), with the marker."""
    import jinja2

    sources = template_sources(source_folder)
    loader = jinja2.DictLoader({name: raw.decode("utf-8") for name, raw in sources.items()})
    environment = environment_with(loader)
    target.mkdir(parents=True, exist_ok=True)
    environment.compile_templates(str(target), zip=None, ignore_errors=False)
    (target / MARKER).write_text(json.dumps(_marker(sources), sort_keys=True))


def page_environment() -> "jinja2.Environment":
    """The environment the page is rendered with: the wheel's compiled templates when they match
    this jinja2 and these template bytes, else the templates compiled from their sources."""
    import jinja2

    folder = resources.files("planner").joinpath("templates")
    compiled = compiled_loader(folder, folder / COMPILED) if isinstance(folder, Path) else None
    return environment_with(compiled or jinja2.PackageLoader("planner", "templates"))


def environment_with(loader: "jinja2.BaseLoader") -> "jinja2.Environment":
    """The page's environment (its escaping and whitespace options) over a loader."""
    import jinja2

    return jinja2.Environment(loader=loader, **_options())


def compiled_loader(source_folder: Path, compiled: Path) -> "jinja2.ModuleLoader | None":
    """A loader of the templates compiled in `compiled`, if its marker names this jinja2 and the very
    bytes of the templates in `source_folder`; else None."""
    import jinja2

    try:
        marker = json.loads((compiled / MARKER).read_text())
    except (OSError, ValueError):
        return None
    if marker != _marker(template_sources(source_folder)):
        return None
    return jinja2.ModuleLoader(str(compiled))
