"""The discussion: comments under articles, threading, moderation, notifications and commenters' privacy."""
