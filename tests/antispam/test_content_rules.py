from broadsheet.antispam.core import Decision, guess_language

from .builders import a_comment, assert_rule_notes_only, codes, rules_only_engine


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


def test_a_request_to_contact_someone_elsewhere_is_noted():
    scams = [
        "I lost my savings to a fake broker until a recovery expert got it all back. Contact him via "
        "email: fundsback.expert@mailbox.example or WhatsApp +1 (415) 555-0134.",
        "My portfolio grew 300% in a month, all thanks to her. DM @Anna_Trades_FX and thank me later",
        "Need a loan at 2%? Write to Mrs. Grace on Telegram: @grace_loans",
        "whatsapp: +44 7700 900123 for the spell that brought my husband back",
        "He got my bitcoin back in a week, contact him by email at recovery.wizard@gmail.com",
    ]
    genuine = [
        "The leaked WhatsApp messages show the minister knew in March.",
        "@jsmith I agree, the council should publish the figures before the vote.",
        "I called the hospital twice and nobody answered.",
        "Watching in 2015 2016 2017 and still the best song ever",
        "The population passed 8 000 000 000 people last year.",
    ]

    assert_rule_notes_only("contact_elsewhere", scams, genuine)


def test_digits_and_handles_inside_links_are_not_contact_details():
    comment = a_comment(
        "Read the full text here http://shop.example/item?ref=text&qid=1408122684 and the post"
    )

    assert "contact_elsewhere" not in codes(rules_only_engine().check(comment))


def test_self_promotion_is_noted_in_the_commenters_language():
    asks = [
        "los invito a subscribirse a mi canal",
        "Suscríbete a mi canal, subo videos cada semana",
        "Inscreva-se no meu canal por favor",
        "abonnez-vous, je poste une vidéo par jour",
        "Besucht mal meinen Kanal",
    ]
    genuine = [
        "Esta canción me recuerda a mi infancia",
        "Eu adoro essa música desde criança",
        "Je suis abonné au journal depuis vingt ans",
    ]

    assert_rule_notes_only("self_promotion", asks, genuine)
