"""One neuron, up close: activations, a spiking brain-cell model, learning rules and a tiny
network whose backpropagation is written out in NumPy for teaching.

Pure NumPy (float64); nothing here imports Streamlit or TensorFlow. The framework cross-check
of the tiny network's gradients is `nncore.neuron.autodiff_check` (it imports TensorFlow or JAX
only when a check runs).
"""
