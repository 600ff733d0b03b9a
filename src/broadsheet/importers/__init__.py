"""Bringing a site's history into Broadsheet: WordPress WXR exports and Disqus comment exports."""
