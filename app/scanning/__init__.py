"""Scans: checking, storing and filing scanned pages (stamped Form B) to their cases by QR code."""
