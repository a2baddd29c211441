"""The report page's templates compiled at build time render the very page the sources do, and are
used only when they match the jinja2 that runs and the template bytes beside them."""

import json
import shutil
from pathlib import Path

import pytest

from exercises.catalog import Catalog
from planner import page_templates
from planner.generate import PlanRequest, generate_plan
from planner.page_templates import MARKER, compile_templates, compiled_loader, environment_with, page_environment
from planner.report import plan_report

TEMPLATES = Path(__file__).resolve().parents[2] / "planner" / "templates"


def test_a_source_tree_compiles_its_templates_from_their_sources() -> None:
    import jinja2

    assert isinstance(page_environment().loader, jinja2.PackageLoader)


def test_compiled_templates_render_the_same_page(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jinja2

    plan = generate_plan(PlanRequest(days=3), catalog)
    from_sources = plan_report(plan, catalog, source="plan.toml")
    compile_templates(TEMPLATES, tmp_path)
    loader = compiled_loader(TEMPLATES, tmp_path)
    assert isinstance(loader, jinja2.ModuleLoader)
    monkeypatch.setattr(page_templates, "page_environment", lambda: environment_with(loader))
    assert plan_report(plan, catalog, source="plan.toml") == from_sources


def test_stale_or_foreign_compiled_templates_are_not_used(tmp_path: Path) -> None:
    sources, compiled = tmp_path / "templates", tmp_path / "compiled"
    shutil.copytree(TEMPLATES, sources, ignore=shutil.ignore_patterns("compiled"))
    compile_templates(sources, compiled)
    assert compiled_loader(sources, compiled) is not None
    marker = json.loads((compiled / MARKER).read_text())
    (compiled / MARKER).write_text(json.dumps(marker | {"jinja2": "0.0"}))
    assert compiled_loader(sources, compiled) is None
    (compiled / MARKER).write_text(json.dumps(marker))
    (sources / "report.css").write_text((sources / "report.css").read_text() + "\n/* edited */\n")
    assert compiled_loader(sources, compiled) is None
    (compiled / MARKER).unlink()
    assert compiled_loader(sources, compiled) is None
