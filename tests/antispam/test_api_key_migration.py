"""Keys issued before keys were stored as digests keep working after the upgrade."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from broadsheet.antispam.models import ApiKey

BEFORE = [("antispam", "0002_api_key")]
AFTER = [("antispam", "0003_api_key_digest")]


@pytest.mark.django_db(transaction=True)
def test_a_key_issued_before_the_upgrade_still_works_and_is_no_longer_stored():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_state = executor.loader.project_state(BEFORE).apps
    old_state.get_model("antispam", "ApiKey").objects.create(key="0123456789abcdef0123456789abcdef",
                                                             site="https://old.example")  # fmt: skip

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)

    key = ApiKey.objects.usable("0123456789abcdef0123456789abcdef")
    assert key is not None and key.site == "https://old.example" and key.prefix == "012345"
    columns = [column.name for column in connection.introspection.get_table_description(
        connection.cursor(), ApiKey._meta.db_table)]  # fmt: skip
    assert "key" not in columns


@pytest.mark.django_db(transaction=True)
def test_going_back_gives_each_key_a_new_value():
    ApiKey.objects.issue(site="https://one.example")
    ApiKey.objects.issue(site="https://two.example")
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_keys = executor.loader.project_state(BEFORE).apps.get_model("antispam", "ApiKey").objects.all()
    values = [key.key for key in old_keys]
    assert len(set(values)) == 2 and all(len(value) == 32 for value in values)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
