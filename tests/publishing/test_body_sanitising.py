from broadsheet.publishing.bodies import render_body


def clean(html: str) -> str:
    return render_body(html, "html").html


def test_script_elements_are_removed():
    assert "<script" not in clean("<p>Hi</p><script>alert(1)</script>")
    assert "alert" not in clean("<p>Hi</p><script>alert(1)</script>")


def test_event_handler_attributes_are_removed():
    result = clean('<p onclick="steal()">Hi</p><img src="/a.png" onerror="steal()" alt="a">')
    assert "onclick" not in result and "onerror" not in result and "steal" not in result


def test_javascript_urls_are_removed():
    result = clean('<a href="javascript:steal()">click</a>')
    assert "javascript:" not in result
    assert "click" in result


def test_styles_and_iframes_are_removed():
    result = clean('<style>body{display:none}</style><iframe src="https://evil.example/"></iframe><p>ok</p>')
    assert "<style" not in result and "<iframe" not in result and "<p>ok</p>" in result


def test_markdown_is_rendered_then_sanitised():
    result = render_body("# Heading\n\nSome *emphasis* and <script>x()</script>", "markdown").html
    assert "<h1>Heading</h1>" in result and "<em>emphasis</em>" in result and "<script" not in result


def test_editorial_markup_survives():
    source = '<figure><img src="/m/a.jpg" alt="A crowd"><figcaption>The crowd</figcaption></figure><blockquote>Q</blockquote>'
    result = clean(source)
    assert (
        '<img src="/m/a.jpg" alt="A crowd">' in result
        and "<figcaption>" in result
        and "<blockquote>" in result
    )
