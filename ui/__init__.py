"""Qt widgets, dialogs and table models. Talks to ``records`` only through its services."""
