"""An administrator issues a key for the Akismet-compatible API in the admin and hands it to a client site."""

import urllib.parse
import urllib.request

import pytest

from broadsheet.antispam.models import ApiKey
from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e


def test_a_key_issued_in_the_admin_is_shown_once_and_works(live_server, page, admin_user):
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(admin_user.username)
    page.get_by_label("Password").fill("password")
    page.get_by_role("button", name="Log in").click()
    page.goto(live_server.url + "/admin/antispam/apikey/add/")
    page.get_by_label("Site").fill("https://ann.example")
    page.get_by_label("Note").fill("Ann's WordPress")
    page.get_by_role("button", name="Save", exact=True).click()

    secret = page.get_by_label("Key").input_value()
    assert "Copy it now." in page.locator("#content-main").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "api-key-issued.png"), full_page=True)

    body = urllib.parse.urlencode({"api_key": secret, "blog": "https://ann.example"}).encode()
    with urllib.request.urlopen(f"{live_server.url}/1.1/verify-key", data=body, timeout=30) as answer:
        assert answer.read() == b"valid"

    page.goto(live_server.url + "/admin/antispam/apikey/")
    listing = page.locator("#result_list").inner_text()
    key = ApiKey.objects.get()
    assert key.prefix in listing and secret not in listing
