"""Real training histories, labelled by how they were trained, for the learning-curve diagnosis.

Each recipe trains a small model on a bundled dataset with a setting whose effect is known:
- "too_high_lr": SGD at learning rate 5 or 1, Adam at 1 or 0.3, RMSprop at 0.1 (its shapes:
  oscillating, diverging, saturated: the loss jumps and then freezes at a high value);
- "overfitting": a deep MLP on 40 breast-cancer rows or 100 noisy moons, trained long;
- "underfitting": a tiny learning rate, or a straight-line model on circles;
- "healthy": the app's default settings (Adam 0.01, 50 epochs, small MLP);
- "too_short": stopped after 2 epochs.

The stored set (tests/evaluate/data/learning_histories.json) is made by
    python -m tests.evaluate.learning_histories
(about two minutes on two CPU cores); tests also train a few recipes live (`train_recipe`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

STORE = Path(__file__).parent / "data" / "learning_histories.json"


@dataclass(frozen=True)
class Recipe:
    name: str
    label: str
    dataset: str
    preset: str = "small_mlp"
    config: dict[str, Any] = field(default_factory=dict)
    dataset_params: dict[str, Any] = field(default_factory=dict)
    train_rows: int | None = None  # keep only this many training rows (tiny data)
    wide: bool = False  # the overfitting demo's network: three hidden layers of 64 ReLU units


def _r(name, label, dataset, preset="small_mlp", rows=None, params=None, wide=False, **config):
    return Recipe(name, label, dataset, preset, config, params or {}, rows, wide)


TOO_HIGH = [
    *(_r(f"cancer_sgd5_s{s}", "too_high_lr", "breast_cancer", optimizer="sgd", learning_rate=5.0, epochs=30, seed=s) for s in range(3)),
    *(_r(f"cancer_sgd1_s{s}", "too_high_lr", "breast_cancer", optimizer="sgd", learning_rate=1.0, epochs=30, seed=s) for s in range(2)),
    *(_r(f"cancer_adam1_s{s}", "too_high_lr", "breast_cancer", optimizer="adam", learning_rate=1.0, epochs=30, seed=s) for s in range(3)),
    _r("moons_sgd5_s1", "too_high_lr", "moons", optimizer="sgd", learning_rate=5.0, epochs=30, seed=1),
    _r("circles_sgd5_s0", "too_high_lr", "circles", optimizer="sgd", learning_rate=5.0, epochs=30, seed=0),
    _r("moons_adam1_s0", "too_high_lr", "moons", optimizer="adam", learning_rate=1.0, epochs=30, seed=0),
    # The oscillating shape: RMSprop at 0.1 or Adam at 0.3 on breast cancer; the training loss
    # bounces between about 0.4 and 0.9 epoch after epoch (the defaults reach about 0.05).
    *(_r(f"cancer_rmsprop01_s{s}", "too_high_lr", "breast_cancer", optimizer="rmsprop", learning_rate=0.1, epochs=30, seed=s)
      for s in range(3)),
    *(_r(f"cancer_adam03_s{s}", "too_high_lr", "breast_cancer", optimizer="adam", learning_rate=0.3, epochs=30, seed=s)
      for s in range(2)),
]
OVERFITTING = [
    *(_r(f"cancer40_deep_s{s}", "overfitting", "breast_cancer", "deep_mlp", rows=40, epochs=200, seed=s) for s in range(5)),
    # (Seed 1 of this one was dropped: its validation loss was lowest at epoch 264 of 300 and
    # rose only within its noise afterwards, so there was no overfitting to name.)
    _r("moons100_deep_s0", "overfitting", "moons", "deep_mlp", params={"n_points": 100, "noise": 0.4}, epochs=300, seed=0),
    # The guided "overfitting" demo (ui/demos.py): it must keep its warning.
    _r("demo_overfitting", "overfitting", "xor", params={"n_points": 100, "noise": 0.6, "seed": 1}, wide=True,
       epochs=300, optimizer="adam", learning_rate=0.01, batch_size=10),
]
UNDERFITTING = [
    *(_r(f"circles_tinylr_s{s}", "underfitting", "circles", optimizer="sgd", learning_rate=0.0005, momentum=0.0, epochs=20, seed=s)
      for s in range(2)),
    _r("moons_tinylr_s0", "underfitting", "moons", optimizer="sgd", learning_rate=0.0003, momentum=0.0, epochs=20, seed=0),
    *(_r(f"circles_linear_s{s}", "underfitting", "circles", "logistic", epochs=30, seed=s) for s in range(2)),
]
HEALTHY = [
    *(_r(f"{d}_default_s{s}", "healthy", d, seed=s) for d in ("breast_cancer", "circles", "moons") for s in range(2)),
    # SGD at 5 on moons with seed 0 happens to converge (100% validation accuracy): a step too
    # large does not always show, and then nothing in the curves is wrong.
    _r("moons_sgd5_s0", "healthy", "moons", optimizer="sgd", learning_rate=5.0, epochs=30, seed=0),
    # The guided breast-cancer demo (ui/demos.py): its tour never mentions overfitting.
    _r("demo_breast_cancer", "healthy", "breast_cancer", epochs=30, optimizer="adam", learning_rate=0.003, batch_size=16),
]
TOO_SHORT = [
    _r("cancer_2epochs", "too_short", "breast_cancer", epochs=2),
    _r("circles_2epochs", "too_short", "circles", epochs=2),
    _r("moons_sgd5_2epochs", "too_short", "moons", optimizer="sgd", learning_rate=5.0, epochs=2),
]
RECIPES = TOO_HIGH + OVERFITTING + UNDERFITTING + HEALTHY + TOO_SHORT


def train_recipe(recipe: Recipe) -> dict[str, Any]:
    """Train one recipe; returns {"name", "label", "task", "n_classes", "history": [records]}."""
    from nncore.data import load_dataset
    from nncore.models import preset_spec
    from nncore.training import JobState, TrainingConfig, TrainingJob

    data = load_dataset(recipe.dataset, **recipe.dataset_params)
    if recipe.train_rows:
        data = replace(data, x_train=data.x_train[: recipe.train_rows], y_train=data.y_train[: recipe.train_rows])
    config = TrainingConfig(**recipe.config)
    spec = preset_spec(recipe.preset, data)
    if recipe.wide:
        from nncore.models import LayerSpec, ModelSpec

        spec = ModelSpec(layers=tuple(LayerSpec("dense", 64, "relu") for _ in range(3)))
    job = TrainingJob(data, spec, config)
    assert job.start().join(timeout=600)
    assert job.snapshot().state == JobState.FINISHED, job.snapshot().message
    return {
        "name": recipe.name, "label": recipe.label, "task": data.task, "n_classes": int(data.n_classes),
        "history": [r.to_dict() for r in job.result.history],
    }


def load_store() -> list[dict[str, Any]]:
    return json.loads(STORE.read_text(encoding="utf-8"))


COLUMNS = ("loss", "metric", "val_loss", "val_metric")  # what the diagnosis reads


def records(entry: dict[str, Any]) -> list[Any]:
    """The entry's history as EpochRecords (stored column-wise; seconds are not kept)."""
    from nncore.training.history import EpochRecord

    history = entry["history"]
    if isinstance(history, list):  # as `train_recipe` returns it
        return [EpochRecord(**r) for r in history]
    n = len(history["loss"])
    return [EpochRecord(i + 1, *(float(history[c][i]) for c in COLUMNS), 0.0) for i in range(n)]


def _compact(entry: dict[str, Any]) -> dict[str, Any]:
    """Column-wise, 6 significant digits: a small file, and the diagnosis needs no more."""
    rows = entry["history"]
    if isinstance(rows, dict):
        return entry
    columns = {c: [float(f"{r[c]:.6g}") for r in rows] for c in COLUMNS}
    return {**entry, "history": columns}


if __name__ == "__main__":
    import sys

    # `python -m tests.evaluate.learning_histories NAME ...` retrains only those recipes.
    wanted = set(sys.argv[1:])
    known = {recipe.name for recipe in RECIPES}
    entries = [e for e in load_store() if e["name"] in known - wanted] if wanted and STORE.exists() else []
    for recipe in RECIPES:
        if wanted and recipe.name not in wanted:
            continue
        entries.append(train_recipe(recipe))
        print(recipe.name, recipe.label, len(entries[-1]["history"]), flush=True)
    order = {recipe.name: i for i, recipe in enumerate(RECIPES)}
    entries.sort(key=lambda e: order.get(e["name"], len(order)))
    STORE.parent.mkdir(parents=True, exist_ok=True)
    lines = ",\n".join(json.dumps(_compact(entry), separators=(",", ":")) for entry in entries)
    STORE.write_text("[\n" + lines + "\n]\n", encoding="utf-8")
