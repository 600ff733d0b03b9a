"""The discussion's signals: what other parts (spam learning, the page cache) may listen to.

All are sent after the change is committed, so a listener reads what readers will see.
"""

from django.dispatch import Signal

# A new comment was stored. Arguments: comment, screening (the spam verdict and policy reasons; None for an
# editor's reply, which is not screened).
comment_posted = Signal()

# Comments changed state through `services.moderate`, sent once per previous state. Arguments: comments (list;
# for "deleted" the instances are gone from the database but keep their ids), old_status, new_status
# ("pending", "approved", "spam", "trash" or "deleted"), action ("approve", "hold", "spam", "trash",
# "delete"), by (the user, or None for a signed email link or the system).
comment_moderated = Signal()

# An editor changed a comment's text or details in the admin, or a commenter's data was erased.
# Arguments: comments (list), by.
comment_edited = Signal()
