"""Tables that fit the terminal: a table where it fits whole, else the same cells stacked, one block per
row, so that no cell is ever cut with "…" on a narrow terminal (80 columns).

rich shrinks a table that is wider than the terminal below its columns' longest words and then cuts
cells; `fit_to_width` wraps each table (also inside a Group) in a renderable that renders it at the
width it is printed at and, if a cell came out cut, prints the blocks instead. rich is imported
inside the functions, as everywhere in the renderers.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.table import Table


class _FitOrStack:
    """A table, or its rows as blocks when the table's narrowest layout is wider than the space."""

    def __init__(self, table: "Table") -> None:
        self.table = table

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        # Rendered once at the width it gets: a cut cell shows as an ellipsis the cells do not hold.
        # (rich's own measure of a table's narrowest layout is clamped to the width it is given, and
        # overstates tables that collapse their padding.)
        from rich.segment import Segment

        lines = console.render_lines(self.table, options, pad=False)
        shown = "".join(segment.text for line in lines for segment in line)
        if shown.count(_ELLIPSIS) > _ellipses_in_cells(self.table):
            yield stacked(self.table)
            return
        # The table fits: its lines as rendered, rather than rendering it a second time.
        new_line = Segment.line()
        for line in lines:
            yield from line
            yield new_line


_ELLIPSIS = "\u2026"


def _ellipses_in_cells(table: "Table") -> int:
    from rich.text import Text

    count = 0
    for column in table.columns:
        for cell in column.cells:
            text = cell.plain if isinstance(cell, Text) else cell if isinstance(cell, str) else ""
            count += text.count(_ELLIPSIS)
    return count


def _as_text(cell: "RenderableType") -> "RenderableType":
    """A str cell as plain text: cells hold names from users' files, never markup or :emoji: codes
    (and a heading is not code for rich's highlighter to colour)."""
    from rich.text import Text

    return Text(cell) if isinstance(cell, str) else cell


def stacked(table: "Table") -> "RenderableType":
    """The table's rows as blocks: the first cell as the block's heading, then one 'Header: value'
    line per other column (values wrap under their own column); the title first."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    columns = list(table.columns)
    cells = [list(column.cells) for column in columns]
    parts: list[RenderableType] = []
    if table.title:
        # A str title is text, never markup (it may hold a user's names); bold, as the tables show
        # their titles here, whatever title style the table has.
        title = Text(table.title) if isinstance(table.title, str) else table.title
        parts.append(Text(title.plain, style="bold", spans=title.spans) if isinstance(title, Text) else title)
    for index in range(table.row_count):
        block = Table.grid(padding=(0, 1))
        block.add_column(no_wrap=True, style="dim")
        block.add_column(overflow="fold")
        for column, column_cells in zip(columns[1:], cells[1:], strict=True):
            header = column.header.plain if isinstance(column.header, Text) else column.header
            header = header if isinstance(header, str) else ""
            label = Text(header.replace("\n", " ") + ":" if header else "")
            block.add_row(label, _as_text(column_cells[index]))
        heading = _as_text(cells[0][index]) if cells else Text("")
        parts.extend([heading, block] if index == 0 else [Text(""), heading, block])
    return Group(*parts)


def fit_to_width(renderable: "RenderableType") -> "RenderableType":
    """The renderable with each table in it (alone or in a Group) printed whole where it fits and
    stacked where it does not."""
    from rich.console import Group
    from rich.table import Table

    if isinstance(renderable, Table):
        return _FitOrStack(renderable)
    if isinstance(renderable, Group):
        return Group(*(fit_to_width(part) for part in renderable.renderables))
    return renderable
