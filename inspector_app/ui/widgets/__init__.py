"""Widgets shared by the screens: the officer picker, the small-list table model and the table
view factory, date edits, inline messages, the enterprise picker and refresh-on-change."""
