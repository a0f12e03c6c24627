"""SSRF guard: which URLs the fetcher may contact.

Only http(s) is ever fetched. Unless ``allow_private_network`` is set, the host (an IP
literal, or every address its name resolves to) must be a public unicast address: loopback,
private, link-local, unique-local, unspecified, multicast, reserved and cloud metadata
addresses are refused. Every redirect hop goes through the same check.

IPv6 addresses that carry an IPv4 address (IPv4-mapped and -compatible, 6to4, NAT64 and
Teredo) are judged by every address they carry as well as by themselves: ``::ffff:169.254.169.254``
and ``2002:a9fe:a9fe::`` are the metadata address in disguise. Cloud metadata addresses are
refused even when private networks are allowed.

``check_url`` gives the early, readable refusal. The connection itself goes through
``guarded_transport``: its network backend resolves the name once, checks those addresses the
same way and connects to a checked address, so a DNS server that answers with a public address
first and a private one when the client connects (DNS rebinding) gains nothing.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Callable, Iterable
from functools import cache
from urllib.parse import urlsplit

import httpcore
import httpx

from provenance.errors import BlockedURLError, NetworkError

#: resolver(host) -> list of IP address strings; injectable for tests.
Resolver = Callable[[str], list[str]]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# cloud metadata endpoints: AWS/GCP/Azure/OpenStack/Oracle, AWS ECS task and EKS pod-identity
# agents, Alibaba, and AWS's IPv6 ones
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",
        "169.254.170.2",
        "169.254.170.23",
        "100.100.100.200",
        "fd00:ec2::254",
        "fd00:ec2::23",
    )
)
# NAT64 prefixes (RFC 6052 well-known, RFC 8215 local-use) and where RFC 6052 puts the IPv4
# address for each prefix length; the local-use /48 may be run with any of the longer prefixes
_NAT64_WELL_KNOWN = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_RFC6052_PREFIX_LENGTHS = (48, 56, 64, 96)
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
ALLOWED_SCHEMES = ("http", "https")
_PRIVATE_HINT = "use --allow-private-network to fetch from your own network"


def system_resolver(host: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise NetworkError(f"cannot resolve host {host!r}: {exc}") from None
    return sorted({str(info[4][0]) for info in infos})


def _rfc6052_ipv4(addr: ipaddress.IPv6Address, prefix_len: int) -> ipaddress.IPv4Address:
    """The IPv4 address RFC 6052 embeds after a prefix of ``prefix_len`` bits (bits 64-71 are skipped)."""
    packed = addr.packed
    start = prefix_len // 8
    embedded = [packed[i] for i in range(start, 16) if i != 8][:4]
    return ipaddress.IPv4Address(bytes(embedded))


def embedded_ipv4(addr: IPAddress) -> list[ipaddress.IPv4Address]:
    """Every IPv4 address ``addr`` carries (IPv4-mapped/-compatible, 6to4, NAT64, Teredo); [] for none."""
    if isinstance(addr, ipaddress.IPv4Address):
        return []
    found: list[ipaddress.IPv4Address] = []
    if addr.ipv4_mapped is not None:
        found.append(addr.ipv4_mapped)
    if addr in _IPV4_COMPATIBLE and int(addr) > 1:  # not :: and ::1, which are themselves
        found.append(ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF))
    if addr.sixtofour is not None:
        found.append(addr.sixtofour)
    if addr.teredo is not None:
        found.extend(addr.teredo)  # (server, client); the client address is de-obfuscated by ipaddress
    if addr in _NAT64_WELL_KNOWN:
        found.append(_rfc6052_ipv4(addr, 96))
    elif addr in _NAT64_LOCAL:
        found.extend(_rfc6052_ipv4(addr, n) for n in _RFC6052_PREFIX_LENGTHS)
    return found


def is_metadata_address(addr: IPAddress) -> bool:
    """True for a cloud metadata address, also when it is wrapped in an IPv6 address."""
    return any(a in METADATA_ADDRESSES for a in (addr, *embedded_ipv4(addr)))


def why_blocked(addr: IPAddress, *, allow_private_network: bool = False) -> str | None:
    """Why the guard refuses to contact ``addr`` (None: allowed). No traffic, no DNS: a pure decision.

    The address itself and every IPv4 address it carries must pass; with ``allow_private_network``
    only the cloud metadata addresses are refused.
    """
    if is_metadata_address(addr):
        return "a cloud metadata address"
    if allow_private_network:
        return None
    for candidate in (addr, *embedded_ipv4(addr)):
        why = _why_blocked(candidate)
        if why is not None:
            return why if candidate == addr else f"{why} ({candidate} inside {addr})"
    return None


def _why_blocked(addr: IPAddress) -> str | None:
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
    if literal is not None and is_metadata_address(literal):
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
        # the flag does not open metadata addresses, so it is not suggested for them
        hint=None if why.startswith("a cloud metadata") else _PRIVATE_HINT,
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
        why = why_blocked(addr, allow_private_network=allow_private_network)
        if why:
            return str(addr), why
    return None


def _bounded(timeout: float | None, deadline: float | None) -> float | None:
    """``timeout`` shortened to what is left before ``deadline`` (monotonic clock); past it, ReadTimeout."""
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the total deadline of the fetch has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write waits at most until the fetch's total deadline.

    Per-read timeouts alone let a server that sends one byte just before each timeout keep a
    fetch alive for ever; bounding each wait by the time left makes the deadline hold on the clock.
    """

    def __init__(self, inner: httpcore.NetworkStream, deadline: float | None) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, self._deadline))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, self._deadline))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, _bounded(timeout, self._deadline))
        return _DeadlineStream(inner, self._deadline)

    def get_extra_info(self, info: str) -> object:
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves, checks and connects in one place: the address checked is the address used."""

    def __init__(self, resolver: Resolver | None, allow_private_network: bool, deadline: float | None = None) -> None:
        self._resolve = resolver or system_resolver
        self._allow_private = allow_private_network
        self._deadline = deadline

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
        stream = super().connect_tcp(
            addresses[0], port, _bounded(timeout, self._deadline), local_address, socket_options
        )
        return _DeadlineStream(stream, self._deadline)


@cache
def _ssl_context() -> ssl.SSLContext:
    """One verifying TLS context per process: loading the CA store takes ~50 ms, and every fetch needs one."""
    return httpx.create_ssl_context(trust_env=False)


def guarded_transport(
    *, allow_private_network: bool, resolver: Resolver | None = None, deadline: float | None = None
) -> httpx.HTTPTransport:
    """An httpx transport whose connections only go to addresses that pass the guard.

    ``deadline`` (a ``time.monotonic()`` value) bounds every network wait of its connections.
    """
    transport = httpx.HTTPTransport(trust_env=False, verify=_ssl_context())
    # httpx has no public switch for the network backend; the pool is rebuilt with the same
    # defaults and ours (tests/test_http.py proves the guard is really in the connection path)
    transport._pool = httpcore.ConnectionPool(  # noqa: SLF001
        ssl_context=_ssl_context(),
        network_backend=_GuardedBackend(resolver, allow_private_network, deadline),
    )
    return transport
