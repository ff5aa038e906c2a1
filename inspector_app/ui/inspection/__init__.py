"""The on-site inspection screens, one job per module:

- ``inspections_list``: the Inspections module (drafts to resume, recent inspections)
- ``history``: the dossier's Inspections page of one enterprise
- ``start_dialog``: starting an inspection (officers, kind, place, purpose)
- ``window``: the on-site window, one per inspection; ``checklist_model`` its checklist tree,
  ``item_panel`` the current item, ``keys`` the keyboard, ``photo_strip``/``camera`` the photos
- ``finalise_dialog`` with ``finding_editor``: reviewing findings and finalising
- ``record``: the 现场检查记录 preview
- ``officers``, ``rows``, ``labels``: the officer checklist, small list models, display labels

Nothing is imported here, so opening the main window does not load these screens.
"""
