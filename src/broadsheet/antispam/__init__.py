"""The spam engine: a Django-free core library plus the site's training and evaluation commands."""
