import io
import zipfile

import numpy as np

from nncore.exchange.model_file import model_bytes


def test_model_bytes_load_back_safely_and_predict_the_same(tmp_path):
    import keras

    from tests.exchange.runs import circles_mlp

    run = circles_mlp()
    data = model_bytes(run.model)
    assert zipfile.is_zipfile(io.BytesIO(data))  # a .keras file is a zip archive
    path = tmp_path / "model.keras"
    path.write_bytes(data)
    loaded = keras.saving.load_model(path, safe_mode=True)
    x = np.asarray(run.dataset.x_test[:20])
    np.testing.assert_array_equal(loaded(x, training=False).numpy(), run.model(x, training=False).numpy())
    assert [layer.name for layer in loaded.layers] == [layer.name for layer in run.model.layers]


def test_model_bytes_refuses_something_else():
    import pytest

    with pytest.raises(TypeError, match="Expected a Keras model to save. Received: dict"):
        model_bytes({})
