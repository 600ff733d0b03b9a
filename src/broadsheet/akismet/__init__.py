"""The Akismet-compatible HTTP API: other sites' comments checked by this server's spam engine (docs/akismet-api.md)."""
