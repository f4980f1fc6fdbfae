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
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..core.i18n import gettext
from ..core.store import Store
from ..domain.orgdomain import registrable
from .bec import bec_evidence
from .context import Hit
from .correspondents import KnownIndex, resembles
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
#: messages remembered in one transaction by ``apply_all`` (the first batch smaller)
BATCH = 200
FIRST_BATCH = 16


class History:
    def __init__(self, store: Store, *, warm: int = WARM, known_after: int = KNOWN_AFTER) -> None:
        self.store = store
        self.warm = warm
        self.known_after = known_after
        self._warm = False
        #: the learned correspondents indexed for lookalike search, kept across messages and
        #: batches: rebuilt only when one leaves the list, added to as they are learned
        self._index: KnownIndex | None = None
        self._indexed: set[str] = set()

    def _index_of(self, learned: Iterable[str], rules: Rules) -> KnownIndex:
        configured = set(known_domains(rules))
        wanted = {d for d in learned if d not in configured}
        if self._index is None or not self._indexed <= wanted:
            self._index, self._indexed = KnownIndex(wanted), wanted
        else:
            for d in wanted - self._indexed:
                self._index.add(d)
            self._indexed |= wanted
        return self._index

    def _learn(self, domain: str, rules: Rules) -> None:
        """``domain`` has just become a correspondent: searched for lookalikes from now on."""
        if self._index is not None and domain not in self._indexed and domain not in known_domains(rules):
            self._index.add(domain)
            self._indexed.add(domain)

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
            memory = _Batch(self, s, rules, [result])
        out = memory.apply(result)
        with self.store.session(write=True) as s:
            memory.write(s)
        return out

    def apply_all(
        self, results: Iterable[VerdictJson], rules: Rules, *, batch: int = BATCH
    ) -> Iterator[VerdictJson]:
        """``apply`` to each result in turn, ``batch`` messages at a time: what the store knows of
        a batch's link and sender domains is read in a few queries before it, each message
        then sees what the ones before it taught (kept in memory, ``_Batch``), and what the
        batch taught is written after it in one statement a table — where ``apply`` asks the
        store four or five times a message. A consumer that stops early still has what it saw
        remembered. Correspondents another process learns during a batch count from the next."""
        it = iter(results)
        size = min(batch, FIRST_BATCH)  # the first rows out soon, then whole batches
        while True:
            chunk = [r for _, r in zip(range(size), it, strict=False)]
            size = batch
            if not chunk:
                return
            with self.store.session() as s:  # read, then let go: nothing is locked meanwhile
                memory = _Batch(self, s, rules, chunk)
            try:
                for result in chunk:
                    yield result if "error" in result else memory.apply(result)
            finally:  # a consumer that stops early (Ctrl-C, a closed pipe) keeps what it saw
                with self.store.session(write=True) as s:
                    memory.write(s)

    def _added(self, result: VerdictJson, rules: Rules, added: list[Hit]) -> VerdictJson:
        """``result`` with the memory's hits added, and decided again."""
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


def _sender_domain(result: VerdictJson, rules: Rules) -> str:
    address = result.get("headers", {}).get("from", "")
    domain = registrable(address.rsplit("@", 1)[1]) if "@" in address else ""
    return "" if domain in rules.freemail else domain


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


class _Batch:
    """A batch of messages (one, for ``apply``): the store's knowledge of their domains read
    before it, the messages applied in memory in turn — each sees what the ones before it
    taught —, and what they taught written after it."""

    def __init__(self, history: History, s: Session, rules: Rules, chunk: list[VerdictJson]) -> None:
        self.history, self.rules = history, rules
        links = sorted({d for r in chunk if "error" not in r for d in history.domains_of(r)})
        senders = sorted({d for r in chunk if "error" not in r for d in [_sender_domain(r, rules)] if d})
        self.known: set[str] = set()
        for part in _chunks(links):
            self.known.update(s.scalars(select(SeenDomain.domain).where(SeenDomain.domain.in_(part))))
        self.counts: dict[str, int] = {}
        for part in _chunks(senders):
            rows = s.execute(
                select(SeenSender.domain, SeenSender.messages).where(SeenSender.domain.in_(part))
            )
            self.counts.update({d: n for d, n in rows})
        if history._warm:
            self.total = history.warm
        else:
            self.total = s.scalar(select(func.count()).select_from(SeenDomain)) or 0
            history._warm = self.total >= history.warm
        self.learned = list(
            s.scalars(
                select(SeenSender.domain)
                .where(SeenSender.messages >= history.known_after)
                .order_by(SeenSender.messages.desc())
                .limit(MAX_KNOWN)
            )
        )
        self.index = history._index_of(self.learned, rules)
        self.seen: dict[str, int] = {}  # link domain → messages this batch
        self.taught: dict[str, int] = {}  # sender domain → clean messages this batch

    def apply(self, result: VerdictJson) -> VerdictJson:
        return self.history._added(result, self.rules, self._links(result) + self._sender(result))

    def _links(self, result: VerdictJson) -> list[Hit]:
        domains = self.history.domains_of(result)
        if not domains:
            return []
        known_total = self.total
        new = [d for d in domains if d not in self.known]
        for d in domains:
            self.seen[d] = self.seen.get(d, 0) + 1
        self.known.update(new)
        self.total += len(new)
        if known_total < self.history.warm:
            return []
        # a brand's own domain (amazon.co.jp, live.com) or the organisation's is not a domain
        # nobody knows, however new to this memory
        rules = self.rules
        known = set(known_domains(rules))
        strange = [d for d in new if d not in known and not any(b.owns(d) for b in rules.brands)]
        return [Hit(CODE, {"host": d}) for d in strange[:5]]

    def _sender(self, result: VerdictJson) -> list[Hit]:
        domain = _sender_domain(result, self.rules)
        if not domain:
            return []
        after = self.history.known_after
        count = self.counts.get(domain)
        if count is not None and count >= after:
            self._teach(domain)
            return []  # a correspondent itself
        found = None
        if not any(sig["code"] == LOOKALIKE for sig in result["signals"]):
            found = resembles(domain, (), index=self.index)
        if found is not None:
            return [Hit(LOOKALIKE, found.evidence(domain))]
        if result["verdict"] == "clean":
            self._teach(domain)
        return []

    def _teach(self, domain: str) -> None:
        before = self.counts.get(domain, 0)
        self.counts[domain] = before + 1
        self.taught[domain] = self.taught.get(domain, 0) + 1
        # a correspondent from now on — while the list is short of the cap ``apply`` reads
        if before < self.history.known_after <= before + 1 and len(self.learned) < MAX_KNOWN:
            self.learned.append(domain)
            self.history._learn(domain, self.rules)

    def write(self, s: Session) -> None:
        """What the batch taught, one upsert a table: counts added to what is there, so that
        another process writing the same domains meanwhile loses nothing."""
        now = datetime.now(UTC)
        for model, counts in ((SeenDomain, self.seen), (SeenSender, self.taught)):
            rows = [
                {"domain": d, "first_seen": now, "last_seen": now, "messages": n}
                for d, n in sorted(counts.items())
            ]
            for i in range(0, len(rows), 500):
                s.execute(_upsert(s, model, rows[i : i + 500]))
        self.seen, self.taught = {}, {}


def _upsert(s: Session, model: type[SeenDomain] | type[SeenSender], rows: list[dict[str, object]]) -> Any:
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        stmt: Any = pg_insert(model).values(rows)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(model).values(rows)
    return stmt.on_conflict_do_update(
        index_elements=[model.domain],
        set_={"messages": model.messages + stmt.excluded.messages, "last_seen": stmt.excluded.last_seen},
    )
