"""Explanations: one `Explanation` type; gradient methods, SHAP, LIME and global views.

Importing this package imports neither TensorFlow nor shap nor lime: each method imports
what it needs when it runs.

Every local method has the form `method(model, x, output_index=None, **params) -> Explanation`
where `model` is an `ExplainableModel` (or a `TrainedRun`), `x` one input of the model's
input shape, and `output_index` the class to explain (default: the predicted class).
"""

from nncore.explain.explanation import Explanation
from nncore.explain.global_views import (
    Dependence,
    Importance,
    ShapSample,
    SummaryRows,
    dependence_data,
    importance_is_empty,
    importance_map,
    mean_abs_shap,
    permutation_importance,
    rows_that_show,
    sample_rows,
    shap_sample,
    summary_data,
)
from nncore.explain.gradients import (
    grad_cam,
    gradient_x_input,
    integrated_gradients,
    last_conv_layer,
    make_baseline,
    occlusion,
    saliency,
    smoothgrad,
)
from nncore.explain.grouping import column_bars, group_names, grouped, grouped_input, grouped_sample
from nncore.explain.lime_methods import grid_segments, lime_image, lime_sequence, lime_tabular
from nncore.explain.methods import METHODS, MethodInfo, methods_for
from nncore.explain.model import ExplainableModel, as_explainable
from nncore.explain.shap_methods import gradient_shap, kernel_shap, permutation_shap

__all__ = [
    "Dependence",
    "Explanation",
    "ExplainableModel",
    "METHODS",
    "MethodInfo",
    "Importance",
    "ShapSample",
    "column_bars",
    "group_names",
    "grouped",
    "grouped_input",
    "grouped_sample",
    "SummaryRows",
    "as_explainable",
    "dependence_data",
    "grad_cam",
    "gradient_shap",
    "gradient_x_input",
    "grid_segments",
    "importance_map",
    "integrated_gradients",
    "kernel_shap",
    "last_conv_layer",
    "lime_image",
    "lime_sequence",
    "lime_tabular",
    "make_baseline",
    "mean_abs_shap",
    "importance_is_empty",
    "rows_that_show",
    "sample_rows",
    "methods_for",
    "occlusion",
    "permutation_importance",
    "permutation_shap",
    "saliency",
    "shap_sample",
    "smoothgrad",
    "summary_data",
]
