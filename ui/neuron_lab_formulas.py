"""LaTeX for the backpropagation stepper: each formula with the current numbers put in.

Notation shown to the learner: w_ij connects input i to hidden unit j, b_j is that unit's bias;
v_j connects hidden unit j to the output, c is the output's bias. Numbers are for one followed
example k, except gradients, which add up over all examples (full batch).
"""

from __future__ import annotations

import numpy as np

from nncore.neuron.activations import ACTIVATIONS, slope
from nncore.neuron.backprop import StepResult, TinyMLP
from ui.i18n import t_latex


def n(value: float, digits: int = 3) -> str:
    """A number for LaTeX: negatives bracketed, tiny or huge ones in powers of ten."""
    value = float(value)
    if value != 0 and (abs(value) < 10 ** -digits or abs(value) >= 1e4):
        mantissa, exponent = f"{value:.{max(digits - 1, 1)}e}".split("e")
        text = rf"{mantissa} \times 10^{{{int(exponent)}}}"
        return f"({text})" if value < 0 else text
    text = f"{value:.{digits}f}"
    return f"({text})" if value < 0 else text


def plain(value: float, digits: int = 3) -> str:
    """A number already inside brackets (a function's argument): no extra brackets."""
    return n(value, digits).removeprefix("(").removesuffix(")")


def _f(model: TinyMLP) -> str:
    return r"\mathrm{" + ACTIVATIONS[model.hidden_activation].label.replace(" ", r"\ ") + "}"


def forward_latex(model: TinyMLP, r: StepResult, k: int) -> str:
    p, fw = r.before, r.forward
    rows = [r"z_j &= w_{1j}\,x_1 + w_{2j}\,x_2 + b_j, \qquad a_j = f(z_j)\\[4pt]"]
    for j in range(p.n_hidden):
        terms = " + ".join(f"{n(p.w1[i, j], 2)} \\cdot {n(fw.x[k, i], 2)}" for i in range(p.n_inputs))
        rows.append(
            rf"z_{j + 1} &= {terms} + {n(p.b1[j], 2)} = \mathbf{{{n(fw.z1[k, j])}}},"
            rf"\qquad a_{j + 1} = {_f(model)}({plain(fw.z1[k, j])}) = \mathbf{{{n(fw.a1[k, j])}}}\\"
        )
    terms = " + ".join(f"{n(p.w2[j], 2)} \\cdot {n(fw.a1[k, j])}" for j in range(p.n_hidden))
    hidden_sum = " + ".join(f"v_{j + 1} a_{j + 1}" for j in range(p.n_hidden))
    rows.append(rf"z_{{\text{{{t_latex('lab.tex.out')}}}}} &= {hidden_sum} + c\\")
    rows.append(rf"&= {terms} + {n(p.b2, 2)} = \mathbf{{{n(fw.z2[k])}}}\\")
    rows.append(rf"\hat y &= \sigma(z_{{\text{{{t_latex('lab.tex.out')}}}}}) = \sigma({plain(fw.z2[k])}) = \mathbf{{{n(fw.a2[k])}}}")
    return r"\begin{aligned}" + "\n".join(rows) + r"\end{aligned}"


def loss_latex(model: TinyMLP, r: StepResult, k: int) -> str:
    y, a = r.targets, r.forward.a2
    count = len(y)
    if model.loss == "mse":
        general = r"L = \frac{1}{n}\sum_{k=1}^{n} (\hat y_k - y_k)^2"
        term = (a[k] - y[k]) ** 2
        mine = rf"(\hat y_{{{k + 1}}} - y_{{{k + 1}}})^2 = ({n(a[k])} - {y[k]:g})^2 = {n(term, 4)}"
    else:
        general = r"L = -\frac{1}{n}\sum_{k=1}^{n} \big[y_k \ln \hat y_k + (1 - y_k)\ln(1 - \hat y_k)\big]"
        prob = a[k] if y[k] == 1 else 1 - a[k]
        term = float(np.logaddexp(0, r.forward.z2[k]) - y[k] * r.forward.z2[k])
        which = rf"\ln {n(a[k])}" if y[k] == 1 else rf"\ln(1 - {n(a[k])})"
        mine = rf"\text{{example {k + 1} (y = {y[k]:g}): }} -{which} = -\ln {n(prob)} = {n(term, 4)}"
    return rf"{general} = \mathbf{{{n(r.loss, 4)}}} \qquad (n = {count})\\[4pt] {mine}"


def backward_latex(model: TinyMLP, r: StepResult, k: int) -> str:
    p, fw, bw = r.before, r.forward, r.backward
    count = len(r.targets)
    y = r.targets[k]
    if model.loss == "mse":
        out = (
            rf"\delta_{{\text{{{t_latex('lab.tex.out')}}}}} = \frac{{\partial L}}{{\partial z_{{\text{{{t_latex('lab.tex.out')}}}}}}} = \frac{{2}}{{n}}(\hat y - y)\,\hat y(1 - \hat y)"
            rf" = \frac{{2}}{{{count}}}({n(fw.a2[k])} - {y:g})\cdot {n(fw.a2[k])}(1 - {n(fw.a2[k])}) = \mathbf{{{n(bw.delta2[k], 4)}}}"
        )
    else:
        out = (
            rf"\delta_{{\text{{{t_latex('lab.tex.out')}}}}} = \frac{{\partial L}}{{\partial z_{{\text{{{t_latex('lab.tex.out')}}}}}}} = \frac{{\hat y - y}}{{n}}"
            rf" = \frac{{{n(fw.a2[k])} - {y:g}}}{{{count}}} = \mathbf{{{n(bw.delta2[k], 4)}}}"
        )
    rows = [out + r"\\[6pt]"]
    slope_name = "f'"
    for j in range(p.n_hidden):
        d = float(slope(model.hidden_activation, fw.z1[k, j]))
        end = r"\\[6pt]" if j == p.n_hidden - 1 else r"\\"
        rows.append(
            rf"\delta_{j + 1} = \delta_{{\text{{{t_latex('lab.tex.out')}}}}}\, v_{j + 1}\, {slope_name}(z_{j + 1})"
            rf" = {n(bw.delta2[k], 4)} \cdot {n(p.w2[j], 2)} \cdot {n(d)} = \mathbf{{{n(bw.delta1[k, j], 4)}}}" + end
        )
    rows.append(
        r"\frac{\partial L}{\partial v_j} = \sum_{k} \delta_{\text{out},k}\, a_{j,k},\quad"
        r"\frac{\partial L}{\partial w_{ij}} = \sum_{k} \delta_{j,k}\, x_{i,k},\quad"
        r"\frac{\partial L}{\partial b_j} = \sum_{k} \delta_{j,k},\quad"
        r"\frac{\partial L}{\partial c} = \sum_{k} \delta_{\text{out},k}\\[4pt]"
    )
    rows.append(
        r"\text{e.g. }\frac{\partial L}{\partial v_1} = "
        + " + ".join(f"{n(bw.delta2[i], 4)} \\cdot {n(fw.a1[i, 0])}" for i in range(min(count, 4)))
        + (r" + \dots" if count > 4 else "")
        + rf" = \mathbf{{{n(bw.grads.w2[0], 4)}}}"
    )
    return r"\begin{gathered}" + "\n".join(rows) + r"\end{gathered}"


def update_latex(r: StepResult) -> str:
    p, g, new = r.before, r.backward.grads, r.after
    lr = r.learning_rate
    return (
        r"\theta \leftarrow \theta - \eta\,\frac{\partial L}{\partial \theta}\qquad"
        rf"\text{{e.g. }} w_{{11}} \leftarrow {n(p.w1[0, 0], 4)} - {lr:g} \cdot {n(g.w1[0, 0], 4)} = \mathbf{{{n(new.w1[0, 0], 4)}}},"
        rf"\quad v_1 \leftarrow {n(p.w2[0], 4)} - {lr:g} \cdot {n(g.w2[0], 4)} = \mathbf{{{n(new.w2[0], 4)}}}"
    )
