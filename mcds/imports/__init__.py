"""Imports of what providers already published elsewhere into an MCDS submission: CTDL from the Credential
Engine Registry (ctdl.py). An importer reads the other format with the project's bounded readers, maps it back
through the same terms the exporters use, and says what the standard still needs."""
