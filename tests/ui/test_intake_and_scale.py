"""Dropping an e-mail starts a case with its files; 100,000 cases page in, not load in."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox

from grievance_desk.services.attachments import list_attachments
from grievance_desk.storage.register import Register
from grievance_desk.ui.case_pages import RegisterPages
from grievance_desk.ui.cases_table_model import PLACEHOLDER, CasesTableModel
from tests.services.test_email_intake import sample_eml
from tests.ui.conftest import settle


def test_dropping_an_eml_creates_a_case_with_its_attachment(
    qtbot, runner, window, ui_register: Register, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    eml = tmp_path / "request.eml"
    eml.write_bytes(sample_eml())
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(eml))])
    drop = QDropEvent(
        QPoint(200, 200).toPointF(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    # The e-mail is read on the worker thread; the dialog opens when it has been.
    qtbot.waitUntil(lambda: getattr(window, "last_dialog", None) is not None, timeout=10_000)
    dialog = window.last_dialog
    assert dialog.form.name.text() == "Test Person Delta"
    assert dialog.files.count() == 2
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    case_file = window.workspace.cases.case_file
    qtbot.waitUntil(lambda: case_file.reference is not None, timeout=10_000)
    files = runner.call(lambda: list_attachments(ui_register, case_file.reference))
    assert sorted(f.filename for f in files) == ["id-proof.pdf", "request.eml"]
    qtbot.waitUntil(lambda: case_file.attachments.topLevelItemCount() == 2, timeout=10_000)


def _fill_100k(register: Register, count: int) -> None:
    """Raw INSERTs in one transaction: the shape of a real register, generated in seconds."""
    with register.engine.begin() as connection:
        connection.exec_driver_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO requester (id, name, email, phone, postal_address, relationship, "
            "organisation) SELECT i, 'Test Person ' || i, 'p' || i || '@example.org', '', '', "
            "'customer', '' FROM n",
            (count,),
        )
        connection.exec_driver_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO grievance_case (id, reference, ref_year, ref_sequence, kind, "
            "request_type, channel, received_at, requester_id, representative, "
            "representative_name, data_categories, description, identity_state, priority, "
            "status, refusal_grounds, tags, legal_hold, created_at, updated_at, next_due_at, "
            "next_due_kind) SELECT i, printf('GRV-2026-%06d', i), 2026, i, 'rights_request', "
            "'access', 'email', "
            "printf('2026-%02d-%02dT10:00:00.000000Z', 1 + i % 11, 1 + i % 28), "
            "i, 'none', '', '[]', 'Fictitious case ' || i, 'not_required', 'normal', "
            "CASE WHEN i % 3 = 0 THEN 'closed' ELSE 'new' END, '[]', '[]', 0, "
            "'2026-11-25T00:00:00.000000Z', '2026-11-25T00:00:00.000000Z', "
            "CASE WHEN i % 3 = 0 THEN NULL "
            "ELSE printf('2026-12-%02dT18:29:59.999999Z', 1 + i % 28) END, "
            "CASE WHEN i % 3 = 0 THEN NULL ELSE 'respond' END FROM n",
            (count,),
        )


@pytest.mark.slow
def test_100k_cases_show_first_rows_without_loading_them_all(qtbot, runner, ui_register) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QTableView

    count = 100_000
    started = time.perf_counter()
    runner.call(lambda: _fill_100k(ui_register, count))
    filled = time.perf_counter() - started

    model = CasesTableModel(RegisterPages(runner))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1000, 600)
    view.show()
    started = time.perf_counter()
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == count, timeout=30_000)
    first_rows = time.perf_counter() - started
    assert model.data(model.index(0, 0)) != PLACEHOLDER
    assert model.cached_rows <= 2 * 200, "only the first page is in memory"

    started = time.perf_counter()
    view.scrollToBottom()
    last = model.index(count - 1, 0)
    model.data(last)
    qtbot.waitUntil(lambda: model.data(last) != PLACEHOLDER, timeout=30_000)
    to_end = time.perf_counter() - started
    assert model.cached_rows < 10 * 200, "scrolling to the end fetched pages, not every row"

    model.sort(2, Qt.SortOrder.AscendingOrder)  # by requester name: a join sorted in SQL
    started = time.perf_counter()
    qtbot.waitUntil(lambda: model.sort_key.value == "requester" and model.loaded, timeout=30_000)
    settle(qtbot, runner)
    sorted_by_name = time.perf_counter() - started
    print(
        f"\n100k: generated {filled:.2f}s, first rows {first_rows * 1000:.0f} ms, "
        f"scroll to end {to_end * 1000:.0f} ms, sort by requester {sorted_by_name * 1000:.0f} ms, "
        f"pages fetched {model.pages_fetched}"
    )
    view.close()
