"""Findings (事故隐患) from registration to closure (销号): the township list, one finding's
dossier with its 五到位 and 挂牌督办 panels, the enterprise's findings page, the quarter's listed
major findings and the re-inspection (复查)."""
