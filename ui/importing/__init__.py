"""The parts of the import page: column choice, preview, mapping form, summary."""
