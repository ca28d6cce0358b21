"""Use cases that both shells (the CLI and the Streamlit app) call; they raise only ArgmapError subclasses."""
