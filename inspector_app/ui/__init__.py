"""The Qt layer: thin widgets over core and storage calls."""
