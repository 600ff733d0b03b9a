from django.test import TestCase

from broadsheet.publishing import services
from broadsheet.publishing.models import Article, RelatedArticle, Section
from broadsheet.publishing.signals import article_changed, related_lists_changed

FOOTBALL = "The striker scored twice as the football club won the league match at the stadium"


class EditingRefreshesRelatedLists(TestCase):
    def test_publishing_announces_the_change_and_refreshes_related_lists(self):
        section = Section.objects.create(name="Sport", slug="sport")
        first = Article.objects.create(
            title="Club wins", body_source=FOOTBALL, section=section, status="published"
        )
        second = Article.objects.create(title="Striker scores", body_source=FOOTBALL, section=section)
        changed, lists = [], []
        article_changed.connect(lambda sender, article, **kw: changed.append(article), weak=False)
        related_lists_changed.connect(lambda sender, article_ids, **kw: lists.append(article_ids), weak=False)

        with self.captureOnCommitCallbacks(execute=True):
            services.publish([second])

        self.assertEqual(changed, [second])
        self.assertEqual(lists, [{first.pk, second.pk}])
        self.assertEqual(RelatedArticle.objects.get(article=first).related, second)

        with self.captureOnCommitCallbacks(execute=True):
            services.return_to_draft([second])
        self.assertFalse(RelatedArticle.objects.filter(related=second).exists())
