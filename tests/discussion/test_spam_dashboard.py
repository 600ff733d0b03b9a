"""The admin's spam chart counts every screened submission per verdict per day, discarded ones included."""

from datetime import date

from broadsheet.discussion.models import VerdictTally
from broadsheet.discussion.selectors import verdicts_per_day


def test_tally_counts_each_verdict_per_day(db):
    for decision in ["approve", "approve", "spam", "discard"]:
        VerdictTally.count_one(decision, date(2026, 11, 20))
    VerdictTally.count_one("hold", date(2026, 11, 21))

    days = verdicts_per_day(days=3, today=date(2026, 11, 21))

    assert [day.day for day in days] == [date(2026, 11, 19), date(2026, 11, 20), date(2026, 11, 21)]
    assert days[1].counts == {"approve": 2, "hold": 0, "spam": 1, "discard": 1}
    assert days[2].total == 1 and days[0].total == 0


def test_dashboard_draws_the_chart_and_the_table(admin_client):
    VerdictTally.count_one("spam", date.today())
    VerdictTally.count_one("approve", date.today())
    page = admin_client.get("/admin/discussion/comment/dashboard/?days=7")
    assert page.status_code == 200
    body = page.content.decode()
    assert body.count("<rect") == 2 and "spam (1)" in body and "<table>" in body
    assert "Spam filter chart" in admin_client.get("/admin/discussion/comment/").content.decode()


def test_posting_counts_the_verdict_even_when_nothing_is_stored(make_article):
    from django.utils import timezone

    from broadsheet.discussion.forms import HONEYPOT_FIELD
    from broadsheet.discussion.screening import Draft, RequestMeta
    from broadsheet.discussion.services import post_comment

    article = make_article()
    bot = RequestMeta(ip="203.0.113.9", honeypot_values={HONEYPOT_FIELD: "http://spam.example"})
    posted = post_comment(article, Draft("Bot", "bot@example.org", "Buy now"), bot)

    assert posted.comment is None
    assert VerdictTally.objects.get(day=timezone.localdate(), decision="discard").count == 1
