"""Rich renderables for people: tables of muscles, exercises and their evidence.

Functions here build renderables and never print; the CLI prints them. rich is imported inside each
function so that commands printing JSON never load it.
"""

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from exercises.equipment import needs_text
from exercises.vocabulary import Role
from planner.volume import RoleWeights

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

    from exercises.catalog import Exercise
    from exercises.equipment import EquipmentInfo
    from exercises.muscles import MuscleRegistry


def _words(values: Iterable[str]) -> str:
    return ", ".join(v.replace("_", " ") for v in values)


def _muscle_names(ids: Iterable[str], registry: "MuscleRegistry") -> str:
    return ", ".join(registry[m].name for m in ids)


def posterior_leg_names(ids: Sequence[str], registry: "MuscleRegistry") -> list[str]:
    """Posterior-leg muscle names, a whole group (all four hamstrings) shown as the group's name."""
    from exercises.muscles import GROUPS

    names = []
    shown: set[str] = set()
    for muscle in registry.targets:
        if muscle.id not in ids or muscle.id in shown:
            continue
        members = registry.group_members(muscle.group)
        if len(members) > 1 and all(m in ids for m in members):
            names.append(GROUPS.get(muscle.group, muscle.group))
            shown.update(members)
        else:
            names.append(muscle.name)
            shown.add(muscle.id)
    return names


def counted_muscles(exercise: "Exercise", registry: "MuscleRegistry", *, half: str = "1/2: ") -> str:
    """The posterior-leg muscles an exercise counts: primary ones, then the secondary ones after `half`
    (each group named whole where it can be, see posterior_leg_names); empty when it counts none."""
    primary = posterior_leg_names(exercise.muscles.by_role(Role.PRIMARY), registry)
    secondary = posterior_leg_names(exercise.muscles.by_role(Role.SECONDARY), registry)
    parts = []
    if primary:
        parts.append(", ".join(primary))
    if secondary:
        parts.append(half + ", ".join(secondary))
    return "; ".join(parts)


def muscle_tables(registry: "MuscleRegistry") -> list["Table"]:
    """One table per group: each muscle's joints, actions and function."""
    from rich.table import Table

    from exercises.muscles import GROUPS

    tables = []
    groups = [*GROUPS, *sorted({m.group for m in registry.muscles.values()} - set(GROUPS))]
    for group in groups:
        members = [m for m in registry.muscles.values() if m.group == group]
        title = GROUPS.get(group, group.replace("_", " ").capitalize())
        if not members[0].is_target:
            title += " (neighbour, not a coverage target)"
        table = Table(title=title, title_justify="left", show_lines=True, expand=True)
        table.add_column("Muscle", ratio=2)
        table.add_column("Origin -> insertion", ratio=3)
        table.add_column("Joints", ratio=1)
        table.add_column("Actions", ratio=2)
        table.add_column("Function", ratio=4)
        for m in members:
            table.add_row(
                f"[bold]{m.name}[/]\n[dim]{m.id}[/]",
                f"{m.origin} -> {m.insertion}",
                _words(m.joints),
                _words(m.actions),
                m.function,
            )
        tables.append(table)
    return tables


def exercise_table(exercises: Sequence["Exercise"], registry: "MuscleRegistry") -> "RenderableType":
    """The exercises in one table: equipment, pattern, and the posterior-leg muscles they count."""
    from rich.table import Table

    if not exercises:
        from rich.text import Text

        return Text("No exercise matches these filters.")
    title = f"{len(exercises)} exercises; the posterior-leg muscles each one counts"
    table = Table(title=title, title_justify="left", expand=True)
    # Ids are what people copy: the first columns fit their content, unbroken; the muscles wrap.
    table.add_column("Exercise", no_wrap=True)
    table.add_column("Equipment", ratio=1)
    table.add_column("Pattern", no_wrap=True)
    weights = RoleWeights()
    table.add_column(f"Primary (x{weights.primary:g} a set)", ratio=2)
    table.add_column(f"Secondary (x{weights.secondary:g})", ratio=2)
    for exercise in exercises:
        primary = ", ".join(posterior_leg_names(exercise.muscles.primary, registry))
        if not primary:  # say what drives it, so "-" does not read as "nothing works"
            primary = f"[dim]none here ({_muscle_names(exercise.muscles.primary, registry)})[/]"
        table.add_row(
            f"[bold]{exercise.name}[/]\n[dim]{exercise.id}[/]",
            needs_text(exercise.equipment),
            _words([exercise.pattern]),
            primary,
            ", ".join(posterior_leg_names(exercise.muscles.secondary, registry)) or "-",
        )
    return table


def exercise_details(exercise: "Exercise", registry: "MuscleRegistry") -> list["RenderableType"]:
    """One exercise in full: facts, muscles by role, notes and evidence."""
    from rich.table import Table
    from rich.text import Text

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("Id", exercise.id)
    if exercise.aliases:
        facts.add_row("Also called", ", ".join(exercise.aliases))
    if exercise.generic:
        facts.add_row("Read for", ", ".join(exercise.generic))
    facts.add_row("Equipment", needs_text(exercise.equipment))
    facts.add_row("Pattern", f"{_words([exercise.pattern])} ({exercise.mechanic})")
    facts.add_row("Loads", _words(exercise.actions) or "-")
    if exercise.knee_angle is not None:
        facts.add_row("Knee", exercise.knee_angle.value)
    facts.add_row("Reps", f"{exercise.reps[0]}-{exercise.reps[1]}")
    facts.add_row("Rest", f"{exercise.rest_seconds} s")
    facts.add_row("Level", f"{exercise.difficulty} and up")
    if exercise.conditioning:
        facts.add_row("Conditioning", "counted when logged or listed; plans never prescribe it")
    if exercise.outranked_by:
        facts.add_row("Outranked by", f"{', '.join(exercise.outranked_by)} (plans and suggestions take it first)")

    roles = Table(title="Muscles", title_justify="left")
    roles.add_column("Role")
    roles.add_column("Counts per set")
    roles.add_column("Muscle")
    roles.add_column("Group")
    weights = RoleWeights()
    for role in Role:
        weight = weights.of(role)
        counts = f"{weight:g}" if weight else "0 (listed only)"
        for muscle_id in exercise.muscles.by_role(role):
            muscle = registry[muscle_id]
            name = muscle.name if muscle.is_target else f"{muscle.name} (not a target)"
            roles.add_row(role.value, counts, name, muscle.group.replace("_", " "))

    parts: list[RenderableType] = [Text(exercise.name, style="bold underline"), facts, roles]
    if exercise.notes:
        parts.append(Text(exercise.notes))
    if exercise.evidence:
        title = "Evidence (H growth trial, E muscle activity, A anatomy, X practice)"
        evidence = Table(title=title, title_justify="left", expand=True)
        evidence.add_column("Level")
        evidence.add_column("Source", ratio=3)
        evidence.add_column("For", ratio=2)
        for item in exercise.evidence:
            evidence.add_row(item.level.value, item.source, _muscle_names(item.muscles, registry))
        parts.append(evidence)
    return parts


def equipment_table(items: Iterable["EquipmentInfo"]) -> "RenderableType":
    """The equipment vocabulary: the name to type, what it is, and the other names understood."""
    from rich.table import Table

    table = Table(
        title="Equipment: give --equipment the name (or another it understands; plurals and any case work)",
        title_justify="left",
        expand=True,
    )
    table.add_column("Name", no_wrap=True)
    table.add_column("What it is", ratio=2)
    table.add_column("Also understood", ratio=1)
    for info in items:
        table.add_row(f"[bold]{info.id.value}[/]", info.description, ", ".join(info.aliases) or "-")
    return table
