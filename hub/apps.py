from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "hub"

    def ready(self):
        # The community map (people, below this app) shows the workshops as a kind of place.
        from people.map import add_place_source

        from .places import map_places

        add_place_source(map_places)
