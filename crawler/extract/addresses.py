"""Is a host private? Host names and IP literals read the way browsers and proxies read them.

A proxy with a browser-grade URL parser (WHATWG URL Standard) percent-decodes a host, maps
full-width characters, drops one trailing dot and reads ``0x7f.1`` or ``2130706433`` as IPv4;
IPv6 addresses may carry an IPv4 address inside (mapped, compatible, NAT64, 6to4, SIIT). All of
these are checked here, so a link or redirect cannot reach a loopback or private address in
disguise.
"""

from __future__ import annotations

import ipaddress
import socket
import unicodedata
from urllib.parse import unquote

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})  # UTS 46 maps these to "."
_IPV4_CHARS = frozenset("0123456789abcdefx.")
_LOCAL_NAMES = ("localhost", "localhost.localdomain")

# IPv6 prefixes whose last 32 bits are an IPv4 address: IPv4-compatible (::/96), SIIT
# (::ffff:0:0:0/96), NAT64 (64:ff9b::/96, RFC 6052) and local-use NAT64 (64:ff9b:1::/48).
_EMBEDDING = tuple(ipaddress.IPv6Network(n) for n in ("::/96", "::ffff:0:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48"))
_SITE_LOCAL = ipaddress.IPv6Network("fec0::/10")


def normalize_host(host: str) -> str:
    """A host as a browser-grade URL parser reads it: percent-decoded, NFKC, lower case, no trailing dot.

    >>> normalize_host("%31%32%37.0.0.1"), normalize_host("127%2e0%2e0%2e1%2e"), normalize_host("[::1]")
    ('127.0.0.1', '127.0.0.1', '::1')
    """
    text = unquote(host, errors="replace") if "%" in host else host
    text = unicodedata.normalize("NFKC", text).translate(_DOTS).strip().lower()
    return text.strip("[]").rstrip(".")


def literal_address(host: str) -> IPAddress | None:
    """The IP address a host names literally, in every form resolvers and URL parsers accept.

    ``2130706433``, ``0x7f.1``, ``127.1`` and ``%31%32%37.0.0.1`` all mean 127.0.0.1; an
    IPv4-mapped IPv6 address means its IPv4 address.

    >>> str(literal_address("0x7f.1")), literal_address("blog.de")
    ('127.0.0.1', None)
    """
    host = normalize_host(host)
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        if not host or not _IPV4_CHARS.issuperset(host) or not host[0].isdigit():
            return None
        try:
            ip = ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        return ip.ipv4_mapped
    return ip


def embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (mapped, compatible, SIIT, NAT64, 6to4)."""
    found = [a for a in (ip.ipv4_mapped, ip.sixtofour) if a is not None]
    if any(ip in net for net in _EMBEDDING):
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


_SIX_TO_FOUR = ipaddress.IPv6Network("2002::/16")


def _private_ip(ip: IPAddress) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip in _SIX_TO_FOUR:
        # the IPv4 address inside decides (Python 3.13 calls all of 2002::/16 not global, 3.12 none)
        return any(_private_ip(v4) for v4 in embedded_ipv4(ip))
    if not ip.is_global or ip.is_multicast:
        return True
    if isinstance(ip, ipaddress.IPv6Address):
        return ip in _SITE_LOCAL or any(_private_ip(v4) for v4 in embedded_ipv4(ip))
    return False


def is_private_address(host: str) -> bool:
    """True for hosts that name a loopback, private, link-local, site-local, reserved or multicast
    address, in any disguise (see `literal_address`, `embedded_ipv4`), and for ``localhost`` names.

    >>> is_private_address("[64:ff9b::7f00:1]"), is_private_address("127%2e0%2e0%2e1"), is_private_address("blog.de")
    (True, True, False)
    """
    ip = literal_address(host)
    if ip is not None:
        return _private_ip(ip)
    name = normalize_host(host)
    return name in _LOCAL_NAMES or name.endswith(".localhost")
