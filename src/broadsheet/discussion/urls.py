"""The discussion's addresses, included at the site root: /comments/... and /privacy/."""

from django.urls import path

from . import feeds, views

app_name = "discussion"
urlpatterns = [
    path("comments/post/", views.post_comment, name="post"),
    path("comments/feed/", feeds.LatestCommentsFeed(), name="feed"),
    path("comments/feed/<int:article_id>/", feeds.ArticleCommentsFeed(), name="article-feed"),
    path("comments/feed/page/<int:page_id>/", feeds.PageCommentsFeed(), name="page-feed"),
    path("comments/email/<str:token>/", views.email_link, name="email-link"),
    path("privacy/", views.privacy, name="privacy"),
]
