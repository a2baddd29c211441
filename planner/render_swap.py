"""Rich renderables for `legday swap`: the ranked substitutes, and a swap in a plan with its set
changes and the coverage before and after.

Functions here build renderables and never print; the CLI prints them. rich is imported inside each
function so that `swap --json` never loads it.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from exercises.catalog import Catalog, Exercise
from exercises.equipment import needs_text
from planner.swap import Substitute, SwapResult
from planner.wording import band_text, number_text

if TYPE_CHECKING:
    from rich.console import RenderableType


def _per_set(changes: dict[str, float], sign: str, catalog: Catalog) -> list[str]:
    return [f"{sign}{amount:g} {catalog.muscles[muscle].name}" for muscle, amount in changes.items()]


def substitutes_view(exercise: Exercise, substitutes: Sequence[Substitute], catalog: Catalog) -> list["RenderableType"]:
    """The substitutes for an exercise, best first, with what a set of each gains and loses."""
    # Not report_table: it would load planner.coverage and the plan models, which this view needs not.
    # Title, headers and cells are Text, not str: rich reads a str as console markup with :emoji:
    # codes, so a name with '[' in it would be taken for a style, and the first str loads rich's
    # table of emoji codes (~2 ms of a start-up that is mostly this table).
    from rich import box
    from rich.table import Table
    from rich.text import Text

    if not substitutes:
        return [Text(f"No exercise at hand trains what {exercise.name} trains; give more --equipment.")]
    table = Table(
        title=Text(f"Substitutes for {exercise.name} ({exercise.id}), best first", style="bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    table.add_column(Text("Exercise (equipment)"), min_width=24)
    table.add_column(Text("Score"), justify="right")
    table.add_column(Text("Same work"))
    table.add_column(Text("A set of it instead: per muscle"))
    for substitute in substitutes:
        candidate = catalog.exercises[substitute.exercise]
        changes = _per_set(substitute.gains, "+", catalog) + _per_set(substitute.losses, "-", catalog)
        table.add_row(
            Text(f"{candidate.name}\n{candidate.id} ({needs_text(candidate.equipment)})"),
            Text(f"{substitute.score:.2f}"),
            Text("yes" if substitute.same_actions else "no"),
            Text("\n".join(changes) or "the same"),
        )
    note = Text(
        "Score: 1 when a set counts the same for every posterior-leg muscle, 0 when it counts for none "
        "of the same; the same joint actions (same work) rank first. Per muscle: effective sets a set "
        "gains (+) or loses (-) against a set of the original."
    )
    return [table, note]


def swap_view(result: SwapResult, catalog: Catalog, written: str | None) -> list["RenderableType"]:
    """A swap in a plan: what replaced what, the sets changed, the coverage before and after."""
    from rich.text import Text

    from planner.render_coverage import report_table

    old = catalog.exercises[result.exercise]
    new = catalog.exercises[result.substitute]
    days = ", ".join(str(d) for d in result.days)
    why = " (the best-ranked substitute that keeps the muscles in their bands)" if result.chosen_by_rank else ""
    parts: list[RenderableType] = [
        Text(f"{old.name} swapped for {new.name} on day{'s' if len(result.days) > 1 else ''} {days}{why}.")
    ]
    changes = report_table("Sets")
    changes.add_column("Day", justify="right")
    changes.add_column("Exercise", min_width=24)
    changes.add_column("Before", justify="right")
    changes.add_column("After", justify="right")
    for change in result.changes:
        name = catalog.exercises[change.exercise].name
        if change.exercise == result.substitute and change.day in result.days:
            name += f" (in place of {old.name})"
        changes.add_row(str(change.day), Text(name), str(change.before), str(change.after))
    moved = sum(abs(c.after - c.before) for c in result.changes)
    parts += [changes, Text(f"{moved} set{'s' if moved != 1 else ''} changed in all.\n")]
    coverage = report_table(f"Weekly coverage before and after ({result.after.level} level)")
    coverage.add_column("Muscle", min_width=24)
    coverage.add_column("Before", justify="right")
    coverage.add_column("After", justify="right")
    coverage.add_column("Target", justify="right")
    coverage.add_column("Status")
    for before, after in zip(result.before.muscles, result.after.muscles, strict=True):
        status = after.status.value if before.status is after.status else f"{before.status.value} -> {after.status}"
        coverage.add_row(
            Text(after.name),
            number_text(before.effective),
            number_text(after.effective),
            band_text(after.target.min, after.target.max),
            status,
        )
    parts.append(coverage)
    if written is None:
        parts.append(Text("Nothing written: add -o FILE to save the swapped plan."))
    else:
        parts.append(Text(f"Plan written to {written}; check it again with: legday coverage {written}"))
    return parts
