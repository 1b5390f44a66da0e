"""Contract arithmetic: pure functions of a vendor's terms and a scenario (layer 4)."""
