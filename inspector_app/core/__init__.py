"""Domain core: entities, validation and rules. Never imports Qt."""
