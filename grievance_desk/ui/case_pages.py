"""Where the cases list gets its rows: a page source, so the table model does no I/O itself.

`CasesTableModel` asks a source for the first page with the count, for later pages, and for
an exact count; the answers come back by callback on the GUI thread. `RegisterPages` answers
from the open register on the worker thread (``Op.on_register``); a test gives the model a
source of its own (as Vorta tests ``ArchiveTableModel`` through ``set_rows``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, Protocol
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from grievance_desk.services.case_queries import (
    CaseFilter,
    CaseRow,
    SortKey,
    count_matches,
    read_page,
)
from grievance_desk.services.case_queries import first_page as read_first_page
from grievance_desk.services.clock import utc_now
from grievance_desk.services.register_access import Register
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.ops import Op, OpRunner

Failed = Callable[[Exception], object]


class PageQuery(NamedTuple):
    """Which cases, in which order: what every page of one list view shares."""

    filters: CaseFilter
    sort: SortKey
    descending: bool


class FirstPage(NamedTuple):
    """The first answer for a new query: how many match, the officer's zone, the first rows."""

    total: int
    zone: ZoneInfo
    rows: list[CaseRow]


class PageSource(Protocol):
    """What the cases model needs to show a list; every reply arrives on the GUI thread."""

    def first_page(
        self,
        query: PageQuery,
        at_most: int | None,
        reply: Callable[[FirstPage], object],
        failed: Failed,
        owner: QObject,
    ) -> None:
        """Count (stopping at ``at_most`` when given) and read the first page."""

    def page(
        self,
        query: PageQuery,
        number: int,
        reply: Callable[[list[CaseRow]], object],
        failed: Failed,
        owner: QObject,
    ) -> None:
        """Read page ``number`` (PAGE_SIZE rows from ``number * PAGE_SIZE``)."""

    def count(
        self, filters: CaseFilter, reply: Callable[[int], object], failed: Failed, owner: QObject
    ) -> None:
        """Count every match, however many (the end of a capped search was reached)."""


class RegisterPages:
    """Pages from the register the runner holds, read on the worker thread."""

    def __init__(self, runner: OpRunner) -> None:
        self.runner = runner

    def first_page(
        self,
        query: PageQuery,
        at_most: int | None,
        reply: Callable[[FirstPage], object],
        failed: Failed,
        owner: QObject,
    ) -> None:
        def work(register: Register) -> FirstPage:
            return FirstPage(
                *read_first_page(
                    register,
                    query.filters,
                    sort=query.sort,
                    descending=query.descending,
                    at_most=at_most,
                    now=utc_now(),
                )
            )

        Op.on_register(self.runner, work, parent=owner).success(reply).failure(
            failed
        ).with_progress(tr("Loading cases…")).run_in_background()

    def page(
        self,
        query: PageQuery,
        number: int,
        reply: Callable[[list[CaseRow]], object],
        failed: Failed,
        owner: QObject,
    ) -> None:
        def work(register: Register) -> list[CaseRow]:
            return read_page(
                register,
                query.filters,
                sort=query.sort,
                descending=query.descending,
                number=number,
                now=utc_now(),
            )

        Op.on_register(self.runner, work, parent=owner).success(reply).failure(
            failed
        ).run_in_background()

    def count(
        self, filters: CaseFilter, reply: Callable[[int], object], failed: Failed, owner: QObject
    ) -> None:
        def work(register: Register) -> int:
            return count_matches(register, filters, now=utc_now())

        Op.on_register(self.runner, work, parent=owner).success(reply).failure(
            failed
        ).with_progress(tr("Counting matches…")).run_in_background()
