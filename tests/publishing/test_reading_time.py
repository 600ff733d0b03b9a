from django.test import override_settings

from broadsheet.publishing.bodies import reading_time_minutes, render_body


def words(n: int) -> str:
    return " ".join(["word"] * n)


def test_reading_time_is_words_over_reading_speed():
    assert reading_time_minutes(230 * 3) == 3


def test_reading_time_is_never_below_one_minute():
    assert reading_time_minutes(0) == 1
    assert reading_time_minutes(20) == 1


@override_settings(READING_WORDS_PER_MINUTE=100)
def test_reading_speed_is_a_setting():
    assert reading_time_minutes(500) == 5


@override_settings(READING_SECONDS_PER_IMAGE=30)
def test_images_add_reading_time():
    assert reading_time_minutes(230 * 2, images=4) == 4


def test_body_counts_words_of_the_text_not_the_markup():
    body = render_body('<p>One <a href="https://example.org/">two</a> three.</p><p>Four</p>', "html")
    assert body.word_count == 4
    assert body.text.split() == ["One", "two", "three.", "Four"]


def test_article_stores_word_count_and_reading_time_on_save(make_article):
    article = make_article(body_source=words(230 * 6))
    article.refresh_from_db()
    assert article.word_count == 230 * 6
    assert article.reading_time_minutes == 6
