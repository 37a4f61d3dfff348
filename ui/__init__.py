"""Streamlit-side helpers: session state, shared widgets and rendering (the only place
besides pages/ that imports Streamlit)."""
