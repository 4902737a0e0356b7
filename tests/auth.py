"""Authentication for the test settings."""

from axes.backends import AxesBackend


class AxesBackendForTestClient(AxesBackend):
    """django-axes' backend, except that it lets through authentication without a
    request: the test client's ``login()`` (and Wagtail's ``WagtailTestUtils.login``)
    call ``authenticate()`` without one, which the real backend refuses. Sign-ins
    through the login forms have a request and are throttled as in production."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
