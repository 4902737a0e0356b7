"""Which address a request comes from, when proxies may stand in front.

Sign-in lockouts and the page-password throttle count failures per client
address. A client can write any ``X-Forwarded-For`` it likes, so the header is
believed only as far as it was written by proxies we trust
(``settings.MOCI_TRUSTED_PROXIES``, from the ``TRUSTED_PROXIES`` variable: the
addresses or networks of our own proxies and load balancers). Without any, or
when the connection does not come from one of them, the connection's own
address (``REMOTE_ADDR``) counts.

Nothing here reads settings at import: the settings import
:func:`parse_trusted_proxies`.
"""

import ipaddress

from django.conf import settings


def parse_trusted_proxies(value):
    """``"10.0.0.1, 172.30.80.0/24, ::1"`` → (networks, problems): each entry an
    address or a network in CIDR notation; ``problems`` names every entry that is
    neither, for the settings to refuse to start with."""
    networks, problems = [], []
    for entry in (part.strip() for part in (value or "").split(",")):
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            problems.append(entry)
    return networks, problems


def _address(value):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(address, networks):
    return any(address in network for network in networks)


def client_address(request):
    """The address of the client behind our trusted proxies (django-axes'
    ``AXES_CLIENT_IP_CALLABLE``, and the page-password throttle's key).

    When the connection comes from a trusted proxy, walk ``X-Forwarded-For`` from
    the right (each proxy appends the address it received the request from),
    skipping trusted proxies, and take the first address that is not one: what
    lies to its left was written by the client. An entry that is not an address
    stops the walk at the last trusted hop. Otherwise: ``REMOTE_ADDR``."""
    remote = request.META.get("REMOTE_ADDR", "")
    networks = settings.MOCI_TRUSTED_PROXIES
    hop = _address(remote)
    if hop is None or not _trusted(hop, networks):
        return remote or None
    for entry in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _address(entry)
        if address is None:
            break
        hop = address
        if not _trusted(hop, networks):
            break
    return str(hop)


def is_ip_address(value):
    return _address(value or "") is not None
