"""Looking inside a trained model.

- `activations`: every layer's output for a batch (recurrent state over time), top examples;
- `unit_stats`: activation histograms, dead and saturated units, PCA of a layer;
- `weights`: each layer's weights shaped for views (heatmaps, conv kernels, neuron diagram);
- `boundary` and `neuron_maps`: for 2-D data, the model's and each hidden unit's output over the plane;
- `feature_vis`: the input a class or unit responds to most (gradient ascent).

Training dynamics are recorded by the training job: see `nncore.training.recorder`.
"""
