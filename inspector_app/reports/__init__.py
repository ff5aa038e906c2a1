"""Printed output (PDF via reportlab, Excel via openpyxl). No Qt in this package."""
