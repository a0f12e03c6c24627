"""SSRF guard: which URLs the fetcher may contact.

Only http(s) is ever fetched. Unless ``allow_private_network`` is set, the host (an IP
literal, or every address its name resolves to) must be a public unicast address: loopback,
private, link-local, unique-local, unspecified, multicast, reserved and cloud metadata
addresses are refused. Every redirect hop goes through the same check.

``check_url`` gives the early, readable refusal. The connection itself goes through
``guarded_transport``: its network backend resolves the name once, checks those addresses the
same way and connects to a checked address, so a DNS server that answers with a public address
first and a private one when the client connects (DNS rebinding) gains nothing.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

import httpcore
import httpx

from provenance.errors import BlockedURLError, NetworkError

#: resolver(host) -> list of IP address strings; injectable for tests.
Resolver = Callable[[str], list[str]]

# cloud metadata endpoints (AWS/GCP/Azure IPv4 one, AWS IPv6 one)
METADATA_ADDRESSES = frozenset({ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")})
ALLOWED_SCHEMES = ("http", "https")


def system_resolver(host: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise NetworkError(f"cannot resolve host {host!r}: {exc}") from None
    return sorted({str(info[4][0]) for info in infos})


def _why_blocked(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        return _why_blocked(addr.ipv4_mapped)
    if addr in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if addr.is_loopback:
        return "a loopback address"
    if addr.is_unspecified:
        return "the unspecified address"
    if addr.is_link_local:
        return "a link-local address"
    if addr.is_multicast:
        return "a multicast address"
    if addr.is_private:
        return "a private-network address"
    if addr.is_reserved or not addr.is_global:
        return "a reserved or non-public address"
    return None


def check_url(url: str, *, allow_private_network: bool = False, resolver: Resolver | None = None) -> None:
    """Raise BlockedURLError when ``url`` must not be fetched (see module docstring)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise BlockedURLError(f"refusing malformed URL {url!r}") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        what = "local files" if scheme == "file" else f"{scheme or 'scheme-less'} URLs"
        raise BlockedURLError(f"refusing to fetch {url}: {what} are not fetched, only http(s)")
    if not host:
        raise BlockedURLError(f"refusing URL without a host: {url}")
    if parts.username or parts.password:
        raise BlockedURLError(f"refusing URL with credentials in it: {parts.scheme}://...@{host}")
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None and literal in METADATA_ADDRESSES:
        # never useful for an article and the classic SSRF target: refused even when private networks are allowed
        raise BlockedURLError(f"refusing to fetch {url}: {host} is a cloud metadata address")
    if allow_private_network:
        return
    addresses = [str(literal)] if literal is not None else (resolver or system_resolver)(host)
    if not addresses:
        raise NetworkError(f"cannot resolve host {host!r}: no addresses")
    blocked = _first_blocked(addresses, allow_private_network=False)
    if blocked is None:
        return
    addr, why = blocked
    if why is None:
        raise BlockedURLError(f"refusing to fetch {url}: {host} resolves to an invalid address {addr!r}")
    via = " is" if literal is not None else f" resolves to {addr}, which is"
    raise BlockedURLError(
        f"refusing to fetch {url}: {host}{via} {why}",
        hint="use --allow-private-network to fetch from your own network",
    )


def _first_blocked(addresses: list[str], *, allow_private_network: bool) -> tuple[str, str | None] | None:
    """The first address that must not be contacted and why (None: not an IP address at all).

    Cloud metadata addresses are refused even when private networks are allowed.
    """
    for raw in addresses:
        try:
            addr = ipaddress.ip_address(raw.split("%", 1)[0])
        except ValueError:
            return raw, None
        why = _why_blocked(addr) if not allow_private_network else (
            "a cloud metadata address" if addr in METADATA_ADDRESSES else None)
        if why:
            return str(addr), why
    return None


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves, checks and connects in one place: the address checked is the address used."""

    def __init__(self, resolver: Resolver | None, allow_private_network: bool) -> None:
        self._resolve = resolver or system_resolver
        self._allow_private = allow_private_network

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[tuple[int, int, int | bytes] | tuple[int, int, None, int]] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            addresses = self._resolve(host)
        if not addresses:
            raise NetworkError(f"cannot resolve host {host!r}: no addresses")
        blocked = _first_blocked(addresses, allow_private_network=self._allow_private)
        if blocked is not None:
            addr, why = blocked
            raise BlockedURLError(
                f"refusing to connect to {host}: it now resolves to {addr}, which is {why or 'not an IP address'}",
                hint="the name answered differently when checked; use --allow-private-network for your own network",
            )
        # TLS still verifies the certificate against the host name: httpcore passes it as SNI separately
        return super().connect_tcp(addresses[0], port, timeout, local_address, socket_options)


def guarded_transport(*, allow_private_network: bool, resolver: Resolver | None = None) -> httpx.HTTPTransport:
    """An httpx transport whose connections only go to addresses that pass the guard."""
    transport = httpx.HTTPTransport(trust_env=False)
    # httpx has no public switch for the network backend; the pool is rebuilt with the same
    # defaults and ours (tests/test_http.py proves the guard is really in the connection path)
    transport._pool = httpcore.ConnectionPool(  # noqa: SLF001
        ssl_context=httpx.create_ssl_context(trust_env=False),
        network_backend=_GuardedBackend(resolver, allow_private_network),
    )
    return transport
