"""Publish an official statement as a bilingual, searchable MkDocs site."""
