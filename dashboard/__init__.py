"""Hadir dashboard: a Streamlit client of the API (never of the database)."""
