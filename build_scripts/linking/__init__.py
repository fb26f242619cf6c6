"""Linking the words of the text to the glossary: mentions, and what the glossary misses."""
