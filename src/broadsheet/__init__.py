"""Broadsheet: a news publishing platform with its own comment spam filtering."""

__version__ = "0.1.0"
