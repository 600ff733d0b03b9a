"""WordPress bodies to HTML: automatic paragraphs, shortcodes, block comments, and comments to plain text."""

from __future__ import annotations

from broadsheet.importers.content import (
    Attachment,
    wordpress_body_to_html,
    wordpress_comment_to_text,
    wpautop,
)

PHOTOS = {
    "21": Attachment("https://old.example.com/wp-content/uploads/a.jpg", alt_text="Harbour", parent_id="5"),
    "22": Attachment("https://old.example.com/wp-content/uploads/b.jpg", caption="Dusk", parent_id="5"),
    "23": Attachment("https://old.example.com/wp-content/uploads/talk.mp3", parent_id="5"),
}


def test_blank_lines_become_paragraphs_and_single_newlines_line_breaks():
    assert wpautop("One.\n\nTwo\nlines.") == "<p>One.</p>\n<p>Two<br />\nlines.</p>\n"


def test_block_elements_are_not_wrapped_and_preformatted_text_is_left_alone():
    html = wpautop("Intro.\n<ul>\n<li>a</li>\n</ul>\n<pre>keep\n\nthis</pre>")
    assert "<p><ul>" not in html and "<p>Intro.</p>" in html
    assert "<pre>keep\n\nthis</pre>" in html


def test_a_caption_shortcode_becomes_a_figure():
    html = wordpress_body_to_html(
        '[caption id="attachment_1" align="alignnone" width="300"]<img src="https://x.example/a.jpg" alt="A" /> '
        "The harbour at dawn[/caption]"
    )
    assert (
        html
        == '<figure><img src="https://x.example/a.jpg" alt="A" /><figcaption>The harbour at dawn</figcaption></figure>'
    )


def test_a_gallery_shows_the_attached_images_or_the_listed_ones():
    attached = wordpress_body_to_html("[gallery]", post_id="5", attachments=PHOTOS)
    assert (
        attached.count("<img") == 2
        and 'alt="Harbour"' in attached
        and "<figcaption>Dusk</figcaption>" in attached
    )
    listed = wordpress_body_to_html('[gallery ids="22"]', post_id="5", attachments=PHOTOS)
    assert listed.count("<img") == 1


def test_embeds_audio_and_video_become_links_not_third_party_players():
    assert wordpress_body_to_html("[embed]https://www.youtube.com/watch?v=x[/embed]") == (
        '<p><a href="https://www.youtube.com/watch?v=x">https://www.youtube.com/watch?v=x</a></p>'
    )
    assert '<a href="https://vimeo.com/1">' in wordpress_body_to_html("Look:\n\nhttps://vimeo.com/1\n\nNice.")
    assert "Listen: talk.mp3" in wordpress_body_to_html("[audio]", post_id="5", attachments=PHOTOS)
    assert "Watch: clip.mp4" in wordpress_body_to_html('[video mp4="https://x.example/clip.mp4"][/video]')


def test_block_editor_comments_are_removed_and_dynamic_blocks_dropped():
    html = wordpress_body_to_html(
        '<!-- wp:paragraph {"align":"center"} -->\n<p class="has-text-align-center">Hello</p>\n<!-- /wp:paragraph -->\n'
        "<!-- wp:latest-posts /-->"
    )
    assert html == '<p class="has-text-align-center">Hello</p>'


def test_unknown_shortcodes_stay_visible_and_escaped_ones_print_literally():
    assert "[contact-form to=&quot;x&quot;]" in wordpress_body_to_html('[contact-form to="x"]').replace(
        '"', "&quot;"
    )
    assert "[gallery]" in wordpress_body_to_html("Write [[gallery]] to show a gallery.")


def test_a_comment_becomes_the_text_a_reader_would_type():
    text = wordpress_comment_to_text(
        '<p>I <strong>agree</strong>, see <a href="https://example.org">this</a>.</p>\n'
        "<blockquote>Quoted</blockquote>&amp; more"
    )
    assert text == "I **agree**, see this (https://example.org).\n\n> Quoted\n\n& more"
