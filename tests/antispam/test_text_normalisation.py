"""The classifier reads what spam says, not how it disguises it: text is folded before features are hashed."""

from broadsheet.antispam.core.features import intent_tokens, normalise_text


def test_look_alike_letters_fold_to_plain_ones():
    assert normalise_text("ＦＲＥＥ 𝐟𝐫𝐞𝐞 free") == "free free free"


def test_links_to_the_video_site_differ_from_links_elsewhere():
    text = normalise_text("Roar: http://youtu.be/CevxZvSJLk8 and www.cheap-pills.example/buy")

    assert text == "roar: youtubelink and httplink"


def test_runs_of_punctuation_keep_only_their_first_three_characters():
    assert normalise_text("What?!?!?!?!?! Wow!!!!!!!") == "what?!? wow!!!"


def test_calls_to_action_become_intent_tokens():
    tokens = intent_tokens(normalise_text("Please sub 4 sub and check out my channel for free gift cards"))

    assert tokens == ["i:promote_channel", "i:check_out", "i:subscribe", "i:free", "i:any"]


def test_an_ordinary_comment_has_no_intent():
    assert intent_tokens(normalise_text("I like the chorus, it reminds me of my first concert.")) == []


def test_calls_to_action_in_other_languages_are_the_same_intents():
    asks = {
        "los invito a subscribirse a mi canal": ["i:promote_channel", "i:subscribe", "i:any"],
        "Inscreva-se no meu canal": ["i:promote_channel", "i:subscribe", "i:any"],
        "abonnez-vous à ma chaîne": ["i:promote_channel", "i:subscribe", "i:any"],
        "Suscribe my channel please": ["i:promote_channel", "i:subscribe", "i:any"],
        "dale like a este comentario": ["i:like_comment", "i:any"],
        "sígueme en instagram": ["i:follow", "i:any"],
    }

    for text, expected in asks.items():
        assert intent_tokens(normalise_text(text)) == expected, text


def test_ordinary_comments_in_other_languages_have_no_intent():
    for text in ("mi piace questa canzone", "ma vie est belle", "mes amis adorent", "that is sus for me"):
        assert intent_tokens(normalise_text(text)) == [], text


def test_a_musician_promoting_their_own_work_is_promoting_a_channel():
    assert intent_tokens(normalise_text("Nice song. See my new track!")) == ["i:promote_channel", "i:any"]
    assert intent_tokens(normalise_text("listen to my mixtape")) == ["i:promote_channel", "i:any"]
    assert intent_tokens(normalise_text("My track record on this is clean.")) == []
