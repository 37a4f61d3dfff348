"""Taking work out of the app: the model file, the history as CSV, a script, an HTML report.

Each module is a pure function from a `TrainedRun` to bytes or text; the page only offers
them for download. Importing this package imports neither TensorFlow nor Streamlit.
"""

from nncore.exchange.history_csv import HistoryTable, history_csv, read_history_csv
from nncore.exchange.naming import run_title

__all__ = ["HistoryTable", "history_csv", "read_history_csv", "run_title"]
