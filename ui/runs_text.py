"""Run names as safe text: the workspace is shared, so a name one user typed is shown to others.

The helpers live in ui/safe_text.py (they serve every data-derived text); kept here under
their old names for the Runs pages.
"""

from __future__ import annotations

from ui.safe_text import markdown_text, plotly_text

__all__ = ["markdown_text", "plotly_text"]
