"""Texts of one row identity everywhere (issue 14, item 6) and one bar per column (item 8).

Key prefix `rowid.`; engine messages (matched as templates, see ui/engine_messages.py) use
`msg.rowid.`.
"""

from __future__ import annotations

ROWID: dict[str, tuple[str, str]] = {
    # --- how an example is named (ui/row_label.py) ---------------------------------------------
    "rowid.label.file_row": ("row {value}", "第 {value} 行"),
    "rowid.column.test_index": ("test example", "测试样本"),
    "rowid.column.file_row": ("row in file", "文件中的行"),
    "rowid.help.test_index": (
        "Test examples are named by their place in the test split: #0 is the first.",
        "测试样本按它在测试集中的位置命名：#0 是第一个。",
    ),
    "rowid.help.file_row": (
        "Examples are named by their row in your file, as a spreadsheet counts: the header is "
        "row 1, so the first data row is row 2. Rows dropped for gaps and the shuffle into "
        "training, validation and test do not change it.",
        "样本按它在你的文件中的行号命名，与电子表格的计数一致：表头是第 1 行，所以第一行数据是第 2 行。"
        "因缺失值而删除的行，以及打乱后分成训练、验证、测试集，都不会改变行号。",
    ),
    "rowid.help.id_column": (
        "Examples are named by their value in the column '{column}'.",
        "样本按它在“{column}”列中的值命名。",
    ),
    # --- pickers (Explain, Inside) -------------------------------------------------------------
    "rowid.pick": ("Example ({n} to choose from)", "样本（共 {n} 个可选）"),
    "rowid.pick_help": (
        "The test examples the model never saw while training; type to search. {how}",
        "训练时模型从未见过的测试样本；可以输入文字搜索。{how}",
    ),
    "rowid.this_example": ("Explaining **{label}**.", "正在解释 **{label}**。"),
    "rowid.inside_input": ("The input ({label}: {truth})", "输入（{label}：{truth}）"),
    "rowid.inside_edited": ("Your edited input (from {label})", "你修改后的输入（来自 {label}）"),
    # --- the Data page's "Label rows by" -------------------------------------------------------
    "rowid.label_by": ("Label rows by", "行的名称"),
    "rowid.label_by_row": ("row number in the file", "文件中的行号"),
    "rowid.label_by_help": (
        "How every page names an example. The row number counts as a spreadsheet does: the "
        "header is row 1, so the first data row is row 2. Or pick a column with a different "
        "value in every row (an ID); that column is then not used as an input.",
        "每个页面如何称呼一个样本。行号与电子表格的计数一致：表头是第 1 行，所以第一行数据是第 2 行。"
        "也可以选择每行取值都不同的一列（例如编号）；这一列就不再作为输入。",
    ),
    "rowid.id_not_feature": (
        "'{column}' labels the rows, so it is not used as an input.",
        "“{column}”用来给行命名，所以不作为输入。",
    ),
    # --- exports -------------------------------------------------------------------------------
    "rowid.download_predictions": ("Test predictions (CSV)", "测试集预测（CSV）"),
    "rowid.download_predictions_help": (
        "Every test example with its name (as on every page), the true answer and the model's.",
        "每个测试样本的名称（与各页面一致）、真实答案和模型的答案。",
    ),
    # --- one feature, one bar (item 8) ---------------------------------------------------------
    "rowid.show_parts": ("Show one-hot parts", "显示独热编码的各部分"),
    "rowid.show_parts_help": (
        "A text column is fed to the network as one 0/1 input per value (one-hot). Off: each "
        "column is one bar, the sum of its parts' attributions (exact for SHAP and integrated "
        "gradients, whose values add up). On: one bar per 0/1 input.",
        "文本列以每个取值一个 0/1 输入（独热编码）的形式送入网络。关闭时：每一列一个条形，"
        "为其各部分归因之和（对 SHAP 和积分梯度是精确的，因为它们的值可以相加）。打开时：每个 0/1 输入一个条形。",
    ),
}

# Engine messages (nncore/data/csv_import.py), read back as templates.
ROWID_MESSAGES: dict[str, tuple[str, str]] = {
    "msg.rowid.label_unknown": (
        "Expected `label_by` to be one of the columns ({columns}). Received: label_by={column}",
        "用来给行命名的列必须是文件中的某一列（{columns}）。但收到的是：label_by={column}",
    ),
    "msg.rowid.label_is_target": (
        "Expected rows to be labelled by a column other than the target '{target}'. "
        "Received: label_by={column}; label rows by their row number instead",
        "给行命名的列不能是目标列“{target}”。但收到的是：label_by={column}；请改用行号命名",
    ),
    "msg.rowid.label_is_feature": (
        "Expected the column that labels rows, '{column}', not to be a feature. "
        "Received: features={features}; remove it from the features",
        "用来给行命名的列“{column}”不能同时作为特征。但收到的是：features={features}；请把它从特征中去掉",
    ),
    "msg.rowid.label_repeated": (
        "Expected a different value in every row of '{column}' to label rows by it. "
        "Received: {value} appears more than once; label rows by their row number instead",
        "要用“{column}”给行命名，它的每一行取值都必须不同。但 {value} 出现了不止一次；请改用行号命名",
    ),
    "msg.rowid.label_missing": (
        "Expected a different value in every row of '{column}' to label rows by it. "
        "Received: {n} row(s) have no value; label rows by their row number instead",
        "要用“{column}”给行命名，它的每一行取值都必须不同。但有 {n} 行没有值；请改用行号命名",
    ),
}
