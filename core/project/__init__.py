"""The project: edits and their undo, the working session, and the file that journals them."""
