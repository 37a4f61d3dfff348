"""Streamlit-side helpers: session state, shared widgets and rendering (the only place
besides app_pages/ that imports Streamlit)."""
