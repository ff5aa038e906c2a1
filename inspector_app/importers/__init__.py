"""Importers of files officers receive (the county's enterprise list). No Qt in this package."""
