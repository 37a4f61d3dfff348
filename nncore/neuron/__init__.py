"""One neuron, up close: activations, a spiking brain-cell model, learning rules and a tiny
network whose backpropagation is written out in NumPy for teaching.

Pure NumPy (float64); nothing here imports Streamlit or TensorFlow. The TensorFlow cross-check
of the tiny network's gradients lives in `nncore.backend.tape_gradients_tiny_mlp`.
"""
