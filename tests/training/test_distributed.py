"""More than one device: training mirrors the model over them (tf.distribute.MirroredStrategy).

CI has no GPUs, so a subprocess splits the CPU into two logical devices (NNX_CPU_REPLICAS=2),
which makes the app train with two replicas exactly as it would on two GPUs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import json, sys
from nncore.backend import distribution_strategy
from nncore.data import load_dataset
from nncore.models import preset_spec
from nncore.training import TrainingConfig, TrainingJob

data = load_dataset("moons", n_points=400)
curves = {}
for early_stopping in (False, True):  # block mode (several epochs per call) and one epoch per call
    job = TrainingJob(data, preset_spec("small_mlp", data), TrainingConfig(
        epochs=12, batch_size=16, learning_rate=0.01, early_stopping=early_stopping, patience=50)).start()
    job.join()
    result = job.result
    assert job.snapshot().state.value == "finished", job.snapshot().message
    curves[str(early_stopping)] = [r.loss for r in result.history]
    replicas = result.extra["replicas"]
strategy = distribution_strategy()
print(json.dumps({"replicas": replicas, "strategy": type(strategy).__name__ if strategy else None,
                  "curves": curves, "test_metric": result.test_metric}))
"""


def _train(replicas: int) -> dict:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", NNX_CPU_REPLICAS=str(replicas), PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_two_devices_train_with_two_replicas_and_the_same_curve_shape():
    one, two = _train(1), _train(2)
    assert (one["replicas"], one["strategy"]) == (1, None)
    assert (two["replicas"], two["strategy"]) == (2, "MirroredStrategy")
    for mode in ("False", "True"):
        single, mirrored = np.array(one["curves"][mode]), np.array(two["curves"][mode])
        assert len(single) == len(mirrored) == 12
        # The same data in the same batches: the loss falls the same way, nearly to the digit
        # (only the order of the floating-point sums differs between one and two devices).
        assert mirrored[-1] < 0.6 * mirrored[0]
        assert np.corrcoef(single, mirrored)[0, 1] > 0.99
        np.testing.assert_allclose(mirrored, single, rtol=0.05)
    assert two["test_metric"] > 0.8
