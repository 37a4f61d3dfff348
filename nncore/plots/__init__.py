"""Pure functions from data to plotly figures; no Streamlit, no global plotting state."""
