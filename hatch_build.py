"""Build hook: the wheel carries the built-in TOML data parsed and the report page's templates
compiled, so no command parses or compiles them at start-up.

For each TOML file in exercises/data, a `<name>.parsed.json` (format in exercises/preparsed.py) is
written to a temporary folder and added to the wheel beside the TOML; the templates of
planner/templates are compiled into planner/templates/compiled (planner/page_templates.py). Editable
installs get none: a source tree parses its TOML and compiles its templates, so an edit is seen at once.
"""

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class PreparsedDataHook(BuildHookInterface):
    """Adds exercises/data/*.parsed.json and planner/templates/compiled/ to a (non-editable) wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root))
        try:
            from exercises.preparsed import preparse, preparsed_name
            from planner.page_templates import COMPILED, compile_templates
        finally:
            sys.path.remove(str(root))
        self._folder = Path(tempfile.mkdtemp(prefix="legday-preparsed-"))
        for source in sorted((root / "exercises" / "data").glob("*.toml")):
            target = self._folder / preparsed_name(source.name)
            target.write_bytes(preparse(source.read_bytes()))
            build_data["force_include"][str(target)] = f"exercises/data/{target.name}"
        compiled = self._folder / COMPILED
        compile_templates(root / "planner" / "templates", compiled)
        for path in sorted(compiled.iterdir()):
            build_data["force_include"][str(path)] = f"planner/templates/{COMPILED}/{path.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
