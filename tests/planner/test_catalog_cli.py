"""`legday muscles` and `legday catalog`: JSON shapes, filters, human output and bad input."""

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

MUSCLE_KEYS = {"id", "name", "group", "region", "origin", "insertion", "joints", "actions", "function"}
EXERCISE_KEYS = {
    "id",
    "name",
    "aliases",
    "equipment",
    "pattern",
    "mechanic",
    "muscles",
    "reps",
    "rest_seconds",
    "evidence",
}
Run = Callable[..., subprocess.CompletedProcess[str]]


def _json(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_muscles_json_shape(cli: Callable[..., Any]) -> None:
    muscles = _json(cli("muscles", "--json"))
    assert all(MUSCLE_KEYS <= set(m) for m in muscles)
    posterior = [m for m in muscles if m["region"] == "posterior_leg"]
    assert len(posterior) == 10


def test_catalog_json_shape(cli: Callable[..., Any]) -> None:
    exercises = _json(cli("catalog", "--json"))
    assert len(exercises) >= 35
    for exercise in exercises:
        assert EXERCISE_KEYS <= set(exercise)
        assert set(exercise["muscles"]) == {"primary", "secondary", "stabilizer"}
        assert set(exercise["reps"]) == {"min", "max"}
        assert exercise["reps"]["min"] <= exercise["reps"]["max"]


def test_catalog_filters(cli: Callable[..., Any]) -> None:
    soleus = _json(cli("catalog", "--muscle", "Soleus", "--json"))
    assert soleus
    assert all("soleus" in e["muscles"]["primary"] + e["muscles"]["secondary"] for e in soleus)
    hamstrings = _json(cli("catalog", "-m", "hamstrings", "--json"))
    assert {"romanian_deadlift", "seated_leg_curl", "nordic_curl"} <= {e["id"] for e in hamstrings}
    assert "back_squat" not in {e["id"] for e in hamstrings}
    dumbbell = _json(cli("catalog", "--equipment", "dumbbell", "--json"))
    # Each entry is a name (needed) or a list of names (any one of them).
    assert all(
        any(item in {"dumbbell", "bodyweight"} for item in ([group] if isinstance(group, str) else group))
        for e in dumbbell
        for group in e["equipment"]
    )
    assert "single_leg_romanian_deadlift" in {e["id"] for e in dumbbell}
    either = _json(cli("catalog", "show", "single-leg rdl", "--json"))["equipment"]
    assert either == [["dumbbell", "kettlebell"]]
    plural = _json(cli("catalog", "--equipment", "Kettlebells,benches", "--json"))
    assert {"single_leg_romanian_deadlift", "kettlebell_swing", "step_up"} <= {e["id"] for e in plural}
    calves = _json(cli("catalog", "--pattern", "plantarflexion", "--json"))
    assert calves
    assert all(e["pattern"] == "plantarflexion" for e in calves)


def test_catalog_show_json(cli: Callable[..., Any]) -> None:
    rdl = _json(cli("catalog", "show", "RDL", "--json"))
    assert rdl["id"] == "romanian_deadlift"
    assert EXERCISE_KEYS <= set(rdl)
    assert rdl["evidence"]


def test_catalog_show_says_the_level_conditioning_and_what_outranks_it(cli: Callable[..., Any]) -> None:
    sprint = cli("catalog", "show", "sprints")
    assert sprint.exit_code == 0, sprint.output
    assert "intermediate and up" in sprint.stdout
    assert "plans never prescribe it" in sprint.stdout
    lying = cli("catalog", "show", "lying leg curl").stdout
    assert "Outranked by" in lying
    assert "seated_leg_curl" in lying
    data = _json(cli("catalog", "show", "sprinting", "--json"))
    assert (data["difficulty"], data["conditioning"], data["outranked_by"]) == ("intermediate", True, [])


def test_user_catalog_through_the_cli(cli: Callable[..., Any], tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[exercises]]\nid = "towel_hamstring_curl"\nname = "Towel hamstring curl"\nequipment = ["bodyweight"]\n'
        'pattern = "knee_flexion"\nmuscles = { primary = ["hamstrings"] }\n'
    )
    shown = _json(cli("catalog", "show", "towel hamstring curl", "--catalog", str(path), "--json"))
    assert shown["id"] == "towel_hamstring_curl"


def test_human_output_through_a_real_process(run_legday: Run) -> None:
    shown = run_legday("catalog", "show", "nordic curl")
    assert shown.returncode == 0, shown.stderr
    assert "Nordic" in shown.stdout
    assert "Evidence" in shown.stdout
    assert "primary" in shown.stdout
    listed = run_legday("catalog", "--muscle", "popliteus")
    assert listed.returncode == 0, listed.stderr
    assert "exercises" in listed.stdout
    muscles = run_legday("muscles")
    assert muscles.returncode == 0
    assert "Popliteus" in muscles.stdout
    assert "Deep posterior compartment" in muscles.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("catalog", "show", "romanian dedlift"), "unknown exercise 'romanian dedlift': did you mean"),
        (("catalog", "--muscle", "solues"), "unknown muscle 'solues': did you mean"),
        (("catalog", "--equipment", "rope"), "Invalid value for '--equipment'"),
        (("plan", "--equipment", "dumbels"), "'--equipment': unknown equipment 'dumbels': did you mean 'dumbbell'?"),
        (("plan", "--equipment", " , "), "'--equipment': unknown equipment ' , '"),
        (("catalog", "--catalog", "does-not-exist.toml"), "does-not-exist.toml: no such file"),
        (("nonsense",), "legday: No such command 'nonsense'. (see '"),
        (("--bogus",), "legday: No such option: --bogus (see '"),
        (("plan", "--days"), "legday: plan: Option '--days' requires an argument. (see '"),
        (("catalog", "show"), "legday: catalog show: Missing argument 'EXERCISE'."),
        (("plan", "--level", "expert"), "legday: plan: Invalid value for '--level': 'expert' is not one of"),
        (("plan", "--seed", str(2**63)), "Invalid value for '--seed': give a whole number from 0 to"),
        (("plan", "--days", "two"), "Invalid value for '--days': give a whole number from 1 to 7 (see"),
        (("catalog", "--muscle", "soleus", "show", "rdl"), "filters choose exercises to list, not the one 'show'"),
        (("catalog", "--catalog", "-"), "--catalog: a catalog is read from a file, not from standard input ('-')"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run_legday: Run, args: tuple[str, ...], expected: str) -> None:
    done = run_legday(*args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1, done.stderr
    assert expected in done.stderr
    assert "Traceback" not in done.stderr
    assert "Value error" not in done.stderr


def test_options_before_show_apply_to_it(run_legday: Run, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[[exercises]]\nid = "band_curl"\nname = "Band curl"\nequipment = ["band"]\n'
        'muscles = { primary = ["semitendinosus"] }\n'
    )
    done = run_legday("catalog", "--catalog", str(mine), "--json", "show", "band curl")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == "band_curl"
    missing = run_legday("catalog", "--catalog", str(tmp_path / "absent.toml"), "show", "rdl")
    assert missing.returncode == 2
    assert "absent.toml: no such file" in missing.stderr


def test_traceback_switch_shows_the_traceback(run_legday: Run) -> None:
    done = run_legday("--traceback", "catalog", "show", "nope-nope")
    assert done.returncode != 0
    assert "Traceback" in done.stderr
    assert "UnknownNameError" in done.stderr


def test_version(cli: Callable[..., Any]) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("legday ")


def test_importing_the_cli_loads_nothing_heavy() -> None:
    """--help must stay near the typer floor: no models, rich, tomli_w, highspy or icalendar at import."""
    heavy = ["pydantic", "rich", "tomli_w", "highspy", "icalendar", "numpy", "exercises.catalog"]
    code = f"import sys, planner.cli; print([m for m in {heavy!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_help_loads_nothing_heavy() -> None:
    code = (
        "import sys\nfrom planner.cli import app\ntry:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "print([m for m in ('pydantic', 'exercises.catalog', 'highspy') if m in sys.modules], file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "[]"


def test_exit_leaves_the_objects_of_the_run_to_the_system(cli: Callable[..., Any]) -> None:
    """main() runs without the cycle collector and freezes its objects as it ends, so the
    interpreter's collections at exit skip tearing down every cycle of typer, pydantic and rich (~70
    ms a start); the output is whole."""
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print(gc.get_freeze_count() > 0, gc.isenabled(), file=sys.stderr))\n"
        "from planner.cli import main\nsys.argv = ['legday', 'catalog', '--json']\nmain()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.split() == ["True", "False"]
    assert json.loads(done.stdout) == _json(cli("catalog", "--json"))


def test_json_output_is_formatted_like_the_json_module(run_legday: Run) -> None:
    """Output goes through pydantic_core for speed; it must read exactly as json.dumps writes it."""
    done = run_legday("catalog", "--json")
    assert done.stdout == json.dumps(json.loads(done.stdout), indent=2, ensure_ascii=False) + "\n"


def test_equipment_lists_the_vocabulary(cli: Callable[..., Any], run_legday: Run) -> None:
    listed = _json(cli("equipment", "--json"))
    assert [item["id"] for item in listed][:8] == [
        *("barbell", "dumbbell", "kettlebell", "machine", "cable", "band", "bodyweight", "bench")
    ]
    assert all({"id", "name", "description", "aliases"} <= set(item) for item in listed)
    ghd = next(item for item in listed if item["id"] == "ghd")
    assert "glute ham developer" in ghd["aliases"]
    shown = run_legday("equipment")
    assert shown.returncode == 0
    assert "hyperextension_bench" in shown.stdout
    assert "roman chair" in shown.stdout
