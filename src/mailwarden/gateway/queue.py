"""The hold and delay queues: list, release, reject, cancel — from the CLI, the console or the
gateway's own timer — each step one atomic spool move, audited with who did it."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from ..core.config import Settings
from ..core.errors import InputError
from ..core.i18n import gettext as _
from ..core.store import Store
from . import incidents, notices
from .spool import Entry, NotQueued, Spool, read_head

#: what each operation may act on
SOURCES = {"release": ("held", "delayed"), "reject": ("held",), "cancel": ("delayed",)}
#: ids listed when a prefix is ambiguous
MAX_CANDIDATES = 10


@dataclass
class NoticeSettings:
    sender_address: str = "postmaster@localhost"
    approvers: tuple[str, ...] = ()
    admins: tuple[str, ...] = ()
    console_url: str = ""
    secret: str = ""

    @classmethod
    def from_settings(cls, settings: Settings, secret: str) -> NoticeSettings:
        """Sender and console address from the environment; ``secret`` signs cancel links."""
        return cls(sender_address=settings.notify_from, console_url=settings.console_url, secret=secret)


def only_one(ref: str, found: list[str]) -> str:
    """The one id ``ref`` names among ``found`` (the ids it starts); ``InputError`` when there
    is none, or several (listed, so the next try can be exact). For the spool and the shared
    index alike."""
    if not found:
        raise InputError(_("no queued message {id}").format(id=ref))
    if len(found) > 1:
        shown = ", ".join(found[:MAX_CANDIDATES]) + (", …" if len(found) > MAX_CANDIDATES else "")
        raise InputError(
            _("{id} is the start of {n} queued messages' ids: {ids}; give more of the id").format(
                id=ref, n=len(found), ids=shown
            )
        )
    return found[0]


class Queues:
    def __init__(self, spool: Spool, store: Store | None, notice: NoticeSettings | None = None) -> None:
        self.spool = spool
        self.store = store
        self.notice = notice or NoticeSettings()

    def entries(self, state: str) -> list[Entry]:
        return [*self.spool.entries(state)]

    def resolve(self, ref: str, op: str | None = None) -> str:
        """The full id of the queued message ``ref`` names: the id itself or any prefix of it
        that no other message shares among those ``op`` may act on (all queued messages without
        ``op``). ``InputError`` when none matches, or when several do (listing them, so the
        next try can be exact)."""
        ref = ref.strip()
        found = self.spool.matching(ref, SOURCES[op]) if op else []
        if not found:  # none ``op`` may act on: the message's state will say why
            found = self.spool.matching(ref)
        return only_one(ref, found)

    def _state_of(self, sid: str, op: str) -> str:
        try:
            entry = self.spool.find(sid)
        except NotQueued as exc:
            raise InputError(_("no queued message {id}").format(id=sid)) from exc
        if entry.state not in SOURCES[op]:
            raise InputError(
                _("message {id} is {state}; {op} needs it {allowed}").format(
                    id=sid, state=entry.state, op=op, allowed=" / ".join(SOURCES[op])
                )
            )
        return entry.state

    def notify(self, kind: str, to: list[str], meta: dict[str, Any], detail: str = "") -> str | None:
        """Queue a notice for delivery; nothing when there is no one to tell."""
        to = [a for a in to if a]
        if not to:
            return None
        n = self.notice
        data = notices.compose(
            kind,
            to=to,
            sender_address=n.sender_address,
            meta=meta,
            console_url=n.console_url,
            secret=n.secret,
            detail=detail,
        )
        envelope = {"mail_from": "", "rcpt_tos": to, "received": time.time(), "notice": kind}
        return self.spool.put("queue", envelope, data)

    def release(self, sid: str, actor: str, note: str = "") -> str:
        """Send a held or delayed message now; ``sid`` may be a unique prefix of its id.
        Returns the full id."""
        sid = self.resolve(sid, "release")
        state = self._state_of(sid, "release")
        meta = self.spool.entry(sid, state).meta
        try:
            self.spool.move(sid, state, "queue")
        except NotQueued as exc:
            raise InputError(_("message {id} was dealt with meanwhile").format(id=sid)) from exc
        self._log(actor, "release", sid, "released", note, meta)
        if state == "held":
            self.notify("released", [meta.get("mail_from", "")], meta)
        return sid

    def reject(self, sid: str, actor: str, note: str = "") -> str:
        """Refuse a held message (its sender is told); ``sid`` may be a unique prefix of its id.
        Returns the full id."""
        sid = self.resolve(sid, "reject")
        state = self._state_of(sid, "reject")
        self._drop(sid, state, actor, "reject", "rejected", note)
        return sid

    def cancel(self, sid: str, actor: str, note: str = "") -> str:
        """Cancel a delayed message; ``sid`` may be a unique prefix of its id.
        Returns the full id."""
        sid = self.resolve(sid, "cancel")
        state = self._state_of(sid, "cancel")
        self._drop(sid, state, actor, "cancel", "cancelled", note)
        return sid

    def _drop(self, sid: str, state: str, actor: str, op: str, new_state: str, note: str) -> None:
        try:
            claimed = self.spool.take(sid, state)
        except NotQueued as exc:
            raise InputError(_("message {id} was dealt with meanwhile").format(id=sid)) from exc
        meta = read_head(claimed)[0]
        if op == "reject":
            self.notify("rejected", [meta.get("mail_from", "")], meta, note)
        self.spool.drop_claim(claimed)
        self._log(actor, op, sid, new_state, note, meta)

    def _log(self, actor: str, op: str, sid: str, new_state: str, note: str, meta: dict[str, Any]) -> None:
        if self.store is None:
            return
        incidents.set_state(self.store, sid, new_state, actor, meta)
        incidents.audit(self.store, actor, op, sid, note)
