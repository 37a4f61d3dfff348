"""AppTest checks of the Evaluate page: it asks for a run, then shows that run's scores."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from nncore.training.config import TrainingConfig
from ui.render import format_metric
from ui.state import STATE_KEY

TIMEOUT = 120
APP = str(Path(__file__).resolve().parents[2] / "app.py")


def _open(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _confusion_numbers(at: AppTest) -> list[list[str]]:
    """The numbers written in the confusion matrix's cells, as the browser would draw them."""
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        for trace in spec["data"]:
            if trace.get("type") == "heatmap" and spec["layout"]["yaxis"]["title"]["text"] == "true class":
                return trace["text"]
    raise AssertionError("no confusion matrix on the page")


def test_without_a_run_the_page_sends_you_to_train():
    at = _open("app_pages/evaluate.py")
    assert "train a model first" in " ".join(i.value for i in at.info)
    assert not at.metric


def test_shows_the_runs_accuracy_and_the_threshold_changes_the_confusion_matrix():
    at = _open("app_pages/evaluate.py")
    state = at.session_state[STATE_KEY]
    # Few epochs: a model that is good but not perfect, so a threshold has something to move.
    state.set_training_config(TrainingConfig(learning_rate=0.03, batch_size=10, epochs=3, seed=0))
    state.start_training()
    assert state.job.join(timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    run = state.run
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Accuracy"] == format_metric(run.test_metric, "accuracy")
    assert metrics["Test examples"] == str(len(run.dataset.x_test))

    at_half = _confusion_numbers(at)
    assert sum(int(v) for row in at_half for v in row) == len(run.dataset.x_test)
    predictions = at.session_state["evaluate_predictions"][1]
    at.slider(key="eval_threshold").set_value(0.95).run()
    assert not at.exception
    at_high = _confusion_numbers(at)
    assert at_high != at_half
    # A higher bar: no more examples called positive (column 1) than before.
    assert int(at_high[0][1]) + int(at_high[1][1]) < int(at_half[0][1]) + int(at_half[1][1])
    assert any("At threshold 0.95" in c.value for c in at.caption)
    # The slider reused this run's cached predictions: same object, no second call to the model.
    assert at.session_state["evaluate_predictions"][0] == run.run_id
    assert at.session_state["evaluate_predictions"][1] is predictions

    at.radio(key="eval_confusion_view").set_value("Share of each true class").run()
    assert all(v.endswith("%") for row in _confusion_numbers(at) for v in row)

    # The error browser, mistakes only: as many rows as the threshold-free model gets wrong (up to 12).
    at.radio(key="eval_error_ranking").set_value("confidence").run()
    assert not at.exception
    mistakes = int((run.dataset.y_test != at.session_state["evaluate_predictions"][1].predicted).sum())
    assert mistakes > 0  # 3 epochs, seed 0: a few mistakes to browse
    table = at.dataframe[-1].value  # the error table comes last
    assert len(table) == min(12, mistakes)
    assert list(table["confidence in mistake"]) == sorted(table["confidence in mistake"], reverse=True)
    assert (table["true class"] != table["predicted"]).all()

    # Ranked by loss, the caption under the list counts its mistakes in words that fit them.
    at.radio(key="eval_error_ranking").set_value("loss").run()
    table = at.dataframe[-1].value
    wrong = int((table["true class"] != table["predicted"]).sum())
    captions = " ".join(c.value for c in at.caption)
    if wrong == 0:
        assert f"None of these {len(table)} is a mistake" in captions
    elif wrong == len(table):
        assert f"All {len(table)} of these are mistakes." in captions
    else:
        assert f" of these {len(table)} " in captions and "mistake" in captions


def test_regression_run_shows_errors_in_original_units_and_says_when_data_changed():
    at = _open("app_pages/data.py")
    at.selectbox(key="data_choice").set_value("diabetes").run()
    at.button[0].click().run()
    state = at.session_state[STATE_KEY]
    state.set_training_config(TrainingConfig(learning_rate=0.01, batch_size=32, epochs=5, seed=0))
    state.start_training()
    assert state.job.join(timeout=TIMEOUT)
    # Load other data: the page still evaluates the run on the data it was trained on.
    at.selectbox(key="data_choice").set_value("iris").run()
    at.button[0].click().run()
    at.switch_page("app_pages/evaluate.py").run()
    assert not at.exception, [e.message for e in at.exception]
    metrics = {m.label: m.value for m in at.metric}
    # The errors' labels name their unit, the target column.
    assert set(metrics) >= {"Mean absolute error (progression)", "Root mean squared error (progression)", "R²"}
    # Diabetes progression is measured in tens of units; a standardised error would be near 1.
    assert float(metrics["Mean absolute error (progression)"]) > 10
    assert "trained on **Diabetes progression**" in " ".join(i.value for i in at.info)
    assert "absolute error" in " ".join(m.value for m in at.markdown)


def test_explain_this_opens_the_explain_page_on_that_example():
    at = _open("app_pages/evaluate.py")
    state = at.session_state[STATE_KEY]
    state.set_training_config(TrainingConfig(learning_rate=0.03, batch_size=10, epochs=2, seed=0))
    state.start_training()
    assert state.job.join(timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    links = [b for b in at.button if b.key and b.key.startswith("eval_explain_")]
    assert len(links) >= 6
    wanted = int(links[2].key.removeprefix("eval_explain_"))
    links[2].click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.session_state["explain_example"] == wanted  # that very test example
    assert "explain_request" not in at.session_state  # taken once
    # The Explain page explained it at once, with its default methods.
    cache = at.session_state["_explain_cache"]
    assert {key[1] for key in cache} == {wanted}
    assert {key[2] for key in cache} == {"permutation_shap", "lime_tabular", "integrated_gradients"}
