"""Comment text is plain text with paragraphs, links, emphasis, code and quotes; nothing else survives."""

from broadsheet.discussion.text import render_comment_text


def test_paragraphs_and_line_breaks():
    assert render_comment_text("First line\nsecond line\n\nNew paragraph") == (
        "<p>First line<br>second line</p><p>New paragraph</p>"
    )


def test_addresses_become_nofollow_ugc_links():
    html = render_comment_text("See https://example.com/report?id=1. Or www.example.org")
    assert (
        '<a href="https://example.com/report?id=1" rel="nofollow ugc">https://example.com/report?id=1</a>.'
        in html
    )
    assert '<a href="https://www.example.org" rel="nofollow ugc">www.example.org</a>' in html


def test_emphasis_strong_and_code():
    html = render_comment_text("This is *really* **important**: `x < 2 and *y*`")
    assert html == "<p>This is <em>really</em> <strong>important</strong>: <code>x &lt; 2 and *y*</code></p>"


def test_quotes():
    assert render_comment_text("> You said this.\n> And this.\n\nI disagree.") == (
        "<blockquote><p>You said this.<br>And this.</p></blockquote><p>I disagree.</p>"
    )


def test_markup_typed_by_a_reader_is_shown_as_text():
    html = render_comment_text('<script>alert(1)</script><a href="javascript:x">click</a> <b>bold</b>')
    assert "<script" not in html and "<b>" not in html and "<a" not in html
    assert html.startswith("<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=")


def test_an_underscore_inside_a_word_is_not_emphasis():
    assert render_comment_text("snake_case_name") == "<p>snake_case_name</p>"
