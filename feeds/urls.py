"""Under each language (mocisite/urls.py): the Atom feeds (feeds/views.py)."""

from django.urls import path

from . import views

app_name = "feeds"
urlpatterns = [
    path("feeds/projects/", views.ProjectFeed(), name="projects"),
    path("feeds/resources/", views.ResourceFeed(), name="resources"),
    path("feeds/workshops/", views.WorkshopFeed(), name="workshops"),
]
