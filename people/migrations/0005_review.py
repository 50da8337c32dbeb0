"""Reviews: a "changes requested" status, and the expiry job's record of notices sent."""

import django.db.models.deletion
from django.db import migrations, models

STATUS_CHOICES = [
    ("pending", "Pending review"),
    ("changes_requested", "Changes requested"),
    ("verified", "Verified"),
    ("rejected", "Rejected"),
    ("revoked", "Revoked"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_profile_search"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="certification",
            name="cert_status_known",
        ),
        migrations.AlterField(
            model_name="certification",
            name="status",
            field=models.CharField(
                choices=STATUS_CHOICES, db_index=True, default="pending", max_length=24
            ),
        ),
        migrations.AlterField(
            model_name="certificationdecision",
            name="from_status",
            field=models.CharField(choices=STATUS_CHOICES, max_length=24),
        ),
        migrations.AlterField(
            model_name="certificationdecision",
            name="to_status",
            field=models.CharField(choices=STATUS_CHOICES, max_length=24),
        ),
        migrations.AddConstraint(
            model_name="certification",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "status__in",
                        ["pending", "changes_requested", "verified", "rejected", "revoked"],
                    )
                ),
                name="cert_status_known",
            ),
        ),
        migrations.CreateModel(
            name="ExpiryNotice",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("expires_on", models.DateField()),
                (
                    "days_before",
                    models.PositiveSmallIntegerField(
                        help_text="Days before the expiry date the reminder was for; 0 records the expiry."
                    ),
                ),
                (
                    "emailed",
                    models.BooleanField(
                        default=True,
                        help_text="Off when nothing was sent (an inactive account, an old expiry).",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "certification",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="expiry_notices",
                        to="people.certification",
                    ),
                ),
            ],
            options={
                "ordering": ["-created_at", "-pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("certification", "expires_on", "days_before"),
                        name="one_expiry_notice_per_date",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("days_before__lte", 366)),
                        name="expiry_notice_days_before_in_range",
                    ),
                ],
            },
        ),
    ]
