from broadsheet.publishing.models import Article, RelatedArticle
from broadsheet.publishing.related import Document, most_similar, refresh_related_articles

FOOTBALL = "The striker scored twice as the football club won the league match at the stadium"
ELECTION = "The prime minister called an election as voters and parliament debated the government budget"


def test_most_similar_prefers_documents_about_the_same_thing():
    documents = [
        Document(1, "Club wins league", FOOTBALL),
        Document(2, "Striker scores twice", FOOTBALL + " with a late goal"),
        Document(3, "Election called", ELECTION),
        Document(4, "Budget debate", ELECTION + " in the commons"),
    ]
    related = most_similar(documents, per_document=1)
    assert related[1][0][0] == 2
    assert related[3][0][0] == 4
    assert all(key not in [other for other, _ in pairs] for key, pairs in related.items())


def test_related_articles_are_stored_and_exclude_drafts(make_article):
    club = make_article("Club wins league", body_source=FOOTBALL)
    striker = make_article("Striker scores twice", body_source=FOOTBALL + " with a late goal")
    make_article("Election called", body_source=ELECTION)
    draft = make_article("Draft on the league", body_source=FOOTBALL, status=Article.Status.DRAFT)

    refresh_related_articles(per_article=2)

    assert RelatedArticle.objects.filter(article=club).order_by("rank").first().related == striker
    assert not RelatedArticle.objects.filter(related=draft).exists()
    assert not RelatedArticle.objects.filter(article=draft).exists()


def test_refresh_reports_only_the_lists_that_changed(make_article):
    make_article("Club wins league", body_source=FOOTBALL)
    make_article("Striker scores twice", body_source=FOOTBALL)
    first = refresh_related_articles(per_article=1)
    assert len(first) == 2
    assert refresh_related_articles(per_article=1) == set()
