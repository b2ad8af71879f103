"""Offline sync: change tracking, signed bundles, the centre's import and the national portal format."""
