"""The intake wizard: consent first, then identity, profile, first interview, risk, summary."""
