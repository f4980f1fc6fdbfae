"""Per-recipient ids: unguessable, and refused when forged, truncated or altered."""

from __future__ import annotations

import pytest

from mailwarden.simulate import ids

KEY = "k" * 40


def test_an_id_reads_back_to_its_token():
    token = ids.new_token()
    value = ids.link_id(KEY, token)
    assert len(value) == 45 and ids.read_id(KEY, value) == token
    assert len({ids.new_token() for _ in range(1000)}) == 1000


@pytest.mark.parametrize(
    "mangle",
    [
        lambda v: v[:-1],  # truncated
        lambda v: v[:30],
        lambda v: v + "A",
        lambda v: ("B" if v[0] != "B" else "C") + v[1:],  # another token, same MAC
        lambda v: v[:-1] + ("A" if v[-1] != "A" else "B"),  # the MAC altered
        lambda v: v.replace(".", "-"),
        lambda v: "",
        lambda v: "../../etc/passwd",
        lambda v: "ｔ" * 45,  # not ASCII
    ],
)
def test_forged_truncated_or_altered_ids_are_refused(mangle):
    value = ids.link_id(KEY, ids.new_token())
    assert ids.read_id(KEY, mangle(value)) is None


def test_an_id_made_with_another_key_is_refused():
    value = ids.link_id("another-installation-key-0123456789", ids.new_token())
    assert ids.read_id(KEY, value) is None
    with pytest.raises(ValueError):
        ids.link_id(KEY, "short")
