"""The MkDocs plugin that puts the statement's pages into a MkDocs build."""
