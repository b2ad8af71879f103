"""Storage: typed SQLAlchemy models, the engine and unit of work, migrations shipped in the package."""
