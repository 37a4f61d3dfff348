"""NN Explorer's engine: datasets, model specs, training, explanations and plots.

This package never imports Streamlit, and importing it does not import TensorFlow:
modules that need Keras import it where they use it, so the app's home page renders fast.
"""

__version__ = "0.1.0"
