"""Chart axes: round gridline steps and month labels that are never cut off."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics

from grievance_desk.ui.charts import _axis_labels, _nice_top


@pytest.mark.parametrize(
    ("peak", "top"), [(0, 4), (3, 4), (9, 12), (17, 20), (41, 60), (99, 100), (1234, 1600)]
)
def test_axis_top_is_four_round_steps_at_or_above_the_peak(peak: int, top: int) -> None:
    assert _nice_top(peak) == top
    assert top >= peak and top % 4 == 0


def test_month_labels_shorten_together_and_never_elide(qapp) -> None:  # type: ignore[no-untyped-def]
    metrics = QFontMetrics(qapp.font())
    labels = ["Nov 2025", "Jul 2026"]
    assert _axis_labels(labels, metrics, 500) == labels
    narrow = metrics.horizontalAdvance("Nov ’25") + 1
    assert _axis_labels(labels, metrics, narrow) == ["Nov ’25", "Jul ’26"]
    assert _axis_labels(labels, metrics, 5) == ["Nov", "Jul"]
