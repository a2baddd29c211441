"""Tables that fit the terminal: a table where it fits whole, else the same cells stacked, one block per
row, so that no cell is ever cut with "…" on a narrow terminal (80 columns).

rich shrinks a table that is wider than the terminal below its columns' longest words and then cuts
cells, or squeezes a column to no width at all; `fit_to_width` wraps each table (also inside a Group)
in a renderable that renders it at the width it is printed at and, if any of its text did not come
out, prints the blocks instead. rich is imported inside the functions, as everywhere in the renderers.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.table import Table


class _FitOrStack:
    """A table, or its rows as blocks when the table cannot show all its text in the space."""

    def __init__(self, table: "Table") -> None:
        self.table = table

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        # Rendered once at the width it gets, then checked for every character of its text: a cut
        # cell loses the characters an ellipsis stands for, a column squeezed to no width all of
        # them. (rich's own measure of a table's narrowest layout is clamped to the width it is
        # given, and overstates tables that collapse their padding.)
        from collections import Counter

        from rich.segment import Segment

        lines = console.render_lines(self.table, options, pad=False)
        shown = Counter(_visible("".join(segment.text for line in lines for segment in line)))
        if Counter(_visible(_table_text(self.table))) - shown:
            yield stacked(self.table)
            return
        # The table fits: its lines as rendered, rather than rendering it a second time.
        new_line = Segment.line()
        for line in lines:
            yield from line
            yield new_line


def _plain(renderable: object) -> str:
    from rich.text import Text

    return renderable.plain if isinstance(renderable, Text) else renderable if isinstance(renderable, str) else ""


def _table_text(table: "Table") -> str:
    """The text a table holds: its title, headers and cells."""
    parts = [_plain(table.title)]
    for column in table.columns:
        parts.append(_plain(column.header))
        parts.extend(_plain(cell) for cell in column.cells)
    return " ".join(parts)


def _visible(text: str) -> str:
    """The characters of text that a rendering must show: not spaces, not box-drawing lines."""
    return "".join(char for char in text if not char.isspace() and not "\u2500" <= char <= "\u257f")


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
            header = _plain(column.header)
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
