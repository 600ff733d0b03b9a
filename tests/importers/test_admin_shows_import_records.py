"""Editors can see what came from where, and edit the old addresses, in the admin."""

from __future__ import annotations

import pytest

from broadsheet.importers.services import import_wxr

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["importrecord", "legacyredirect", "mediareference"])
def test_the_admin_lists_open_after_an_import(admin_client, theme_unit_test_data, model):
    import_wxr(theme_unit_test_data)

    response = admin_client.get(f"/admin/importers/{model}/")

    assert response.status_code == 200
