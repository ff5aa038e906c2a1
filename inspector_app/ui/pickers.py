from .widgets.pickers import EnterprisePickerDialog  # noqa: F401 — old path, still imported by enterprise_form.py and inspection_ui.py
