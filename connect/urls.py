"""Under each language (mocisite/urls.py): the links that e-mails carry."""

from django.urls import path

from . import views, workshops

app_name = "connect"
urlpatterns = [
    path("confirm/<str:token>/", views.confirm_request, name="confirm"),
    path("stop/<str:signed>/", views.stop_messages, name="stop"),
    path("profile/<str:signed>/", views.member_profile, name="profile"),
    path("profile/<str:signed>/remove/", views.remove_profile, name="remove_profile"),
    path("workshop/cancel/<str:signed>/", workshops.cancel_signup, name="cancel_signup"),
]
