"""The built-in data: read from the wheel's pre-parsed JSON when it matches its TOML, else parsed."""

import json
import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pytest

from exercises.preparsed import DATA_KEY, SOURCE_KEY, preparse, preparsed_name, source_digest
from exercises.toml_files import read_package_data

SHIPPED = resources.files("exercises").joinpath("data")
NAMES = ("muscles.toml", "exercises.toml")


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the package's data folder that read_package_data reads instead of the real one."""
    folder = tmp_path / "exercises" / "data"
    folder.mkdir(parents=True)
    for name in NAMES:
        (folder / name).write_bytes(SHIPPED.joinpath(name).read_bytes())

    def files(package: str) -> Traversable:
        assert package == "exercises"
        return tmp_path / "exercises"

    monkeypatch.setattr(resources, "files", files)
    return folder


@pytest.mark.parametrize("name", NAMES)
def test_preparsed_data_is_the_parsed_toml(name: str) -> None:
    raw = SHIPPED.joinpath(name).read_bytes()
    document = json.loads(preparse(raw))
    assert document[SOURCE_KEY] == source_digest(raw)
    assert document[DATA_KEY] == tomllib.loads(raw.decode())
    assert document[DATA_KEY]


def test_a_source_tree_parses_the_toml(package: Path) -> None:
    assert not list(package.glob("*.json"))
    document = read_package_data("muscles.toml")
    assert document.data == tomllib.loads((package / "muscles.toml").read_text())
    assert document.label == "exercises/data/muscles.toml"
    assert sorted(path.name for path in package.iterdir()) == sorted(NAMES)  # nothing written


def test_matching_preparsed_data_is_used(package: Path) -> None:
    raw = (package / "muscles.toml").read_bytes()
    marked = {SOURCE_KEY: source_digest(raw), DATA_KEY: {"muscles": [], "marker": "from the JSON"}}
    (package / preparsed_name("muscles.toml")).write_text(json.dumps(marked))
    document = read_package_data("muscles.toml")
    assert document.data == marked[DATA_KEY]
    assert document.text == raw.decode()


@pytest.mark.parametrize(
    "content",
    [
        json.dumps({SOURCE_KEY: "0" * 64, DATA_KEY: {"muscles": []}}),  # made from other bytes: stale
        json.dumps({SOURCE_KEY: None, DATA_KEY: {"muscles": []}}),
        "{ not json",
        json.dumps([1, 2]),
        "",
    ],
)
def test_stale_or_broken_preparsed_data_falls_back_to_the_toml(package: Path, content: str) -> None:
    (package / preparsed_name("muscles.toml")).write_text(content)
    assert read_package_data("muscles.toml").data == tomllib.loads((package / "muscles.toml").read_text())


def test_preparsed_data_with_the_right_hash_but_no_table_falls_back(package: Path) -> None:
    raw = (package / "muscles.toml").read_bytes()
    (package / preparsed_name("muscles.toml")).write_text(json.dumps({SOURCE_KEY: source_digest(raw), DATA_KEY: []}))
    assert read_package_data("muscles.toml").data == tomllib.loads(raw.decode())


def test_an_edited_toml_is_never_shadowed_by_its_old_preparsed_data(package: Path) -> None:
    path = package / "muscles.toml"
    (package / preparsed_name("muscles.toml")).write_bytes(preparse(path.read_bytes()))
    edited = path.read_text().replace('name = "Soleus"', 'name = "Soleus muscle"', 1)
    assert edited != path.read_text()
    path.write_text(edited)
    assert read_package_data("muscles.toml").data == tomllib.loads(edited)
