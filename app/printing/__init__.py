"""Printed output: PDFs drawn with reportlab in an embedded Chinese font (reports, forms)."""
