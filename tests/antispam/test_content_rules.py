from broadsheet.antispam.core import Decision, guess_language

from .builders import a_comment, rules_only_engine


def codes(verdict):
    return {reason.code for reason in verdict.reasons}


def test_an_author_name_made_of_keywords_is_not_a_person():
    engine = rules_only_engine()

    assert "keyword_author" in codes(engine.check(a_comment(author="Cheap Viagra Online")))
    assert "keyword_author" in codes(engine.check(a_comment(author="best SEO services")))
    assert "keyword_author" not in codes(engine.check(a_comment(author="Jo Best")))


def test_empty_and_garbage_text_is_suspicious():
    engine = rules_only_engine()

    assert engine.check(a_comment("")).decision != Decision.APPROVE
    assert "no_words" in codes(engine.check(a_comment("!!!! ???? 1234")))
    assert "garbage_text" in codes(engine.check(a_comment("xkcdfghjk qwrtzpsdf hello")))


def test_blocked_words_mark_spam_and_moderation_words_hold():
    engine = rules_only_engine(blocked_words=("viagra",), moderation_words=("lawsuit",))

    assert engine.check(a_comment("buy VIAGRA here")).decision == Decision.SPAM
    assert engine.check(a_comment("the lawsuit was dropped")).decision == Decision.HOLD


def test_the_language_guess_tells_common_languages_apart_offline():
    assert (
        guess_language("The council said that it would publish the budget before the vote").language == "en"
    )
    assert (
        guess_language("Der Rat hat gesagt, dass er den Haushalt nicht vor der Wahl veröffentlicht").language
        == "de"
    )
    assert guess_language("Купить дешёвые часы в нашем магазине прямо сейчас").language == "ru"
    assert guess_language("ok!") is None


def test_a_comment_in_another_language_than_the_site_is_noted():
    comment = a_comment("Купить дешёвые часы в нашем магазине прямо сейчас со скидкой", site_language="en")

    assert "language" in codes(rules_only_engine().check(comment))
    assert "language" not in codes(rules_only_engine().check(a_comment(comment.content, site_language="ru")))


def test_every_reason_has_a_sentence_for_the_moderator():
    verdict = rules_only_engine().check(
        a_comment("Check out my channel http://bit.ly/x [url=http://a.example]a[/url]", author="cheap seo")
    )

    assert len(verdict.reasons) >= 4
    assert all(reason.message.endswith(".") and len(reason.message) > 20 for reason in verdict.reasons)
