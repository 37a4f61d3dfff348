"""A user puts a layer that cannot read table data (conv2d) into a tabular model.

The layer table is an st.data_editor: a canvas grid (Glide Data Grid), so cells are reached
by position (header and rows are 35 px high) and edited like a person would: double-click
the cell, type to filter the choices, press Enter.
"""

from __future__ import annotations

import json

import pytest

from tests.e2e.browser_helpers import (
    alert_texts,
    assert_no_exception,
    click_button,
    goto_page,
    load_builtin,
    run_and_wait,
    sidebar_text,
    wait_for_app_idle,
)

pytestmark = pytest.mark.e2e

ROW_PX = 35  # Streamlit's data grid: header and row height
LAYER_COLUMN_X = 70  # the "Layer" column, right of the row-marker column


def layer_grid(page):
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    wait_for_app_idle(page)
    return grid


def set_layer_kind(page, row: int, kind: str) -> None:
    """Row 1 is the first layer. Opens the cell's dropdown editor and picks `kind`."""
    box = layer_grid(page).bounding_box()
    page.mouse.dblclick(box["x"] + LAYER_COLUMN_X, box["y"] + ROW_PX * row + ROW_PX // 2)
    page.get_by_role("option", name=kind, exact=True).wait_for(timeout=5_000)
    page.keyboard.type(kind)
    run_and_wait(page, lambda: page.keyboard.press("Enter"), what=f"setting row {row} to {kind}")


def add_layer_row(page) -> None:
    grid = layer_grid(page)
    grid.hover()  # the toolbar with "Add row" shows on hover
    run_and_wait(page, grid.get_by_role("button", name="Add row", exact=True).click, what="adding a row")


def architecture(page) -> list[str]:
    """Layer kinds of the model the app keeps (its 'Architecture as JSON' block)."""
    return [layer["kind"] for layer in json.loads(page.locator('[data-testid="stCode"]').first.text_content())["layers"]]


def conv2d_errors(page) -> list[str]:
    return [text for text in alert_texts(page, "error") if "Conv2D" in text]


@pytest.fixture
def iris_model_page(page):
    load_builtin(page, "Tables · Iris flowers", "Iris flowers")
    goto_page(page, "Model")
    assert architecture(page) == ["dense", "dense"]
    assert "Small MLP · 2 hidden layers" in sidebar_text(page)
    return page


def test_conv2d_in_a_tabular_model_gets_a_clear_error(iris_model_page, snap):
    page = iris_model_page
    set_layer_kind(page, 1, "conv2d")

    errors = conv2d_errors(page)
    assert len(errors) == 1, alert_texts(page)
    assert "needs images" in errors[0] and "tabular data with 4 features" in errors[0], errors[0]
    assert "previous working model is kept" in errors[0]
    assert_no_exception(page, "Model")
    assert architecture(page) == ["dense", "dense"]  # the working model is untouched
    assert "Small MLP · 2 hidden layers" in sidebar_text(page)
    snap(page, "error")

    click_button(page, "Reset to preset")  # and the user can get out of it
    assert conv2d_errors(page) == []
    assert architecture(page) == ["dense", "dense"]
    assert_no_exception(page, "Model after reset")


# Guards the fix for streamlit/streamlit#7749: the layer table keeps an edit made right after
# 'Add row' (app_pages/model.py keeps the editor's input fixed per editor_version).
def test_added_row_set_to_conv2d_gets_a_clear_error(iris_model_page):
    page = iris_model_page
    add_layer_row(page)
    assert architecture(page) == ["dense", "dense", "dense"]
    set_layer_kind(page, 3, "conv2d")

    errors = conv2d_errors(page)
    assert len(errors) == 1 and "Layer 3 (Conv2D) needs images" in errors[0], alert_texts(page)
    assert architecture(page) == ["dense", "dense", "dense"]
    assert_no_exception(page, "Model")


UNITS_COLUMN_X = 170  # the "Units / filters" column, right of the "Layer" column


def _edit_units(page, row: int, units: int) -> None:
    box = layer_grid(page).bounding_box()
    page.mouse.dblclick(box["x"] + UNITS_COLUMN_X, box["y"] + ROW_PX * row + ROW_PX // 2)
    # The cell's editor (an input in the grid's overlay) must be open before typing into it, and
    # must hold the new value before Enter: keys typed while the overlay was still taking focus
    # were lost, and Enter then committed the old value, which is no edit and brings no rerun.
    editor = page.locator("#portal input, #portal textarea").first
    editor.wait_for(state="visible", timeout=5_000)
    editor.fill(str(units))
    page.wait_for_function("([el, v]) => el.value === v", arg=[editor.element_handle(), str(units)], timeout=5_000)
    run_and_wait(page, lambda: editor.press("Enter"), what=f"setting row {row}'s units to {units}")


def units(page) -> list[int]:
    return [layer["units"] for layer in json.loads(page.locator('[data-testid="stCode"]').first.text_content())["layers"]]


@pytest.mark.xfail(strict=False, reason="passes alone; after this file's other tests the first edit's Enter "
                   "sometimes brings no rerun within 15 s (seen at the merge of 2026-12-02, cause not found yet)")
def test_editing_cells_one_after_another_keeps_every_edit_and_the_table_in_place(page):
    """Issue 21: the edited-layers line came one rerun late and pushed the table down under the
    pointer of someone double-clicking the next cell. It now holds its place from the start."""
    goto_page(page, "Model")
    top = layer_grid(page).bounding_box()["y"]
    _edit_units(page, 1, 17)
    assert layer_grid(page).bounding_box()["y"] == top
    _edit_units(page, 2, 5)
    assert layer_grid(page).bounding_box()["y"] == top
    page.wait_for_timeout(500)
    assert units(page) == [17, 5]
    assert "You have edited the layers: this is now a custom model." in page.locator('[data-testid="stMain"]').inner_text()
    assert_no_exception(page, "Model")


def test_an_edited_cell_keeps_its_value_after_another_page_and_back(page):
    """Issue 21: "double-click editing sometimes puts the old value back". It did whenever the
    Model page was left and opened again: the table came back with the preset's values, and the
    model trained was the preset's while the sidebar said custom."""
    goto_page(page, "Model")
    _edit_units(page, 1, 17)
    assert units(page) == [17, 8]
    goto_page(page, "Train")
    assert "Model: custom" in sidebar_text(page)
    goto_page(page, "Model")
    page.wait_for_timeout(500)
    assert units(page) == [17, 8]
    grid_text = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stDataFrame"] table td')].map(c => c.innerText)"""
    )
    assert "17" in grid_text, grid_text  # the table shows the edit (its accessible copy of the cells)
    assert "You have edited the layers: this is now a custom model." in page.locator('[data-testid="stMain"]').inner_text()
    assert "Model: custom" in sidebar_text(page)
    assert_no_exception(page, "Model after coming back")
