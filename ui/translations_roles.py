"""Texts of a table's column roles and its gaps (Data page), English and Simplified Chinese.

`roles.*` are the page's own texts; `msg.roles.*` are templates for the preprocessing steps
nncore writes in English (read by ui/engine_messages.py, which only looks at `msg.` keys).
"""

from __future__ import annotations

ROLES: dict[str, tuple[str, str]] = {
    # --- the roles table --------------------------------------------------------------------------
    "roles.title": ("**Columns and their roles**", "**各列及其用途**"),
    "roles.caption": (
        "Every column gets a role: the target, a feature the network learns from, or left out with the "
        "reason. Change a role in the table; the target is chosen above.",
        "每一列都有一个用途：目标、供网络学习的特征，或者不使用（并写明原因）。可以在表格中修改用途；目标在上方选择。",
    ),
    "roles.col_column": ("column", "列名"),
    "roles.col_role": ("role", "用途"),
    "roles.col_role_help": (
        "Feature: the network learns from it. Left out: not used. Date as numbers: a date column becomes "
        "year, month and day of the year.",
        "特征：网络从它学习。不使用：不用这一列。日期转为数字：把日期列变成年、月和一年中的第几天。",
    ),
    "roles.col_why": ("why", "原因"),
    "roles.col_why_help": (
        "Why the column has this role; 'How are roles and gaps decided?' below gives the rules.",
        "这一列为什么是这个用途；下方的“用途和空缺是怎样决定的？”列出了规则。",
    ),
    "roles.col_kind": ("values", "取值"),
    "roles.col_missing": ("missing", "缺失"),
    "roles.col_distinct": ("distinct", "不同取值"),
    "roles.col_example": ("example", "示例"),
    "roles.role.target": ("target", "目标"),
    "roles.role.feature": ("feature", "特征"),
    "roles.role.date_numbers": ("date as numbers", "日期转为数字"),
    "roles.role.left_out": ("left out", "不使用"),
    "roles.kind.numeric": ("numbers", "数字"),
    "roles.kind.categorical": ("text", "文字"),
    "roles.kind.mixed": ("numbers and text", "数字混杂文字"),
    "roles.kind.empty": ("empty", "空"),
    "roles.kind.date": ("dates", "日期"),
    "roles.reason.target": ("what the network learns to predict", "网络要学会预测的内容"),
    "roles.reason.feature": ("an input to learn from", "供学习的输入"),
    "roles.reason.row_number": (
        "row number (blank or 'Unnamed' header, or counts 0, 1, 2, ...): says nothing about the row",
        "行号（表头为空或为“Unnamed”，或按 0、1、2… 计数）：不反映这一行的信息",
    ),
    "roles.reason.identifier": (
        "identifier (named like an ID, or a new value in every row): lets the network memorise rows",
        "标识符（名字像 ID，或每行的值都不同）：只会让网络死记各行",
    ),
    "roles.reason.constant": ("the same value in every row: nothing to learn from", "每行的值都一样：没有可学的信息"),
    "roles.reason.free_text": (
        "free text (too many different texts to give each its own input)",
        "自由文本（不同的文字太多，无法给每个值一个输入）",
    ),
    "roles.reason.date": (
        "date: choose 'date as numbers' to use its year, month and day of the year",
        "日期：选择“日期转为数字”即可使用它的年、月和一年中的第几天",
    ),
    "roles.reason.mostly_empty": ("mostly empty (more than half the values missing)", "大部分为空（超过一半的值缺失）"),
    "roles.reason.empty": ("every value is missing", "所有值都缺失"),
    "roles.reason.chosen": ("left out by you", "由你选择不使用"),
    "roles.overridden": ("suggested: {reason}; your choice: {role}", "建议：{reason}；你的选择：{role}"),
    "roles.used": ("The network will learn from {n} columns: {columns}", "网络将从 {n} 列中学习：{columns}"),
    "roles.none_used": (
        "No column is marked as a feature: mark at least one column to learn from.",
        "没有任何列被标为特征：请至少标出一列供网络学习。",
    ),
    "roles.target_fixed": (
        "The target is chosen with 'Target column' above; the table's change to '{column}' was not applied.",
        "目标列请在上方的“目标列”中选择；表格中对“{column}”的修改没有生效。",
    ),
    "roles.not_a_date": (
        "'{column}' does not hold dates, so it cannot be used as date numbers; it stays as it was.",
        "“{column}”不是日期，不能转为日期数字；保持原来的用途。",
    ),
    "roles.missing": ("Gaps (missing values)", "空缺（缺失值）"),
    "roles.missing_auto": ("Decide for me", "自动决定"),
    "roles.missing_drop": ("Drop rows with gaps", "删除有空缺的行"),
    "roles.missing_impute": ("Fill gaps in", "填补空缺"),
    "roles.missing_help": (
        "Decide for me: drop the rows with a gap only if they are at most 5% of the rows, otherwise fill "
        "the gaps in. Fill in uses the training rows' median (numbers) or most frequent value (text), and "
        "adds a 0/1 'was missing' input for a column with many gaps. This file has {n} missing values.",
        "自动决定：只有当有空缺的行不超过 5% 时才删除它们，否则填补空缺。填补时用训练行的中位数（数字）"
        "或出现最多的值（文字），并为空缺较多的列加一个 0/1 的“曾缺失”输入。这个文件有 {n} 个缺失值。",
    ),
    "roles.drop_share": (
        "Dropping the rows with a gap would remove {n} of {rows} rows ({share}).",
        "删除有空缺的行会去掉 {rows} 行中的 {n} 行（{share}）。",
    ),
    "roles.how_title": ("How are roles and gaps decided?", "用途和空缺是怎样决定的？"),
    "roles.how_text": (
        "- **Row number**: a column with a blank or 'Unnamed' header holding whole numbers, one per row, or "
        "any column counting 0, 1, 2, ... or 1, 2, 3, ... It is where the row sat in a spreadsheet, not a "
        "property of the row.\n"
        "- **Identifier**: named like an ID (id, ID, patient_id, PatientID, ...) or text with a different "
        "value in every row (names, codes). A network could only memorise rows from it.\n"
        "- **Constant**: one value in every row.\n"
        "- **Free text**: text with more than 50 different values, or more different values than half its "
        "rows, or sentences (comments).\n"
        "- **Date**: text that reads as calendar dates; left out, or used as year, month and day of the "
        "year if you choose 'date as numbers'.\n"
        "- **Mostly empty**: more than half the values missing.\n"
        "- Every other column is a **feature**. The roles are worked out again whenever the target "
        "changes, and training uses exactly the roles in the table.\n\n"
        "**Gaps**: rows with no target are always removed. 'Decide for me' drops the rows with a gap only "
        "when they are at most 5% of the rows; otherwise each gap is filled in with the training rows' "
        "median (numbers) or most frequent value (text), and a column with gaps in at least 5% of its rows "
        "also gets a 0/1 input saying 'this value was missing'. The preprocessing list says, per column, "
        "how many values were filled in and with what, and the first examples highlight filled-in cells.",
        "- **行号**：表头为空或为“Unnamed”、每行一个整数的列，或任何按 0、1、2… 或 1、2、3… 计数的列。"
        "它只是这一行在表格中的位置，而不是这一行的属性。\n"
        "- **标识符**：名字像 ID（id、ID、patient_id、PatientID…），或每行取值都不同的文字（姓名、编码）。"
        "网络从中只能死记各行。\n"
        "- **常量**：每行都是同一个值。\n"
        "- **自由文本**：不同取值超过 50 个、或超过行数一半的文字列，或由句子组成的列（备注）。\n"
        "- **日期**：读起来像日历日期的文字；默认不使用，选择“日期转为数字”后用年、月和一年中的第几天。\n"
        "- **大部分为空**：超过一半的值缺失。\n"
        "- 其余的列都是**特征**。每次更换目标列都会重新判断用途，训练时使用的正是表格中的用途。\n\n"
        "**空缺**：没有目标值的行总会被删除。“自动决定”只有当有空缺的行不超过 5% 时才删除它们；否则用训练行的"
        "中位数（数字）或出现最多的值（文字）填补每个空缺，空缺占该列至少 5% 的列还会多一个 0/1 输入，"
        "表示“这个值原本缺失”。预处理列表会逐列说明填补了多少个值、用的是什么值，前几个样本中被填补的格子会被标亮。",
    ),
    # --- after loading: the gaps, per column ---------------------------------------------------------
    "roles.gaps_title": ("**Gaps, per column**", "**各列的空缺**"),
    "roles.gaps_filled": (
        "{filled} of {rows} rows had a gap; they were kept and the gaps filled in.",
        "{rows} 行中有 {filled} 行有空缺；这些行都保留了下来，空缺已被填补。",
    ),
    "roles.gaps_dropped": (
        "{dropped} of {rows} rows had a gap and were removed ({share}).",
        "{rows} 行中有 {dropped} 行有空缺，已被删除（{share}）。",
    ),
    "roles.gap_col_column": ("column", "列名"),
    "roles.gap_col_missing": ("missing values", "缺失值"),
    "roles.gap_col_action": ("what was done", "处理方式"),
    "roles.gap_col_indicator": ("'was missing' input", "“曾缺失”输入"),
    "roles.gap.dropped": ("rows removed", "删除了这些行"),
    "roles.gap.median": ("filled with the median, {value}", "用中位数 {value} 填补"),
    "roles.gap.median_date": ("filled with the median date parts", "用日期各部分的中位数填补"),
    "roles.gap.most_frequent": ("filled with the most frequent value, {value}", "用出现最多的值 {value} 填补"),
    "roles.filled_legend": (
        "Highlighted cells were empty in the file and have been filled in.",
        "标亮的格子在文件中是空的，已被填补。",
    ),
    "roles.yes": ("yes", "是"),
    "roles.no": ("no", "否"),
    # --- preprocessing steps nncore writes (nncore/data/csv_import.py) -----------------------------
    "msg.roles.left_out.row_number": ("Left out {columns}: a row number", "不使用 {columns}：行号"),
    "msg.roles.left_out.identifier": (
        "Left out {columns}: an identifier (a different value in every row)",
        "不使用 {columns}：标识符（每行的值都不同）",
    ),
    "msg.roles.left_out.constant": ("Left out {columns}: the same value in every row", "不使用 {columns}：每行的值都一样"),
    "msg.roles.left_out.free_text": (
        "Left out {columns}: free text (too many different texts for one input per value)",
        "不使用 {columns}：自由文本（不同的文字太多，无法每个值一个输入）",
    ),
    "msg.roles.left_out.date": ("Left out {columns}: a date", "不使用 {columns}：日期"),
    "msg.roles.left_out.mostly_empty": ("Left out {columns}: mostly empty", "不使用 {columns}：大部分为空"),
    "msg.roles.left_out.chosen": ("Left out {columns}: left out by choice", "不使用 {columns}：按你的选择不使用"),
    "msg.roles.kept_rows": (
        "Kept every row: dropping the {n} rows with a gap would remove {share} of them, so the gaps were "
        "filled in",
        "保留了所有行：删除 {n} 行有空缺的数据会去掉 {share} 的行，所以改为填补空缺",
    ),
    "msg.roles.filled_indicator": (
        "Filled in {n} gaps in '{column}' with {value} (the training rows' {stat}) and added the input "
        "'{column} (missing)'",
        "用 {value}（训练行的{stat}）填补了“{column}”中的 {n} 个空缺，并加了输入“{column} (missing)”",
    ),
    "msg.roles.filled": (
        "Filled in {n} gaps in '{column}' with {value} (the training rows' {stat})",
        "用 {value}（训练行的{stat}）填补了“{column}”中的 {n} 个空缺",
    ),
    "msg.roles.filled_date_indicator": (
        "Filled in {n} gaps in '{column}' with the training rows' median date and added the input "
        "'{column} (missing)'",
        "用训练行的日期中位数填补了“{column}”中的 {n} 个空缺，并加了输入“{column} (missing)”",
    ),
    "msg.roles.filled_date": (
        "Filled in {n} gaps in '{column}' with the training rows' median date",
        "用训练行的日期中位数填补了“{column}”中的 {n} 个空缺",
    ),
    "msg.frag.roles.median": ("median", "中位数"),
    "msg.frag.roles.most_frequent": ("most frequent value", "最常见的值"),
    "msg.roles.all_left_out": (
        "Expected at least one feature column besides the target '{target}'. Received: every other column "
        "was left out: {listed}; mark the columns to learn from as features",
        "除了目标列“{target}”之外，至少还需要一个特征列。但其他列都不使用：{listed}；请把要学习的列标为特征",
    ),
    "msg.roles.expected_missing": (
        "Expected `missing` to be 'auto', 'drop' or 'impute'. Received: missing={value}",
        "`missing` 应为 'auto'、'drop' 或 'impute'。但收到的是：missing={value}",
    ),
}
