"""A request made through a public form, waiting for its sender to confirm their
e-mail address (connect/confirm.py)."""

from django.db import models


class PendingRequest(models.Model):
    """Who asked (name, e-mail address), in which language, when they consented,
    what (``kind`` and its ``payload``), and the hash of the single-use token their
    confirmation link carries (the token itself is only in the e-mail). Deleted
    after ``MOCI_CONNECT_KEEP_DAYS`` (``manage.py purge_requests``); the payload
    (a message's text) as soon as the request has been carried out."""

    kind = models.CharField(max_length=40)
    name = models.CharField(max_length=200)
    email = models.EmailField()
    language = models.CharField(max_length=16)
    consent_at = models.DateTimeField()
    payload = models.JSONField(default=dict, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    expires_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.kind} #{self.pk}"
