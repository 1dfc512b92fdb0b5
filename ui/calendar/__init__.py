"""The working-day calendar in the window: the editor, the pasted notice, next year's warning."""
