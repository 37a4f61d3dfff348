"""The positive class on the pages: chosen on the Data page, read by Evaluate's words, carried by
share links, and fixed in the whole-model explanations whatever the sample size."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from nncore.data import load_dataset
from nncore.data.positive_class import with_positive_class
from nncore.models import preset_spec
from nncore.training import TrainingConfig
from ui.share_link import decode_setup, encode_setup
from ui.state import STATE_KEY

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TIMEOUT = 180


def _ok(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def _app_with(dataset_key: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.session_state[STATE_KEY].set_dataset(load_dataset(dataset_key))
    return at


def _train(at: AppTest, **settings) -> None:
    state = at.session_state[STATE_KEY]
    state.set_training_config(TrainingConfig(**{"batch_size": 16, "seed": 0, **settings}))
    state.start_training()
    assert state.job.join(timeout=TIMEOUT)


def test_the_data_page_offers_the_positive_class_and_the_link_carries_a_change():
    at = _app_with("breast_cancer")
    at.switch_page("app_pages/data.py").run()
    _ok(at)
    choice = at.selectbox(key="data_positive_class")
    assert choice.value == "malignant" and choice.help
    captions = " ".join(c.value for c in at.caption)
    assert "“malignant” is positive: its name reads as the finding" in captions
    choice.set_value("benign").run()
    _ok(at)
    state = at.session_state[STATE_KEY]
    assert state.dataset.class_names[state.dataset.positive_class] == "benign"
    assert "your choice" in " ".join(c.value for c in at.caption)
    link = at.query_params.to_dict() if hasattr(at.query_params, "to_dict") else dict(at.query_params)
    assert "benign" in str(link.get("d.positive"))


def test_a_share_link_reopens_the_chosen_positive_class():
    data = with_positive_class(load_dataset("breast_cancer"), "benign")
    query = encode_setup(data, preset_spec("small_mlp", data), "small_mlp", TrainingConfig())
    assert query["d.positive"] == "benign"
    setup = decode_setup(query)
    assert not setup.problems and setup.dataset.positive_class == 1
    # A class the data does not have: the dataset still opens, with its default, and a notice.
    setup = decode_setup({**query, "d.positive": "<b>maybe</b>"})
    assert setup.dataset.positive_class == 0 and any("positive class" in p for p in setup.problems)


def test_breast_cancer_evaluate_calls_a_missed_malignant_a_missed_case():
    at = _app_with("breast_cancer")
    _train(at, epochs=1, learning_rate=0.0003)  # barely trained: mistakes of both kinds
    at.switch_page("app_pages/evaluate.py").run()
    _ok(at)
    assert at.slider(key="eval_threshold").label == "Decision threshold for “malignant”"
    captions = " ".join(c.value for c in at.caption)
    assert "“Positive” means “malignant”" in captions and "missed cases (“malignant” called “benign”)" in captions
    at.radio(key="eval_error_ranking").set_value("confidence").run()  # mistakes only
    _ok(at)
    table = at.dataframe[-1].value
    missed = table[(table["true diagnosis"] == "malignant") & (table["predicted"] == "benign")]
    alarms = table[(table["true diagnosis"] == "benign") & (table["predicted"] == "malignant")]
    assert len(missed) + len(alarms) == len(table) > 0
    assert (missed["mistake"] == "missed case").all() and (alarms["mistake"] == "false alarm").all()
    assert len(missed) > 0, "expected at least one missed malignant tumour to check the words on"


def test_the_roc_curve_is_drawn_for_the_positive_class():
    at = _app_with("breast_cancer")
    _train(at, epochs=2, learning_rate=0.003)
    at.switch_page("app_pages/evaluate.py").run()
    _ok(at)
    names = []
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        names += [str(trace.get("name", "")) for trace in spec["data"]]
    assert any(name.startswith("malignant") for name in names)
    assert not any(name.startswith("benign") for name in names)


def test_whole_model_views_explain_the_positive_class_at_every_sample_size():
    at = _app_with("breast_cancer")
    _train(at, epochs=3, learning_rate=0.003)
    at.switch_page("app_pages/explain.py").run()
    _ok(at)
    for rows in (20, 50):
        at.select_slider(key="explain_global_rows").set_value(rows)
        at.button(key="explain_global_go").click().run()
        _ok(at)
        assert any("Explaining the probability of “malignant”, the positive class" in c.value for c in at.caption)
    samples = [sample for sample, _ in at.session_state["_explain_global"].values()]
    assert sorted(len(s.values) for s in samples) == [20, 50]
    assert {s.output_index for s in samples} == {0}  # malignant, at 20 rows and at 50


def _rare_trigger_run():
    """A hand-set model that says "rare" only when x0 is far above the rest (3 test rows,
    outside the seeded 20-row sample, inside the 50-row one): as an imported run."""
    import numpy as np

    from nncore.backend import load_keras
    from nncore.data.dataset import Dataset, Preprocessing
    from nncore.explain import sample_rows
    from nncore.models.objective import objective_for
    from nncore.training import JobState
    from nncore.training.job import TrainedRun

    load_keras()
    import keras

    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, size=(400, 2)).astype(np.float32)
    test = np.arange(200, 400)
    in20 = set(sample_rows(test, test, 20, 0)[0].tolist())
    trigger = [i for i in sample_rows(test, test, 50, 0)[0].tolist() if i not in in20][:3]
    x[trigger, 0] = 3.0
    y = (x[:, 0] > 2.0).astype(np.int64)
    y[:10] = 1  # a few of the rare class in training and validation, so the table has two classes
    data = Dataset(
        key="test", title="Rare trigger", task="classification", input_kind="tabular",
        x_train=x[:150], y_train=y[:150], x_val=x[150:200], y_val=y[150:200], x_test=x[200:], y_test=y[200:],
        feature_names=("x0", "x1"), class_names=("usual", "rare"), preprocessing=Preprocessing(),
    )
    inputs = keras.Input(shape=(2,))
    model = keras.Model(inputs, keras.layers.Dense(2, activation="softmax")(inputs))
    model.layers[-1].set_weights([np.array([[0.0, 10.0], [0.0, 0.0]], np.float32), np.array([0.0, -20.0], np.float32)])
    return TrainedRun(model=model, dataset=data, spec=None, config=None, objective=objective_for("classification", 2, "softmax"),
                      history=(), state=JobState.FINISHED, message="Imported.", test_loss=0.0, test_metric=1.0, seconds=0.0,
                      extra={"imported": True, "name": "rare trigger"})


def test_a_sample_too_small_to_show_anything_is_said_in_words_with_a_size_that_would():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    run = _rare_trigger_run()
    at.session_state[STATE_KEY].open_run(run)
    at.switch_page("app_pages/explain.py").run()
    _ok(at)
    at.select_slider(key="explain_global_rows").set_value(20)
    at.button(key="explain_global_go").click().run()
    _ok(at)
    (_, importance), = at.session_state["_explain_global"].values()
    assert (importance.scores == 0).all()  # the chart alone would be all empty bars
    said = " ".join(i.value for i in at.info)
    assert "Every permutation-importance bar is zero: on these 20 rows" in said
    assert "With 50 rows it does show differences" in said
    assert any("“rare”, the positive class" in c.value for c in at.caption)  # the rarer class, by default
    # At 50 rows the bars show something, and nothing is said.
    at.select_slider(key="explain_global_rows").set_value(50)
    at.button(key="explain_global_go").click().run()
    _ok(at)
    assert not any("bar is zero" in i.value for i in at.info)
