"""Swapping an exercise: substitutes ranked by how alike they train the back of the leg, and a swap
in a plan that refits the sets so every muscle stays in its weekly band with the fewest changes.

A substitute is alike when it loads the same joint actions of the posterior-leg muscles (a straight-
or bent-knee calf raise counts as different work) and gives each muscle nearly the same credit per
set (primary 1, secondary 0.5, stabilizer 0: what a set counts for the muscle). The credit distance
is the Bray-Curtis dissimilarity of the two credit vectors, so `score` = 1 - distance lies in 0..1,
1 for the same credit muscle by muscle. Substitutes with the same actions come first, then by score.

In a plan, the swapped entry takes the substitute, and an exact small integer program (HiGHS, via
planner.solver) chooses every entry's sets with the fewest sets changed in all: 1 to 5 (the planner's
most sets of an exercise in a day; an entry that already has more may keep them). Every rule holds
that held before: a muscle in its band stays in it (one outside it gets no farther out), no
day gives a muscle more effective sets than the per-session cap (or than it already did), and no
day grows past the plan's session length (or its own length, if already longer).
"""

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from exercises.catalog import Catalog, Exercise
from exercises.equipment import needs_text
from exercises.exceptions import InputError, UnmetRequestError
from exercises.names import normalize_name
from exercises.vocabulary import Equipment, EvidenceLevel, KneeAngle
from planner.volume import Level, VolumeSettings

if TYPE_CHECKING:
    # Only a swap in a plan needs the plan models; ranking substitutes alone must start fast.
    from planner.coverage import CoverageReport
    from planner.plan_file import Plan, PlanEntry

#: The volume model's defaults (role weights 1 / 0.5 / 0, a per-session cap of 10).
DEFAULT_SETTINGS = VolumeSettings()
#: How many substitutes `legday swap` shows unless asked for more.
DEFAULT_SHOWN = 5
_EVIDENCE_ORDER = (EvidenceLevel.H, EvidenceLevel.E, EvidenceLevel.A, EvidenceLevel.X)


def set_credit(exercise: Exercise, catalog: Catalog, settings: VolumeSettings = DEFAULT_SETTINGS) -> dict[str, float]:
    """What one set counts for each posterior-leg muscle (role weight), in registry order; zeros left out."""
    credit = settings.set_credit(exercise)
    return {muscle.id: credit[muscle.id] for muscle in catalog.muscles.targets if muscle.id in credit}


def work_done(exercise: Exercise, catalog: Catalog) -> frozenset[str]:
    """The posterior-leg work an exercise loads: the joint actions some posterior-leg muscle performs,
    plantarflexion named with its knee angle where the exercise gives one."""
    performed = {action for muscle in catalog.muscles.targets for action in muscle.actions}
    work = set()
    for action in exercise.actions:
        if action not in performed:
            continue
        if action == "plantarflexion" and exercise.knee_angle is not None:
            work.add(f"plantarflexion, knee {KneeAngle(exercise.knee_angle).value}")
        else:
            work.add(action.value)
    return frozenset(work)


def credit_similarity(first: Mapping[str, float], second: Mapping[str, float]) -> float:
    """1 - the Bray-Curtis dissimilarity of two credit vectors: 1 when alike muscle by muscle, 0 when
    they share no muscle; 1 when neither credits any."""
    muscles = set(first) | set(second)
    total = sum(first.get(m, 0.0) + second.get(m, 0.0) for m in muscles)
    if total == 0:
        return 1.0
    return 1.0 - sum(abs(first.get(m, 0.0) - second.get(m, 0.0)) for m in muscles) / total


class Substitute(NamedTuple):
    """One substitute for an exercise: how alike it is, and what a set of it gains and loses per
    muscle against a set of the original (effective sets per set, positive numbers)."""

    exercise: str
    score: float
    same_actions: bool
    gains: dict[str, float]
    losses: dict[str, float]

    def to_data(self) -> dict[str, Any]:
        """The `swap --json` entry: {exercise, score, same_actions, gains, losses}."""
        return {
            "exercise": self.exercise,
            "score": _whole_if_whole(self.score),
            "same_actions": self.same_actions,
            "gains": {muscle: _whole_if_whole(amount) for muscle, amount in self.gains.items()},
            "losses": {muscle: _whole_if_whole(amount) for muscle, amount in self.losses.items()},
        }


def _whole_if_whole(value: float) -> int | float:
    """1 rather than 1.0, as the other JSON documents write counts (without loading planner.coverage)."""
    return int(value) if value.is_integer() else value


def _evidence_rank(exercise: Exercise) -> int:
    return min((_EVIDENCE_ORDER.index(item.level) for item in exercise.evidence), default=len(_EVIDENCE_ORDER))


def _name_likeness(first: str, second: str) -> float:
    """The share of words two names have in common, of all the words either has."""
    return _jaccard(frozenset(normalize_name(first).split()), frozenset(normalize_name(second).split()))


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 1.0


def rank_substitutes(
    exercise: Exercise,
    catalog: Catalog,
    *,
    equipment: Collection[Equipment] | None = None,
    settings: VolumeSettings = DEFAULT_SETTINGS,
) -> tuple[Substitute, ...]:
    """Every other catalog exercise that shares posterior-leg work or credit with `exercise` (and is
    doable with `equipment`, when given), best first: the same actions first, then the nearest
    credit, then the most actions shared, the strongest evidence, and catalog order."""
    original = set_credit(exercise, catalog, settings)
    whole = _weights(exercise, settings)
    work = work_done(exercise, catalog)
    ranked: list[tuple[tuple[bool, float, float, float, bool, float, int, int], Substitute]] = []
    for order, candidate in enumerate(catalog.exercises.values()):
        if candidate.id == exercise.id or candidate.conditioning:
            # Conditioning (sprints, sled drags) counts when logged but is never prescribed.
            continue
        if equipment is not None and not candidate.available_with(equipment):
            continue
        credit = set_credit(candidate, catalog, settings)
        their_work = work_done(candidate, catalog)
        if not (work & their_work) and not (set(original) & set(credit)):
            continue
        similarity = credit_similarity(original, credit)
        same = their_work == work
        gains = {}
        losses = {}
        for muscle in catalog.muscles.targets:
            change = credit.get(muscle.id, 0.0) - original.get(muscle.id, 0.0)
            if change > 0:
                gains[muscle.id] = change
            elif change < 0:
                losses[muscle.id] = -change
        substitute = Substitute(candidate.id, round(similarity, 3), same, gains, losses)
        # Ties (a dumbbell RDL and a stiff-leg deadlift credit the back of the leg alike) go to the
        # one more alike in everything else: the other muscles it works, its movement pattern, and
        # its name ("Dumbbell Romanian deadlift" is the same lift with another tool); then evidence.
        key = (
            not same,
            -similarity,
            -_jaccard(work, their_work),
            -credit_similarity(whole, _weights(candidate, settings)),
            candidate.pattern is not exercise.pattern,
            -_name_likeness(exercise.name, candidate.name),
            _evidence_rank(candidate),
            order,
        )
        ranked.append((key, substitute))
    return tuple(substitute for _, substitute in sorted(ranked, key=lambda item: item[0]))


# --- A swap in a plan ---------------------------------------------------------------------------


class SetChange(NamedTuple):
    """An entry whose sets the swap changed (or the substitute, which takes the swapped entry's sets
    as its starting point); `day` is 1-based."""

    day: int
    exercise: str
    before: int
    after: int


class SwapResult(NamedTuple):
    """A swap in a plan: the new plan, what changed, and the coverage before and after."""

    exercise: str
    substitute: str
    days: tuple[int, ...]
    plan: "Plan"
    changes: tuple[SetChange, ...]
    before: "CoverageReport"
    after: "CoverageReport"
    #: True when no --with was given and the best-ranked substitute that fits was taken.
    chosen_by_rank: bool

    def to_data(self) -> dict[str, Any]:
        """The `swap --plan --json` document."""
        return {
            "exercise": self.exercise,
            "with": self.substitute,
            "days": list(self.days),
            "changes": [change._asdict() for change in self.changes],
            "plan": self.plan.to_data(),
            "coverage": {"before": self.before.to_data(), "after": self.after.to_data()},
        }


class _Slot(NamedTuple):
    """One entry of the swapped plan for the refit: where it is, what it is, its sets before."""

    day: int
    exercise: Exercise
    before: int
    rest: int
    swapped: bool


def _rest(entry: "PlanEntry", exercise: Exercise) -> int:
    return entry.rest_seconds if entry.rest_seconds is not None else exercise.rest_seconds


def _effective_by_day(
    slots: Sequence[_Slot], sets: Sequence[int], days: int, settings: VolumeSettings
) -> list[dict[str, float]]:
    loads: list[dict[str, float]] = [{} for _ in range(days)]
    for slot, count in zip(slots, sets, strict=True):
        for muscle, weight in _weights(slot.exercise, settings).items():
            loads[slot.day][muscle] = loads[slot.day].get(muscle, 0.0) + weight * count
    return loads


def _weights(exercise: Exercise, settings: VolumeSettings) -> dict[str, float]:
    """Role weight per tagged muscle (every muscle, not only the posterior leg: the cap is for all)."""
    return settings.set_credit(exercise)


def _day_seconds(slots: Sequence[_Slot], sets: Sequence[int], day: int) -> int:
    return sum(count * (s.exercise.set_seconds + s.rest) for s, count in zip(slots, sets, strict=True) if s.day == day)


def _refit(
    slots: Sequence[_Slot],
    original: Sequence[_Slot],
    days: int,
    catalog: Catalog,
    level: Level,
    minutes: int | None,
    settings: VolumeSettings,
) -> list[int] | None:
    """The sets of every slot with the fewest changes from their `before` under the rules of the
    module docstring, judged against the `original` plan's slots; None when no sets can."""
    from planner.plan_file import MAX_SETS
    from planner.plan_model import MAX_EXERCISE_SETS, tie_weight
    from planner.solver import IntegerProgram, break_ties, solve

    old_sets = [s.before for s in original]
    old_loads = _effective_by_day(original, old_sets, days, settings)
    old_week: dict[str, float] = {}
    for load in old_loads:
        for muscle_id, value in load.items():
            old_week[muscle_id] = old_week.get(muscle_id, 0.0) + value
    model = IntegerProgram.empty()
    inf = math.inf
    # A set changed on another exercise costs a hair more than one on the substitute: among refits
    # with the fewest changes, the substitute's sets move first. The hair is small enough that all
    # of them together never outweigh one set.
    hair = 1.0 / (1 + MAX_SETS * len(slots))
    columns = []
    for k, slot in enumerate(slots):
        # The planner's most sets of an exercise in a day, unless the plan already gives more.
        most = min(max(MAX_EXERCISE_SETS, slot.before), MAX_SETS)
        sets = model.variable(f"sets_{k}", 1, most, integer=True)
        more = model.variable(f"more_{k}", 0, inf, integer=False, cost=1.0 if slot.swapped else 1.0 + hair)
        fewer = model.variable(f"fewer_{k}", 0, inf, integer=False, cost=1.0 if slot.swapped else 1.0 + hair)
        model.row(min(slot.before, MAX_SETS), min(slot.before, MAX_SETS), {sets: 1.0, more: -1.0, fewer: 1.0})
        columns.append(sets)
    weights = [_weights(slot.exercise, settings) for slot in slots]
    for muscle in catalog.muscles.targets:
        target = settings.target(muscle.id, level)
        before = old_week.get(muscle.id, 0.0)
        low = target.min if before >= target.min else before
        high = target.max if before <= target.max else before
        terms = {columns[k]: w[muscle.id] for k, w in enumerate(weights) if muscle.id in w}
        if terms:
            model.row(low, high, terms)
        elif low > 0:
            return None
    tagged = sorted({m for w in weights for m in w})
    for day in range(days):
        for muscle_id in tagged:
            terms = {columns[k]: w[muscle_id] for k, w in enumerate(weights) if muscle_id in w and slots[k].day == day}
            if terms:
                model.row(-inf, max(settings.session_cap, old_loads[day].get(muscle_id, 0.0)), terms)
        if minutes is not None:
            limit = max(minutes * 60, _day_seconds(original, old_sets, day))
            terms = {columns[k]: float(s.exercise.set_seconds + s.rest) for k, s in enumerate(slots) if s.day == day}
            model.row(-inf, limit, terms)
    values = solve(model)
    if values is None:
        return None
    # Among refits with equally few changes, the least in the plan model's tie-break, not the solver's.
    ties = {column: tie_weight(slot.exercise.id, slot.day) for column, slot in zip(columns, slots, strict=True)}
    break_ties(model, values, ties)
    values = solve(model) or values
    return [round(values[column]) for column in columns]


def _slots_of(plan: "Plan", catalog: Catalog) -> list[_Slot]:
    return [
        _Slot(d, catalog.exercises[entry.exercise], entry.sets, _rest(entry, catalog.exercises[entry.exercise]), False)
        for d, day in enumerate(plan.days)
        for entry in day.exercises
    ]


def _swapped_plan(plan: "Plan", exercise: Exercise, substitute: Exercise, days: Iterable[int]) -> "Plan":
    """The plan with the substitute in place of the exercise on `days` (0-based), merged into the
    substitute's own entry where the day already has one; sets as before, refit later."""
    from planner.plan_file import MAX_SETS, PlanEntry

    chosen = set(days)
    new_days = []
    for d, day in enumerate(plan.days):
        if d not in chosen:
            new_days.append(day)
            continue
        old = next(entry for entry in day.exercises if entry.exercise == exercise.id)
        existing = next((entry for entry in day.exercises if entry.exercise == substitute.id), None)
        entries = []
        for entry in day.exercises:
            if entry.exercise == exercise.id:
                if existing is not None:
                    continue
                entries.append(
                    PlanEntry(
                        exercise=substitute.id,
                        sets=entry.sets,
                        reps=substitute.reps if entry.reps is not None else None,
                        rest_seconds=substitute.rest_seconds if entry.rest_seconds is not None else None,
                    )
                )
            elif existing is not None and entry is existing:
                entries.append(entry.model_copy(update={"sets": min(entry.sets + old.sets, MAX_SETS)}))
            else:
                entries.append(entry)
        new_days.append(day.model_copy(update={"exercises": tuple(entries)}))
    return plan.model_copy(update={"days": tuple(new_days)})


def _plan_equipment(plan: "Plan", equipment: Collection[Equipment] | None) -> Collection[Equipment] | None:
    """The equipment at hand for a swap in a plan: --equipment when given, else the plan's settings."""
    if equipment is not None:
        return equipment
    return plan.settings.equipment if plan.settings is not None else None


def swap_in_plan(
    plan: "Plan",
    exercise_name: str,
    catalog: Catalog,
    *,
    day: int | None = None,
    substitute_name: str | None = None,
    equipment: Collection[Equipment] | None = None,
    settings: VolumeSettings = DEFAULT_SETTINGS,
    source: str = "the plan",
) -> SwapResult:
    """Swap an exercise of a plan (on `day`, 1-based, or every day that has it) for `substitute_name`
    or, without one, the best-ranked substitute that the sets can be refit around; then refit the
    sets (see the module docstring).

    The plan's limits: the per-session cap, the most sets of an exercise a day and the session length
    (each as the plan had it, where it already went past).

    Raises InputError (exit 2) for an unknown name, an exercise not in the plan or not on `day`, a
    day out of range (each naming the plan as `source`: its file, say), a substitute that is the
    exercise itself or needs equipment not at hand; and UnmetRequestError (exit 1) when no refit
    keeps the muscles in their bands within those limits.
    """
    from exercises.ways_out import MoreEquipment, OtherSubstitute
    from planner.coverage import plan_level

    # Both names at once: when both are unknown, one run says so.
    exercise, *others = catalog.exercises_named((exercise_name, *filter(None, (substitute_name,))))
    substitute = others[0] if others else None
    if day is not None and not 1 <= day <= len(plan.days):
        raise InputError(f"{source} has days 1 to {len(plan.days)}, not {day}", parameters=("day",))
    having = [d for d, plan_day in enumerate(plan.days) if any(e.exercise == exercise.id for e in plan_day.exercises)]
    if not having:
        ids = dict.fromkeys(entry.exercise for plan_day in plan.days for entry in plan_day.exercises)
        listed = ", ".join(catalog.exercises[exercise_id].name for exercise_id in ids)
        raise InputError(f"{exercise.name} is not in {source}; its exercises: {listed}")
    if day is not None and day - 1 not in having:
        on = ", ".join(str(d + 1) for d in having)
        raise InputError(f"{exercise.name} is not on day {day} of {source}; it is on day {on}")
    days = (day - 1,) if day is not None else tuple(having)
    at_hand = _plan_equipment(plan, equipment)
    if substitute is not None:
        if substitute.id == exercise.id:
            raise InputError(f"{substitute_name} is the exercise being swapped; name another", parameters=("with",))
        if at_hand is not None and not substitute.available_with(at_hand):
            raise InputError(
                f"{substitute.id} needs {needs_text(substitute.equipment)}, which is not in the equipment at hand",
                parameters=("with", "equipment"),
            )
    level = plan_level(plan)
    minutes = plan.settings.minutes if plan.settings is not None else None
    original = _slots_of(plan, catalog)
    if substitute is not None:
        candidates = [substitute]
    else:
        on_days = {e.exercise for d in days for e in plan.days[d].exercises}
        ranked = rank_substitutes(exercise, catalog, equipment=at_hand, settings=settings)
        candidates = [catalog.exercises[s.exercise] for s in ranked if s.exercise not in on_days]
        if not candidates:
            raise UnmetRequestError(
                f"no exercise at hand can stand in for {exercise.id}", ways_out=((MoreEquipment(),),)
            )
    for candidate in candidates:
        swapped = _swapped_plan(plan, exercise, candidate, days)
        slots = [
            s._replace(swapped=s.exercise.id == candidate.id and s.day in days) for s in _slots_of(swapped, catalog)
        ]
        slots = [s._replace(before=_before(s, original, exercise, days)) for s in slots]
        sets = _refit(slots, original, len(plan.days), catalog, level, minutes, settings)
        if sets is not None:
            return _result(plan, swapped, slots, sets, exercise, candidate, days, catalog, substitute is None)
    if substitute is not None:
        alternative = _first_that_fits(plan, exercise, days, at_hand, original, level, minutes, catalog, settings)
        hint = "" if alternative else ": no substitute at hand can"
        raise UnmetRequestError(
            f"no sets of {substitute.id} in place of {exercise.id} keep every muscle in its weekly band "
            f"at the {level} level within the plan's limits{hint}",
            ways_out=((OtherSubstitute(alternative),),) if alternative else (),
        )
    raise UnmetRequestError(
        f"no substitute at hand for {exercise.id} keeps every muscle in its weekly band at the {level} level "
        "within the plan's limits",
        ways_out=((MoreEquipment(),),),
    )


def _before(slot: _Slot, original: Sequence[_Slot], exercise: Exercise, days: Collection[int]) -> int:
    """An entry's sets before the swap: the swapped exercise's for the substitute that took its place
    (plus the substitute's own where they merged), its own otherwise."""
    own = sum(o.before for o in original if o.day == slot.day and o.exercise.id == slot.exercise.id)
    if slot.swapped:
        own += sum(o.before for o in original if o.day == slot.day and o.exercise.id == exercise.id)
    return own


def _first_that_fits(
    plan: "Plan",
    exercise: Exercise,
    days: Sequence[int],
    at_hand: Collection[Equipment] | None,
    original: Sequence[_Slot],
    level: Level,
    minutes: int | None,
    catalog: Catalog,
    settings: VolumeSettings,
) -> str | None:
    """The best-ranked substitute that the sets can be refit around, for the way out of a failed --with."""
    on_days = {e.exercise for d in days for e in plan.days[d].exercises}
    for ranked in rank_substitutes(exercise, catalog, equipment=at_hand, settings=settings):
        if ranked.exercise in on_days:
            continue
        candidate = catalog.exercises[ranked.exercise]
        swapped = _swapped_plan(plan, exercise, candidate, days)
        slots = [
            s._replace(swapped=s.exercise.id == candidate.id and s.day in days) for s in _slots_of(swapped, catalog)
        ]
        slots = [s._replace(before=_before(s, original, exercise, days)) for s in slots]
        if _refit(slots, original, len(plan.days), catalog, level, minutes, settings) is not None:
            return candidate.id
    return None


def _result(
    plan: "Plan",
    swapped: "Plan",
    slots: Sequence[_Slot],
    sets: Sequence[int],
    exercise: Exercise,
    substitute: Exercise,
    days: Sequence[int],
    catalog: Catalog,
    chosen_by_rank: bool,
) -> SwapResult:
    from planner.coverage import coverage_report

    counts = iter(sets)
    new_days = []
    for plan_day in swapped.days:
        entries = tuple(entry.model_copy(update={"sets": next(counts)}) for entry in plan_day.exercises)
        new_days.append(plan_day.model_copy(update={"exercises": entries}))
    refit = swapped.model_copy(update={"days": tuple(new_days)})
    changes = tuple(
        SetChange(slot.day + 1, slot.exercise.id, slot.before, count)
        for slot, count in zip(slots, sets, strict=True)
        if slot.swapped or count != slot.before
    )
    return SwapResult(
        exercise=exercise.id,
        substitute=substitute.id,
        days=tuple(d + 1 for d in days),
        plan=refit,
        changes=changes,
        before=coverage_report(plan, catalog),
        after=coverage_report(refit, catalog),
        chosen_by_rank=chosen_by_rank,
    )
