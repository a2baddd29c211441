"""Looking things up by the names people type: ids, names and aliases, in any case or punctuation."""

import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

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


#: Plurals that do not just add an s.
_IRREGULAR_PLURALS = {"calves": "calf", "halves": "half"}


def _singular(word: str) -> str:
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    # 'curls' -> 'curl', 'step ups' -> 'step up'; 'press', 'soleus' and 'abs' keep their s.
    if len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def loose_key(key: str) -> str:
    """A normalized name with plurals made singular and the words sorted: 'leg curls' and 'curl, leg'
    give the same key, so plurals and word order do not matter."""
    return " ".join(sorted(map(_singular, key.split())))


class Match(NamedTuple):
    """What a typed name was found to mean."""

    target: str
    #: The name stands for a family ('Squat') and was read as its most common member.
    generic: bool


class NameIndex:
    """Maps every spelling of a thing (id, name, alias) to its id, and suggests near misses.

    A spelling is exact (the thing's own name, id or alias) or generic: a family name ('Leg curl')
    that stands for the thing as its most common member, which callers tell the user. A name that
    matches no spelling exactly is looked up again with plurals and word order ignored; a loose
    form that two things share finds neither.
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._ids: dict[str, str] = {}
        self._display: dict[str, str] = {}
        self._generic: set[str] = set()
        self._loose: dict[str, Match | None] = {}

    def add(self, spelling: str, target: str, *, generic: bool = False) -> str | None:
        """Register a spelling; returns the id it already meant if it clashes with another target."""
        key = normalize_name(spelling)
        if not key:
            return None
        existing = self._ids.get(key)
        if existing is not None and existing != target:
            return existing
        if existing is None and generic:
            self._generic.add(key)
        elif not generic:
            self._generic.discard(key)
        self._ids[key] = target
        self._display.setdefault(key, spelling)
        loose = loose_key(key)
        before = self._loose.get(loose, Match(target, generic))
        if before is None or before.target != target:
            self._loose[loose] = None  # ambiguous without plurals and word order: only exact spellings find it
        else:
            self._loose[loose] = Match(target, before.generic and generic)
        return None

    def add_all(self, spellings: Iterable[str], target: str) -> str | None:
        """Register several spellings of one target; returns the first clash, if any."""
        clash = None
        for spelling in spellings:
            clash = self.add(spelling, target) or clash
        return clash

    def match(self, name: str) -> Match | None:
        """What a typed name means, and whether it was a family name; None when nothing matches."""
        key = normalize_name(name)
        found = self._ids.get(key)
        if found is not None:
            return Match(found, key in self._generic)
        return self._loose.get(loose_key(key)) if key else None

    def get(self, name: str) -> str | None:
        """The id a spelling means, or None."""
        found = self.match(name)
        return found.target if found is not None else None

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
        return self.resolve_match(name).target

    def resolve_match(self, name: str) -> Match:
        """What a spelling means and whether it was a family name; UnknownNameError otherwise."""
        found = self.match(name)
        if found is None:
            raise UnknownNameError(self.kind, name, self.suggestions(name))
        return found
