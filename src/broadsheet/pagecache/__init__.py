"""The full-page cache: anonymous readers get pages from Django's cache, purged exactly by the signals of what changed."""
