"""Looking things up by the names people type: ids, names and aliases, in any case or punctuation."""

import re
import unicodedata
from collections.abc import Iterable

from exercises.exceptions import UnknownNameError

_NOT_ALNUM = re.compile(r"[\W_]+")


def normalize_name(name: str) -> str:
    """Fold case, accents and punctuation: 'Romanian Deadlift (Barbell)' -> 'romanian deadlift barbell',
    'Sentadilla búlgara' -> 'sentadilla bulgara'. Letters and digits of any script are kept."""
    folded = name.casefold()
    if not folded.isascii():
        # Compatibility forms (a double-struck S, the fi ligature) fold to plain letters, before and after casefold.
        folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", name).casefold())
        folded = "".join(char for char in folded if not unicodedata.combining(char))
    return _NOT_ALNUM.sub(" ", folded).strip()


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

    def suggestions(self, name: str, limit: int = 3, cutoff: float = 0.6) -> tuple[str, ...]:
        """Known spellings worth offering for `name`, one per thing, best first.

        A spelling that holds every word typed ("leg curl" in "lying leg curl") beats a similar-looking
        one ("toe curl"), shortest first; then difflib's closest spellings above `cutoff`.
        """
        import difflib  # only on a miss: keeps start-up cheap

        typed = normalize_name(name)
        if not typed:
            return ()
        words = set(typed.split())
        containing = sorted((k for k in self._ids if words <= set(k.split())), key=len)
        close = difflib.get_close_matches(typed, self._ids, n=limit, cutoff=cutoff)
        chosen: dict[str, str] = {}
        for key in (*containing, *close):
            chosen.setdefault(self._ids[key], self._display[key])
        return tuple(chosen.values())[:limit]

    def suggest(self, name: str, cutoff: float = 0.6) -> str | None:
        """The one spelling most worth offering for `name`, if any is close enough."""
        found = self.suggestions(name, limit=1, cutoff=cutoff)
        return found[0] if found else None

    def resolve(self, name: str) -> str:
        """The id a spelling means; raises UnknownNameError with suggestions otherwise."""
        found = self.get(name)
        if found is None:
            raise UnknownNameError(self.kind, name, self.suggestions(name))
        return found
