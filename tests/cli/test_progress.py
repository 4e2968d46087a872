"""Long commands draw a bar on a terminal and print nothing when piped."""

from __future__ import annotations

import io

from grievance_desk.cli.progress import progress_bar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_a_bar_that_is_cleared_at_the_end() -> None:
    terminal = Terminal()
    with progress_bar("Importing", terminal) as progress:
        progress(0, 4)
        progress(4, 4)
    drawn = terminal.getvalue()
    assert "Importing [" in drawn and "100% 4/4" in drawn
    assert drawn.endswith("\r\x1b[K")


def test_a_pipe_sees_nothing() -> None:
    pipe = io.StringIO()
    with progress_bar("Importing", pipe) as progress:
        progress(1, 2)
        progress(2, 2)
    assert pipe.getvalue() == ""
