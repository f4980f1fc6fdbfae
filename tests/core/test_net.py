"""One HOST:PORT parser for the CLI, the relay and the name servers (issue 15): IPv6 literals
with and without brackets and port, and clean errors."""

from __future__ import annotations

import pytest

from mailwarden.core.dnsnames import parse_nameserver
from mailwarden.core.errors import ConfigError
from mailwarden.core.net import split_hostport


@pytest.mark.parametrize(
    ("spec", "want"),
    [
        ("mail.example.jp", ("mail.example.jp", 25)),
        ("mail.example.jp:2525", ("mail.example.jp", 2525)),
        ("192.0.2.1:587", ("192.0.2.1", 587)),
        ("::1", ("::1", 25)),
        ("[::1]", ("::1", 25)),
        ("[::1]:25", ("::1", 25)),
        ("[2001:db8::5]:10025", ("2001:db8::5", 10025)),
        ("2001:db8::5", ("2001:db8::5", 25)),
        (" relay:26 ", ("relay", 26)),
    ],
)
def test_host_and_port(spec, want):
    assert split_hostport(spec, 25) == want


@pytest.mark.parametrize(
    "spec", ["", ":25", "relay:", "relay:0", "relay:65536", "relay:x", "[::1", "[::1]x", "[]:25"]
)
def test_bad_specs_are_refused(spec):
    with pytest.raises(ValueError):
        split_hostport(spec, 25)


def test_nameservers_use_the_same_parser_and_want_an_address():
    assert (parse_nameserver("[::1]:5353").host, parse_nameserver("[::1]:5353").port) == ("::1", 5353)
    assert parse_nameserver("127.0.0.1").port == 53
    for bad in ("ns.example.jp", "127.0.0.1:99999", "[::1"):
        with pytest.raises(ConfigError):
            parse_nameserver(bad)
