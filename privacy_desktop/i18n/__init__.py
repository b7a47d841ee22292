"""Compiled Qt translation catalogues (*.qm), produced by the build from translations/*.ts."""
