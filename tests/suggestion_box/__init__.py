"""The suggestion box and book (W 7.1.3.2)."""
