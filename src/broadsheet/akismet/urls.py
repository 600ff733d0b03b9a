"""The Akismet API's addresses, included under /1.1/ as Akismet's own are."""

from django.urls import path

from . import views

app_name = "akismet"

urlpatterns = [
    path("verify-key", views.verify_key, name="verify-key"),
    path("comment-check", views.comment_check, name="comment-check"),
    path("submit-spam", views.submit_spam, name="submit-spam"),
    path("submit-ham", views.submit_ham, name="submit-ham"),
]
