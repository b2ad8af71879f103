"""Data -> layout (mm) -> renderer: the one-stop forms, registers and reports as PDF."""
