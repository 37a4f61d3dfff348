"""Figure texts added when the plots took their words from the caller (issue 16 item 1c):
hover lines that the figures wrote in English and the old figure translation never matched."""

FIGLABELS: dict[str, tuple[str, str]] = {
    "fig.hover.true": ("true {v}", "真实值 {v}"),
    "fig.hover.predicted": ("predicted {v}", "预测值 {v}"),
}
