"""MotCua Desk's domain and its storage.

Pure Python: nothing under ``records`` imports Qt (a unit test enforces it). The UI talks to this package
only through the services in ``records.services``; printing reads the frozen data objects they return.
"""
