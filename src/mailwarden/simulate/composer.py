"""Composing a simulation's mail for :mod:`.sender`: one recipient's message as the relay gets
it (:func:`compose_one`), a chunk of them (:func:`compose_chunk`), and :class:`Composer`, the
child processes that compose chunks for a large pass (their pipes, the pickled frames they
exchange, and their lifecycle: started by fork and exec, ended when their stdin closes).

What crosses to a child is plain data: a :class:`Spec` per campaign and a :data:`Person` per
recipient. A child that dies is not restarted: the pass composes in its own process instead.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import queue
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import IO, Any

from ..core.i18n import N_, get_language
from ..core.i18n import gettext as _
from .campaigns import templates
from .compose import compose
from .models import SimCampaign, SimProfile, SimRecipient

__all__ = [
    "NOT_COMPOSED",
    "Composer",
    "Person",
    "Spec",
    "compose_chunk",
    "compose_one",
    "composer_main",
]

log = logging.getLogger(__name__)

NOT_COMPOSED = N_("the message could not be made: {error}")

_CRLF = re.compile(rb"\r?\n")


@dataclass(frozen=True)
class Spec:
    """What composing a campaign's mail needs, as plain data (it crosses to a child process)."""

    campaign_id: int
    template: str
    lang: str
    company: str
    contact: str
    base_url: str
    mail_from: str


#: a recipient as composing needs it: token, address, name, department, manager
Person = tuple[str, str, str, str, str]


@lru_cache(maxsize=64)
def _sender_of(spec: Spec) -> tuple[SimCampaign, SimProfile]:
    """The campaign and profile as composing reads them (made once a campaign, not per mail)."""
    campaign = SimCampaign(
        id=spec.campaign_id,
        lang=spec.lang,
        company=spec.company,
        contact=spec.contact,
        template=spec.template,
    )
    return campaign, SimProfile(mail_from=spec.mail_from)


def compose_one(spec: Spec, person: Person, key: str, when: datetime) -> bytes | str:
    """The recipient's mail as the relay gets it, or why it could not be made."""
    token, address, name, department, manager = person
    campaign, profile = _sender_of(spec)
    recipient = SimRecipient(token=token, address=address, name=name, department=department, manager=manager)
    try:
        msg = compose(
            campaign,
            profile,
            recipient,
            templates()[spec.template],
            key=key,
            base_url=spec.base_url,
            when=when,
        )
        # CRLF line ends: smtplib sends bytes as they are (RFC 5321 §2.3.8); serialised with
        # the message's own policy and the ends replaced after (twice as fast as
        # as_bytes(policy=SMTP), which folds every header again)
        return _CRLF.sub(b"\r\n", msg.as_bytes())
    except ValueError as exc:  # an address or a name the headers cannot carry
        return _(NOT_COMPOSED).format(error=exc)


def compose_chunk(
    specs: dict[int, Spec], people: list[tuple[int, Person]], key: str, when: datetime
) -> list[bytes | str]:
    """A chunk's mails (run in a composing process)."""
    return [compose_one(specs[cid], person, key, when) for cid, person in people]


class Composer:
    """Child processes that compose chunks of mail, so the sending threads of this process are
    not kept waiting for the interpreter lock (composing is two thirds of a message's cost).
    Plain subprocesses talking pickle over their own pipes: started by fork and exec, safe from
    a process with threads (the console), and no re-import of the caller's main module."""

    def __init__(self, processes: int) -> None:
        self.children: list[subprocess.Popen[bytes]] = []
        self.free: queue.SimpleQueue[subprocess.Popen[bytes]] = queue.SimpleQueue()
        self.broken = False
        code = "from mailwarden.simulate.composer import composer_main; composer_main()"
        for _n in range(processes):
            child = subprocess.Popen(
                [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE
            )
            self.children.append(child)
            self.free.put(child)

    def run(
        self, specs: dict[int, Spec], people: list[tuple[int, Person]], key: str, when: datetime
    ) -> list[bytes | str]:
        child = self.free.get()
        try:
            assert child.stdin is not None and child.stdout is not None
            write_frame(child.stdin, (specs, people, key, when, get_language()))
            got: list[bytes | str] = read_frame(child.stdout)
            return got
        except (OSError, EOFError, pickle.UnpicklingError) as exc:
            log.warning("campaigns: a composing process failed (%s); composing here", exc)
            self.broken = True
            return compose_chunk(specs, people, key, when)
        finally:
            self.free.put(child)

    def close(self) -> None:
        for child in self.children:
            if child.stdin is not None:
                with contextlib.suppress(OSError):  # a child that died: its pipe is broken
                    child.stdin.close()
        for child in self.children:
            try:
                child.wait(30)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            if child.stdout is not None:
                child.stdout.close()


def write_frame(pipe: IO[bytes], value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(len(data).to_bytes(8, "big") + data)
    pipe.flush()


def read_frame(pipe: IO[bytes]) -> Any:
    head = pipe.read(8)
    if len(head) < 8:
        raise EOFError("the composing process ended")
    size = int.from_bytes(head, "big")
    data = pipe.read(size)
    if len(data) < size:
        raise EOFError("the composing process ended")
    return pickle.loads(data)  # our own child, over its own pipe


def composer_main() -> None:
    """A composing process: chunks in on stdin, mails out on stdout, until stdin closes."""
    import signal

    from ..core.i18n import set_language

    # Ctrl-C reaches the whole process group: the parent decides when we end (it closes stdin)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing printed by mistake can corrupt the frames
    while True:
        try:
            specs, people, key, when, lang = read_frame(inp)
        except EOFError:
            return
        set_language(lang)
        write_frame(out, compose_chunk(specs, people, key, when))
