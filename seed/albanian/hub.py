"""The hub page and its workshop in Albanian (seed/english/hub.py); its introduction
and the workshop's story are sentences the catalogue already holds (pages.py, profiles.py)."""

CATALOGUE = {
    "The hub on the road": "Hubi në rrugë",
    "Would you like the hub to come to your town? Write to the secretariat of the network.": (
        "Dëshiron që hubi të vijë në qytetin tënd? Shkruaji sekretariatit të rrjetit."
    ),
    "Permaculture and sustainable gardening in Pellumbas": "Permakulturë dhe kopshtari e qëndrueshme në Pëllumbas",
    "The first workshops on permaculture and sustainable gardening in Pellumbas, in autumn 2020.": (
        "Punëtoritë e para për permakulturën dhe kopshtarinë e qëndrueshme në Pëllumbas, në vjeshtën e vitit 2020."
    ),
}
