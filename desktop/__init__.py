"""Start-up and wiring: settings, database, services, translators, the command line, the main window."""
