"""Forms for the people app, split by concept."""
