"""Generators: turn the LinkML schema into the artefacts providers and consumers fetch.

This is the only package that imports LinkML. One small module per artefact; `build` runs them all in one
process and writes or checks schema/generated/.
"""
