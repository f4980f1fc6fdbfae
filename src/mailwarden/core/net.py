"""Host and port as users write them: the one parser every part uses."""

from __future__ import annotations


def split_hostport(spec: str, default_port: int) -> tuple[str, int]:
    """``host``, ``host:port``, ``1.2.3.4:25``, ``::1`` (an IPv6 address alone), ``[::1]`` and
    ``[::1]:25`` → (host, port). Raises ``ValueError`` for anything else: an empty host, an
    unclosed bracket, text after it, a port that is not 1–65535."""
    s = spec.strip()
    port_text = ""
    if s.startswith("["):
        end = s.find("]")
        if end < 0:
            raise ValueError(f"unclosed [ in {spec!r}")
        host, rest = s[1:end], s[end + 1 :]
        if rest:
            if not rest.startswith(":"):
                raise ValueError(f"text after ] in {spec!r}")
            port_text = rest[1:]
    elif s.count(":") == 1:
        host, port_text = s.split(":")
    else:
        host = s  # a name, an IPv4 address, or an IPv6 address without a port
    if not host:
        raise ValueError(f"no host in {spec!r}")
    if not port_text:
        if s.endswith(":"):
            raise ValueError(f"empty port in {spec!r}")
        return host, default_port
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(f"bad port in {spec!r}")
    return host, int(port_text)
