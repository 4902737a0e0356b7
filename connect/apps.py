from django.apps import AppConfig


class ConnectConfig(AppConfig):
    name = "connect"

    def ready(self):
        # Each kind of request registers itself (connect/confirm.py).
        from . import join, members, peers, workshops  # noqa: F401

        members.connect_signals()
        workshops.connect_signals()
