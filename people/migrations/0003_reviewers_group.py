"""Create the Reviewers group: staff who may verify, reject and revoke certifications."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REVIEWER_PERMISSIONS = [
    "review_certification",
    "view_certification",
    "view_certificationdecision",
    "view_profile",
    "view_issuingbody",
]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now so the group
    # can be given them in the same run.
    people = apps.get_app_config("people")
    people.models_module = True
    create_permissions(people, apps=apps, verbosity=0)
    people.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Reviewers")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="people", codename__in=REVIEWER_PERMISSIONS
        )
    )


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Reviewers").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_seed_reference_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
