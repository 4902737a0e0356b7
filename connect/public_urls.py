"""Under each language, at the top (mocisite/urls.py): joining the network and the privacy notice."""

from django.urls import path

from . import join, views

app_name = "connect_pages"
urlpatterns = [
    path("join/", join.join, name="join"),
    path("privacy/", views.privacy, name="privacy"),
]
