"""The Today page (今日待办)."""
