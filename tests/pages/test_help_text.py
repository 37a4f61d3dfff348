"""Plain language: every control a person can touch explains itself when hovered (issue 8 §2).

Each page is rendered with a small trained model in the session, in English and in Chinese, and
every widget AppTest sees (buttons, inputs, sliders, selections, toggles, uploaders, download
buttons, page links...) must carry non-empty help text. Pages with tabs are rendered once per tab,
and the Explain page once more after its buttons were pressed, since those draw more controls.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Dataframe, PageLink, UnknownElement, Widget

from tests.helpers import app_on_page, trained_job
from ui.state import STATE_KEY

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGES = sorted(p.stem for p in (ROOT / "app_pages").glob("*.py"))
HAN = re.compile(r"[\u4e00-\u9fff]")

# Controls that need no hover text, each with the reason. Keys as passed to Streamlit.
ALLOWED_WITHOUT_HELP: dict[str, str] = {
    # The mouse is still on the button when the next step's caption appears: its tooltip stayed up
    # over that caption (Chromium, issue 18). The labels say what they do.
    "tour_next": "the tour's Next button",
    "tour_finish": "the tour's Finish button",
}

# The extra states a page is rendered in, each a function of the AppTest that changes the state.
INSIDE_TABS = ("One input", "Over many inputs", "Weights", "Training dynamics", "What a neuron wants")
LAB_SECTIONS = ("One neuron", "Brain cell", "Learning rules", "Backpropagation step by step")


def _set(key: str, value: object):
    def change(at: AppTest) -> str:
        at.session_state[key] = value
        at.run()
        return str(value)
    return change


def _press(key: str):
    def change(at: AppTest) -> str:
        at.button(key=key).click().run()
        return key
    return change


def _save_a_run_and_select_it(at: AppTest) -> str:
    """The Runs page's actions (rename, reopen, delete) show once a saved run is selected."""
    from nncore.training.config import TrainingConfig

    state = at.session_state[STATE_KEY]
    state.set_training_config(TrainingConfig(batch_size=32, epochs=1, seed=0))
    state.start_training()
    assert state.job.join(timeout=180)
    at.run()
    [table] = [d for d in at.dataframe if d.key and d.key.startswith("runs_table_")]
    at.session_state[table.key] = {"selection": {"rows": [0], "columns": []}}
    at.run()
    return "a saved run selected"


VARIANTS = {
    "inside": [_set("inside_tab", tab) for tab in INSIDE_TABS],
    "neuron_lab": [_set("neuron_lab_section", section) for section in LAB_SECTIONS],
    "explain": [_press("explain_go"), _press("explain_global_go")],
    "runs": [_save_a_run_and_select_it, _press("runs_reopen"), _press("runs_delete")],
    "home": [_press("demo_neuron")],  # the tour's caption and buttons over the page
}


@pytest.fixture(scope="module")
def finished_job():
    """One short training on the default data, shared by the renders below (read-only)."""
    return trained_job("circles", "small_mlp", epochs=2, batch_size=32)


class _EditorColumn:
    """A column a person can edit in a data editor (st.data_editor): its header's help counts."""

    type = "data_editor column"

    def __init__(self, editor: Dataframe, name: str, config: dict) -> None:
        self.key = f"{editor.proto.id.rsplit('-', 1)[-1]}.{name}"
        self.proto = type("Proto", (), {"label": config.get("label", name), "help": config.get("help", "")})


def _controls(node):
    """Every widget (and page link, and data editor column) under `node`, depth first."""
    if isinstance(node, Block):
        for child in node.children.values():
            yield from _controls(child)
    elif isinstance(node, (Widget, PageLink)):
        yield node
    elif isinstance(node, Dataframe) and node.proto.editing_mode:  # 0: read-only, a table to look at
        for name, config in json.loads(node.proto.columns or "{}").items():
            if not config.get("hidden") and not config.get("disabled"):
                yield _EditorColumn(node, name, config)
    elif isinstance(node, UnknownElement) and getattr(node.proto, "id", "") and hasattr(node.proto, "help"):
        yield node  # a widget this Streamlit's test harness does not model (data editor, ...)


def _name(control) -> str:
    label = getattr(control.proto, "label", "") or ""
    key = getattr(control, "key", None)
    return f"{control.type} {key or '(no key)'} {label!r}"


def _help(control) -> str:
    return str(getattr(control.proto, "help", "") or "").strip()


def _missing_help(at: AppTest, where: str, seen: set[str], chinese: bool = False) -> list[str]:
    """Controls without help; in Chinese, also those whose help has no Chinese in it (a text
    written straight into the code instead of going through the translation table)."""
    missing = []
    for control in _controls(at._tree):
        seen.add(f"{where}: {_name(control)}")
        if (getattr(control, "key", None) or "") in ALLOWED_WITHOUT_HELP:
            continue
        text = _help(control)
        if not text:
            missing.append(f"{where}: {_name(control)}")
        elif chinese and not HAN.search(text):
            missing.append(f"{where}: {_name(control)} has English-only help {text[:60]!r}")
    return missing


def _check(at: AppTest, where: str, seen: set[str]) -> list[str]:
    assert not at.exception, (where, [e.message for e in at.exception])
    return _missing_help(at, where, seen, chinese=where.startswith("zh/"))


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("page", PAGES)
def test_every_control_has_help_text(page, language, finished_job):
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["language"] = language
    at.run()
    seen: set[str] = set()
    missing = _check(at, f"{language}/first run (sidebar)", seen) if page == "home" else []
    at.session_state[STATE_KEY].adopt_job(finished_job)
    at.switch_page(f"app_pages/{page}.py").run()
    missing += _check(at, f"{language}/{page}", seen)
    for change in VARIANTS.get(page, []):
        what = change(at)
        missing += _check(at, f"{language}/{page} [{what}]", seen)
    assert seen, f"no control found on {page}: the walk over the element tree is broken"
    missing = sorted(set(missing))
    assert not missing, f"{len(missing)} control(s) without help text:\n" + "\n".join(missing)


@pytest.fixture(scope="module")
def image_job():
    """A one-epoch CNN on the digits: image pages draw other controls (gallery, feature maps)."""
    return trained_job("digits", "lenet_cnn", epochs=1, batch_size=64)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("page", ["evaluate", "explain", "inside"])
def test_every_control_has_help_text_for_an_image_model(page, language, image_job):
    at = app_on_page(page, language, image_job)
    seen: set[str] = set()
    missing = _check(at, f"{language}/{page} (digits CNN)", seen)
    for change in VARIANTS.get(page, [])[:1] if page == "explain" else VARIANTS.get(page, []):
        what = change(at)
        missing += _check(at, f"{language}/{page} (digits CNN) [{what}]", seen)
    assert any("explain_pick_" in name for name in seen) or page != "explain", "the image gallery was not drawn"
    missing = sorted(set(missing))
    assert not missing, f"{len(missing)} control(s) without help text:\n" + "\n".join(missing)


@pytest.mark.parametrize("page", ["evaluate", "explain", "inside"])
def test_every_control_has_help_text_before_any_training(page):
    at = AppTest.from_file(APP, default_timeout=180).run()
    at.switch_page(f"app_pages/{page}.py").run()
    missing = _check(at, f"{page} (nothing trained)", set())
    assert not missing, f"{len(missing)} control(s) without help text:\n" + "\n".join(missing)


def test_the_walk_finds_controls_and_their_help():
    """The check itself: a page with a known control with and without help."""
    script = (
        "import streamlit as st\n"
        "st.button('A', key='with', help='Does A.')\n"
        "st.slider('B', key='without')\n"
        "st.page_link('https://example.org', label='C')\n"
        "st.data_editor({'d': [1], 'e': [2]}, key='editor', column_config={\n"
        "    'd': st.column_config.NumberColumn('D', help='Type a D.'), 'e': st.column_config.NumberColumn('E')})\n"
        "st.dataframe({'f': [3]})\n"  # a table to read, nothing to set
    )
    at = AppTest.from_string(script).run()
    seen: set[str] = set()
    missing = _missing_help(at, "t", seen)
    assert len(seen) == 5
    assert missing == ["t: slider without 'B'", "t: page_link (no key) 'C'", "t: data_editor column editor.e 'E'"]
    in_chinese = _missing_help(at, "t", set(), chinese=True)
    assert in_chinese[0] == "t: button with 'A' has English-only help 'Does A.'" and len(in_chinese) == 5


# Streamlit's widget functions; data_editor has no help of its own (its columns carry it, checked above).
WIDGET_CALLS = {
    "button", "checkbox", "toggle", "radio", "selectbox", "multiselect", "slider", "select_slider",
    "number_input", "text_input", "text_area", "file_uploader", "segmented_control", "pills",
    "color_picker", "date_input", "time_input", "download_button", "form_submit_button", "page_link",
    "link_button", "feedback", "camera_input", "audio_input", "chat_input",
}


def test_every_widget_call_in_the_code_passes_help():
    """The renders above cannot reach every state (a CSV upload, a training in progress): the code
    itself must give every widget call a help= argument."""
    import ast

    offenders = []
    for path in sorted([ROOT / "app.py", *(ROOT / "app_pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            key = next((k.value.value for k in getattr(node, "keywords", ()) if k.arg == "key" and isinstance(k.value, ast.Constant)), None)
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WIDGET_CALLS
                    and key not in ALLOWED_WITHOUT_HELP  # each allowed one says why, above
                    and not any(k.arg in ("help", None) for k in node.keywords)):  # None: **kwargs, may hold help
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:90]}")
    assert not offenders, f"{len(offenders)} widget call(s) without help=:\n" + "\n".join(offenders)
