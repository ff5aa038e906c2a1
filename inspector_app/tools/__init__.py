"""Developer and build tools (translations, benchmarks helpers)."""
