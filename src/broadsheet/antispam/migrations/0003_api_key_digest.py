"""API keys are stored as a SHA-256 digest and a short prefix instead of the key itself.

Going back gives every key a new random value (a digest does not give the old one back): clients need theirs
issued again.
"""

import hashlib
import secrets

from django.db import migrations, models


def digest_existing_keys(apps, schema_editor):
    ApiKey = apps.get_model("antispam", "ApiKey")
    for key in ApiKey.objects.all():
        key.digest = hashlib.sha256(key.key.encode()).hexdigest()
        key.prefix = key.key[:6]
        key.save(update_fields=["digest", "prefix"])


def give_every_key_a_new_value(apps, schema_editor):
    ApiKey = apps.get_model("antispam", "ApiKey")
    for key in ApiKey.objects.all():
        key.key = secrets.token_hex(16)
        key.save(update_fields=["key"])


class Migration(migrations.Migration):
    dependencies = [
        ("antispam", "0002_api_key"),
    ]

    operations = [
        migrations.AddField(
            model_name="apikey",
            name="digest",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.AddField(
            model_name="apikey",
            name="prefix",
            field=models.CharField(
                editable=False,
                help_text="The key's first characters, to tell keys apart.",
                max_length=8,
                default="",
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="apikey",
            name="key",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(digest_existing_keys, give_every_key_a_new_value),
        migrations.RemoveField(model_name="apikey", name="key"),
        migrations.AlterField(
            model_name="apikey",
            name="digest",
            field=models.CharField(editable=False, max_length=64, unique=True),
        ),
    ]
