"""The analyser's memory, in the store, with history on:

- **newly seen link domains**: the registrable domain of every link is remembered; a link to a
  domain never seen before raises ``url.new-domain`` — once the memory is warm (``WARM``
  domains known), so a fresh install does not call everything new;
- **correspondents learned**: the sender domain of every message analysed as clean is
  remembered; once one has sent ``KNOWN_AFTER`` clean messages it counts as a correspondent,
  and a first message from a domain made to look like it (romanisation, suffix, added word,
  one edit: ``correspondents.py``) raises ``header.correspondent-lookalike`` — and, with a
  payment or data request in the text, ``bec.request``. Only clean mail teaches, so a lookalike
  that was flagged never becomes a correspondent itself."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..core.i18n import gettext
from ..core.store import Store
from ..domain.orgdomain import registrable
from .bec import bec_evidence
from .context import Hit
from .correspondents import resembles
from .engine import decide, explain
from .impersonation import known_domains
from .models import SeenDomain, SeenSender
from .result import VerdictJson
from .rules import Rules

WARM = 50
KNOWN_AFTER = 2
CODE = "url.new-domain"
LOOKALIKE = "header.correspondent-lookalike"
MAX_KNOWN = 5000
#: messages remembered in one transaction by ``apply_all``
BATCH = 200


class History:
    def __init__(self, store: Store, *, warm: int = WARM, known_after: int = KNOWN_AFTER) -> None:
        self.store = store
        self.warm = warm
        self.known_after = known_after
        self._warm = False

    def domains_of(self, result: VerdictJson) -> list[str]:
        out = []
        for u in result.get("urls", []):
            reg = registrable(u.get("host", ""))
            if reg and reg not in out:
                out.append(reg)
        return out[:100]

    def apply(self, result: VerdictJson, rules: Rules) -> VerdictJson:
        """Add what the memory knows (new link domains, learned-correspondent lookalikes),
        re-decide, then remember this message."""
        if "error" in result:
            return result
        with self.store.session() as s:
            return self._apply(s, result, rules)

    def apply_all(
        self, results: Iterable[VerdictJson], rules: Rules, *, batch: int = BATCH
    ) -> Iterator[VerdictJson]:
        """``apply`` to each result in turn, ``batch`` messages to a transaction: each message
        still sees what the ones before it taught (the session flushes before every query), but
        a directory of thousands commits (and syncs the database file) once per batch instead
        of twice per message. A consumer that stops early still has what it saw remembered."""
        it = iter(results)
        done = False
        while not done:
            with self.store.session() as s:
                try:
                    for _ in range(batch):
                        result = next(it, None)
                        if result is None:
                            done = True
                            break
                        yield result if "error" in result else self._apply(s, result, rules)
                except GeneratorExit:  # closed by the consumer: commit, then end
                    done = True

    def _apply(self, s: Session, result: VerdictJson, rules: Rules) -> VerdictJson:
        added = self._links(s, result) + self._sender(s, result, rules)
        if not added:
            return result
        hits = [Hit(sig["code"], dict(sig["evidence"])) for sig in result["signals"]]
        codes = {h.code for h in hits} | {h.code for h in added}
        if "bec.request" not in codes:
            found = bec_evidence(codes)
            if found is not None:
                added.append(Hit("bec.request", found))
        for hit in added:
            hits.append(hit)
            result["signals"].append(
                {
                    "code": hit.code,
                    "category": rules.signals[hit.code].category,
                    "weight": rules.weight(hit.code),
                    "title": gettext(rules.signals[hit.code].title),
                    "explanation": explain(rules, hit),
                    "evidence": {k: str(v) for k, v in hit.evidence.items()},
                }
            )
        result["verdict"], result["score"] = decide(rules, hits)
        return result

    def _links(self, s: Session, result: VerdictJson) -> list[Hit]:
        domains = self.domains_of(result)
        if not domains:
            return []
        now = datetime.now(UTC)
        if self._warm:  # the memory only grows: once warm, no need to count it again
            known_total = self.warm
        else:
            known_total = s.scalar(select(func.count()).select_from(SeenDomain)) or 0
            self._warm = known_total >= self.warm
        known = set(s.scalars(select(SeenDomain.domain).where(SeenDomain.domain.in_(domains))))
        new = [d for d in domains if d not in known]
        if known:  # one statement for the message's known domains, not one each
            s.execute(
                update(SeenDomain)
                .where(SeenDomain.domain.in_(known))
                .values(last_seen=now, messages=SeenDomain.messages + 1)
            )
        for d in new:
            s.add(SeenDomain(domain=d, first_seen=now, last_seen=now, messages=1))
        if known_total < self.warm:
            return []
        return [Hit(CODE, {"host": d}) for d in new[:5]]

    def _sender(self, s: Session, result: VerdictJson, rules: Rules) -> list[Hit]:
        address = result.get("headers", {}).get("from", "")
        domain = registrable(address.rsplit("@", 1)[1]) if "@" in address else ""
        if not domain or domain in rules.freemail:
            return []
        now = datetime.now(UTC)
        row = s.get(SeenSender, domain)
        if row is not None and row.messages >= self.known_after:
            row.last_seen, row.messages = now, row.messages + 1
            return []  # a correspondent itself
        found = None
        if not any(sig["code"] == LOOKALIKE for sig in result["signals"]):
            configured = set(known_domains(rules))
            learned = s.scalars(
                select(SeenSender.domain)
                .where(SeenSender.messages >= self.known_after)
                .order_by(SeenSender.messages.desc())
                .limit(MAX_KNOWN)
            )
            found = resembles(domain, tuple(d for d in learned if d not in configured))
        if found is not None:
            return [Hit(LOOKALIKE, found.evidence(domain))]
        if result["verdict"] == "clean":
            if row is None:
                s.add(SeenSender(domain=domain, first_seen=now, last_seen=now, messages=1))
            else:
                row.last_seen, row.messages = now, row.messages + 1
        return []
