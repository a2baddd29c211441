"""Looking things up by the names people type: ids, names and aliases, in any case or punctuation."""

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from itertools import pairwise
from typing import Final, Literal, NamedTuple

from exercises.exceptions import UnknownNameError

_NOT_ALNUM = re.compile(r"[\W_]+")
#: A spelling that is an id: lower-case words joined by underscores.
_ID = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")


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


#: The part of the body an exercise name says it trains.
BodyPart = Literal["legs", "upper body", "core"]

#: Words that say how an exercise is done, not what it trains: a biceps curl and a leg curl share
#: 'curl', a chest press and a leg press 'press'. Sharing only these makes no near miss.
# fmt: off
GENERIC_WORDS: Final = frozenset((
    "a", "an", "and", "by", "for", "in", "of", "on", "or", "the", "to", "with", "x", "s", "up", "down", "over",
    "curl", "raise", "press", "extension", "flexion", "machine", "cable", "barbell", "dumbbell", "kettlebell", "db",
    "bb", "kb", "ez", "bar", "band", "banded", "resistance", "smith", "seated", "standing", "lying", "single",
    "one", "two", "double", "alternating", "alternate", "incline", "decline", "flat", "reverse", "bench",
    "weighted", "bodyweight", "plate", "loaded", "assisted", "isometric", "hold", "static", "pause", "paused",
    "tempo", "partial", "sl", "sa", "unilateral", "bilateral", "ball", "stability", "swiss", "physioball", "floor",
    "straight", "bent", "wide", "narrow", "close", "grip", "stance", "side", "hand", "high", "low", "lever", "rope",
    "sled", "landmine", "trx", "suspension", "sandbag", "exercise", "variation",
))
# fmt: on

#: Words of the legs and hips, and of the lifts that train them: a name with one trains the legs
#: (so 'Single-arm Romanian deadlift' and 'Biceps femoris' are leg names despite 'arm' and 'biceps').
# fmt: off
LEG_WORDS: Final = frozenset((
    "leg", "legged", "calf", "hamstring", "ham", "toe", "hip", "glute", "gluteal", "gluteus", "knee", "ankle",
    "foot", "feet", "heel", "thigh", "quad", "quadricep", "adductor", "abductor", "adduction", "abduction",
    "soleus", "gastrocnemius", "gastroc", "femoris", "popliteus", "plantaris", "hallucis", "digitorum",
    "plantarflexion", "posterior", "deadlift", "rdl", "sldl", "ghr", "squat", "lunge", "thrust", "bridge", "nordic",
    "hyperextension", "hyper", "swing", "step", "stepup", "pistol", "sissy", "hinge", "curtsy", "plie",
))
# fmt: on

#: Words of the arms, chest, shoulders and upper back: a name with one and no leg word is upper body.
# fmt: off
UPPER_BODY_WORDS: Final = frozenset((
    "arm", "bicep", "tricep", "chest", "pec", "pectoral", "shoulder", "delt", "deltoid", "lat", "forearm", "wrist",
    "neck", "row", "pulldown", "chin", "dip", "fly", "flye", "shrug", "skullcrusher", "hammer",
    "preacher", "concentration", "zottman", "spider", "overhead", "military",
))
# fmt: on

#: Words of the trunk: a name with one and no leg word is core work.
# fmt: off
CORE_WORDS: Final = frozenset((
    "ab", "abdominal", "crunch", "plank", "situp", "oblique", "rollout", "woodchop", "twist", "hanging", "captain",
))
# fmt: on

#: Two words that name another part of the body than each word alone: a hanging leg raise is hip
#: flexion for the abs, a lateral raise is for the shoulders, a cable pull-through is a hip hinge.
PHRASES: Final[Mapping[str, BodyPart]] = {
    "leg raise": "core",
    "knee raise": "core",
    "knee tuck": "core",
    "leg lift": "core",
    "sit up": "core",
    "lateral raise": "upper body",
    "front raise": "upper body",
    "upright row": "upper body",
    "face pull": "upper body",
    "pull up": "upper body",
    "push up": "upper body",
    "pull through": "legs",
}

#: How alike two words must be to count as one word typed two ways ('nordik' and 'nordic').
_WORD_CUTOFF: Final = 0.8
#: How alike two whole names must be, spaces left out, to be one name typed two ways ('goodmorning').
_SQUASHED_CUTOFF: Final = 0.9


def _alike(typed: str, known: str) -> bool:
    """Whether two singular words are one word, allowing a typo in words of four letters or more
    that keeps the first letter ('nordik' is 'nordic'; 'scrunch' is not 'crunch')."""
    if typed == known:
        return True
    if min(len(typed), len(known)) < 4 or typed[0] != known[0]:
        return False
    import difflib

    matcher = difflib.SequenceMatcher(None, typed, known)
    return matcher.quick_ratio() >= _WORD_CUTOFF and matcher.ratio() >= _WORD_CUTOFF


@cache
def _by_first_letter(vocabulary: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """A vocabulary's words by their first letter: a typo keeps it (_alike), so only those compare."""
    grouped: dict[str, list[str]] = {}
    for word in sorted(vocabulary):
        grouped.setdefault(word[0], []).append(word)
    return {letter: tuple(words) for letter, words in grouped.items()}


def _in(word: str, vocabulary: frozenset[str]) -> bool:
    if word in vocabulary:
        return True
    return any(_alike(word, known) for known in _by_first_letter(vocabulary).get(word[:1], ()))


# A "did you mean" classes the same known spellings again for every name typed: remember them.
@lru_cache(maxsize=4096)
def body_part(name: str, *, typed: bool = False) -> BodyPart | None:
    """The part of the body a name says it trains, from its words; None when they do not say.

    A phrase decides first ('hanging leg raise' is core), then a leg word (leg names are what
    legday knows, so they win a tie: 'Biceps femoris'), then upper-body and core words. Words are
    matched allowing a typo ('nordik' is 'nordic'). A `typed` name, one that matched nothing, is also
    read as a biceps curl when it is a curl with no leg word ('Cable curl', 'Preacher curl'); a known
    spelling is not ('Towel curl' is a toe exercise in legday's catalog).
    """
    words = [_singular(word) for word in normalize_name(name).split()]
    for pair in map(" ".join, pairwise(words)):
        if pair in PHRASES:
            return PHRASES[pair]
    if any(_in(word, LEG_WORDS) for word in words):
        return "legs"
    if any(_in(word, UPPER_BODY_WORDS) for word in words):
        return "upper body"
    if any(_in(word, CORE_WORDS) for word in words):
        return "core"
    if typed and "curl" in words:
        return "upper body"
    return None


def related_exercise_names(typed: str, known: str) -> bool:
    """Whether a known exercise spelling is worth offering for a typed name that matched nothing:
    they do not train different parts of the body, and they share a meaningful word (not one of
    GENERIC_WORDS; a typo allowed) or are one name typed with other spaces ('goodmorning')."""
    typed_part = body_part(typed, typed=True)
    known_part = body_part(known)
    if typed_part is not None and known_part is not None and typed_part != known_part:
        return False
    typed_words = {_singular(word) for word in normalize_name(typed).split()} - GENERIC_WORDS
    known_words = {_singular(word) for word in normalize_name(known).split()} - GENERIC_WORDS
    if any(_alike(word, other) for word in typed_words for other in known_words):
        return True
    import difflib

    squashed = difflib.SequenceMatcher(
        None, normalize_name(typed).replace(" ", ""), normalize_name(known).replace(" ", "")
    )
    return squashed.ratio() >= _SQUASHED_CUTOFF


class UnknownNameValue(ValueError):
    """An unknown name met inside a validator: pydantic passes a ValueError on, and this one carries
    the UnknownNameError, so the file's error keeps the name and its suggestions as data."""

    def __init__(self, error: UnknownNameError) -> None:
        super().__init__(error.message)
        self.error = error


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

    def __init__(self, kind: str, *, body_parts: bool = False) -> None:
        self.kind = kind
        #: Names of exercises: near misses must share a meaningful word and a body part.
        self.body_parts = body_parts
        self._ids: dict[str, str] = {}
        self._display: dict[str, str] = {}
        #: The first spelling of each target (a catalog adds an exercise's name first).
        self._first: dict[str, str] = {}
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
        self._first.setdefault(target, spelling)
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
        one ("toe curl"), shortest first; then difflib's closest spellings above `cutoff`. An index of
        exercise names (`body_parts`) offers only spellings that share a meaningful word with `name`
        and train the same part of the body (`related_exercise_names`): "Cable curl" is a biceps
        curl, not a near miss of the cable leg curl.
        """
        import difflib  # only on a miss: keeps start-up cheap

        typed = normalize_name(name)
        if not typed:
            return ()
        words = set(typed.split())
        containing = sorted((k for k in self._ids if words <= set(k.split())), key=len)
        # More near misses than asked for: the body-part filter may refuse the closest ones.
        wanted = limit * 10 if self.body_parts else limit
        close = difflib.get_close_matches(typed, self._ids, n=wanted, cutoff=cutoff)
        chosen: dict[str, str] = {}
        for key in (*containing, *close):
            if self.body_parts and not related_exercise_names(typed, key):
                continue
            shown = self._display[key]
            # An id ('nordic_curl') matched: offer the thing by its first spelling, its name.
            chosen.setdefault(self._ids[key], self._first[self._ids[key]] if _ID.fullmatch(shown) else shown)
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
