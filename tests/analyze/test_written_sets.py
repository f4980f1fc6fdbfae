"""The mail written for this project as tuning and held-out data (tests/support/en_*.py, round 9):
each set is whole messages that mailwarden's own parser reads, the same for a seed, and no
message is a copy of another — a set that silently shrank, repeated itself or broke would make
every figure in docs/benchmarks.md drawn from it wrong."""

from __future__ import annotations

import importlib
from email.utils import getaddresses

import pytest

from mailwarden.core.message import parse_message

# (module, the least it must hold)
WRITTEN = [("en_junk", 200), ("en_lures", 200), ("en_lures2", 200), ("en_junk2", 200), ("en_business3", 300)]


@pytest.mark.parametrize(("module", "least"), WRITTEN)
def test_a_written_set_is_whole_mail_and_the_same_for_a_seed(module: str, least: int) -> None:
    mod = importlib.import_module(f"tests.support.{module}")
    first = mod.messages("test")
    assert len(first) >= least
    assert mod.messages("dev") == []
    assert mod.messages("test") == first  # the same for a seed
    assert mod.messages("test", seed=2) != first
    names = [n for n, _ in first]
    assert len(set(names)) == len(names)
    assert len({d for _, d in first}) == len(first)
    for name, data in first:
        msg = parse_message(data)
        assert msg.sender is not None and "@" in msg.sender.address, name
        assert msg.header("authentication-results"), name  # as the receiving MX recorded it
        assert msg.header("received"), name
        # a body that decodes, or an attachment that carries the lure (a PDF invoice alone)
        assert "".join(msg.texts + msg.htmls).strip() or msg.attachments, name
        assert not msg.uninspected, name
        recipients = getaddresses(msg.header_all("to") + msg.header_all("cc"))
        assert recipients or msg.header("to"), name
