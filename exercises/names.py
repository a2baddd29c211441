"""Looking things up by the names people type: ids, names and aliases, in any case or punctuation."""

import re
from collections.abc import Iterable

from exercises.exceptions import UnknownNameError

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def normalize_name(name: str) -> str:
    """Fold case and punctuation: 'Romanian Deadlift (Barbell)' -> 'romanian deadlift barbell'."""
    return _NOT_ALNUM.sub(" ", name.casefold()).strip()


class NameIndex:
    """Maps every spelling of a thing (id, name, alias) to its id, and suggests near misses."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._ids: dict[str, str] = {}
        self._display: dict[str, str] = {}

    def add(self, spelling: str, target: str) -> str | None:
        """Register a spelling; returns the id it already meant if it clashes with another target."""
        key = normalize_name(spelling)
        if not key:
            return None
        existing = self._ids.get(key)
        if existing is not None and existing != target:
            return existing
        self._ids[key] = target
        self._display.setdefault(key, spelling)
        return None

    def add_all(self, spellings: Iterable[str], target: str) -> str | None:
        """Register several spellings of one target; returns the first clash, if any."""
        clash = None
        for spelling in spellings:
            clash = self.add(spelling, target) or clash
        return clash

    def get(self, name: str) -> str | None:
        """The id a spelling means, or None."""
        return self._ids.get(normalize_name(name))

    def suggest(self, name: str) -> str | None:
        """The known spelling closest to `name`, if one is close enough to be worth offering."""
        import difflib  # only on a miss: keeps start-up cheap

        matches = difflib.get_close_matches(normalize_name(name), self._ids, n=1, cutoff=0.6)
        return self._display[matches[0]] if matches else None

    def resolve(self, name: str) -> str:
        """The id a spelling means; raises UnknownNameError with a suggestion otherwise."""
        found = self.get(name)
        if found is None:
            raise UnknownNameError(self.kind, name, self.suggest(name))
        return found
