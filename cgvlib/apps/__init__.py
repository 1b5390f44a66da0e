"""Interactive apps (layer 7): ipywidgets controls wired to the views."""
