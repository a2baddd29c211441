"""Rich renderables for people: tables of muscles, exercises and their evidence.

Functions here build renderables and never print; the CLI prints them. rich is imported inside each
function so that commands printing JSON never load it. Every title and cell is a rich Text, never a
str: rich would read a str as console markup with :emoji: codes, and names, aliases, notes and
sources come from users' catalogs ('Towel curl [bold] :fire:' must show as it was written).
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
    from rich.text import Text

    from exercises.muscles import GROUPS

    tables = []
    groups = [*GROUPS, *sorted({m.group for m in registry.muscles.values()} - set(GROUPS))]
    for group in groups:
        members = [m for m in registry.muscles.values() if m.group == group]
        title = GROUPS.get(group, group.replace("_", " ").capitalize())
        if not members[0].is_target:
            title += " (neighbour, not a coverage target)"
        table = Table(title=Text(title, style="table.title"), title_justify="left", show_lines=True, expand=True)
        table.add_column("Muscle", ratio=2)
        table.add_column("Origin -> insertion", ratio=3)
        table.add_column("Joints", ratio=1)
        table.add_column("Actions", ratio=2)
        table.add_column("Function", ratio=4)
        for m in members:
            table.add_row(
                Text.assemble((m.name, "bold"), "\n", (m.id, "dim")),
                Text(f"{m.origin} -> {m.insertion}"),
                Text(_words(m.joints)),
                Text(_words(m.actions)),
                Text(m.function),
            )
        tables.append(table)
    return tables


def exercise_table(exercises: Sequence["Exercise"], registry: "MuscleRegistry") -> "RenderableType":
    """The exercises in one table: equipment, pattern, and the posterior-leg muscles they count."""
    from rich.table import Table
    from rich.text import Text

    if not exercises:
        return Text("No exercise matches these filters.")
    title = f"{len(exercises)} exercises; the posterior-leg muscles each one counts"
    table = Table(title=Text(title, style="table.title"), title_justify="left", expand=True)
    # Ids are what people copy: the first columns fit their content, unbroken; the muscles wrap.
    table.add_column("Exercise", no_wrap=True)
    table.add_column("Equipment", ratio=1)
    table.add_column("Pattern", no_wrap=True)
    weights = RoleWeights()
    table.add_column(f"Primary (x{weights.primary:g} a set)", ratio=2)
    table.add_column(f"Secondary (x{weights.secondary:g})", ratio=2)
    for exercise in exercises:
        primary = Text(", ".join(posterior_leg_names(exercise.muscles.primary, registry)))
        if not primary.plain:  # say what drives it, so "-" does not read as "nothing works"
            primary = Text.assemble((f"none here ({_muscle_names(exercise.muscles.primary, registry)})", "dim"))
        table.add_row(
            Text.assemble((exercise.name, "bold"), "\n", (exercise.id, "dim")),
            Text(needs_text(exercise.equipment)),
            Text(_words([exercise.pattern])),
            primary,
            Text(", ".join(posterior_leg_names(exercise.muscles.secondary, registry)) or "-"),
        )
    return table


def exercise_details(exercise: "Exercise", registry: "MuscleRegistry") -> list["RenderableType"]:
    """One exercise in full: facts, muscles by role, notes and evidence."""
    from rich.table import Table
    from rich.text import Text

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    rows = [("Id", exercise.id)]
    if exercise.aliases:
        rows.append(("Also called", ", ".join(exercise.aliases)))
    if exercise.generic:
        rows.append(("Read for", ", ".join(exercise.generic)))
    rows.append(("Equipment", needs_text(exercise.equipment)))
    rows.append(("Pattern", f"{_words([exercise.pattern])} ({exercise.mechanic})"))
    rows.append(("Loads", _words(exercise.actions) or "-"))
    if exercise.knee_angle is not None:
        rows.append(("Knee", exercise.knee_angle.value))
    rows.append(("Reps", f"{exercise.reps[0]}-{exercise.reps[1]}"))
    rows.append(("Rest", f"{exercise.rest_seconds} s"))
    rows.append(("Level", f"{exercise.difficulty} and up"))
    if exercise.conditioning:
        rows.append(("Conditioning", "counted when logged or listed; plans never prescribe it"))
    if exercise.outranked_by:
        rows.append(("Outranked by", f"{', '.join(exercise.outranked_by)} (plans and suggestions take it first)"))
    for fact, value in rows:
        facts.add_row(Text(fact), Text(value))

    roles = Table(title=Text("Muscles", style="table.title"), title_justify="left")
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
            roles.add_row(Text(role.value), Text(counts), Text(name), Text(muscle.group.replace("_", " ")))

    parts: list[RenderableType] = [Text(exercise.name, style="bold underline"), facts, roles]
    if exercise.notes:
        parts.append(Text(exercise.notes))
    if exercise.evidence:
        title = "Evidence (H growth trial, E muscle activity, A anatomy, X practice)"
        evidence = Table(title=Text(title, style="table.title"), title_justify="left", expand=True)
        evidence.add_column("Level")
        evidence.add_column("Source", ratio=3)
        evidence.add_column("For", ratio=2)
        for item in exercise.evidence:
            evidence.add_row(Text(item.level.value), Text(item.source), Text(_muscle_names(item.muscles, registry)))
        parts.append(evidence)
    return parts


def equipment_table(items: Iterable["EquipmentInfo"]) -> "RenderableType":
    """The equipment vocabulary: the name to type, what it is, and the other names understood."""
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text(
            "Equipment: give --equipment the name (or another it understands; plurals and any case work)",
            style="table.title",
        ),
        title_justify="left",
        expand=True,
    )
    table.add_column("Name", no_wrap=True)
    table.add_column("What it is", ratio=2)
    table.add_column("Also understood", ratio=1)
    for info in items:
        table.add_row(
            Text.assemble((info.id.value, "bold")), Text(info.description), Text(", ".join(info.aliases) or "-")
        )
    return table
