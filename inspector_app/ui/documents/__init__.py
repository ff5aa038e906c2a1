"""Enforcement documents (执法文书): issuing them (one editor per kind over a shared frame), the
register, an enterprise's documents, service, voiding, a day's printing and the PDF preview."""
