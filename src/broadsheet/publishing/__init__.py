"""Publishing: articles, sections, tags and authors, and every page a reader sees of them."""
