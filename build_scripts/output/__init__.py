"""What the site is made of: pages rendered through the templates, and the search index."""
