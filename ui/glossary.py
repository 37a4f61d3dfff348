"""The glossary's entries: each term (texts in ui/translations.py) and the page that shows it."""

from __future__ import annotations

# (term id, the page where the app shows it)
GLOSSARY: tuple[tuple[str, str], ...] = (
    ("neuron", "app_pages/neuron_lab.py"),
    ("weight", "app_pages/inside.py"),
    ("activation", "app_pages/neuron_lab.py"),
    ("layer", "app_pages/model.py"),
    ("loss", "app_pages/train.py"),
    ("gradient", "app_pages/neuron_lab.py"),
    ("gradient_descent", "app_pages/train.py"),
    ("backprop", "app_pages/neuron_lab.py"),
    ("optimizer", "app_pages/train.py"),
    ("epoch", "app_pages/train.py"),
    ("splits", "app_pages/data.py"),
    ("overfitting", "app_pages/evaluate.py"),
    ("dropout", "app_pages/model.py"),
    ("cnn", "app_pages/inside.py"),
    ("rnn", "app_pages/model.py"),
    ("softmax", "app_pages/inside.py"),
    ("metrics", "app_pages/evaluate.py"),
    ("roc", "app_pages/evaluate.py"),
    ("boundary", "app_pages/train.py"),
    ("explanation", "app_pages/explain.py"),
    ("saliency", "app_pages/explain.py"),
    ("shap", "app_pages/explain.py"),
    ("lime", "app_pages/explain.py"),
    ("dead_relu", "app_pages/inside.py"),
    ("vanishing", "app_pages/inside.py"),
    ("spiking", "app_pages/neuron_lab.py"),
)
