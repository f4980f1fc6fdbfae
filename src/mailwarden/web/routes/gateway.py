"""Console: the DLP gateway — counts over time, incidents (masked evidence and their audit
trail), the hold queue (release or reject: approvers and administrators) and the delay queue
(cancel), and the page a sender reaches from the link in a delay notice to cancel without
logging in. Every page has its JSON twin under ``/api/``.

The spool is files and the incidents rows: every read and every decision runs on a worker
thread, off the event loop."""

from __future__ import annotations

import asyncio
import hmac
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from ...core.errors import InputError
from ...core.i18n import gettext
from ...gateway import incidents, instances
from ...gateway.models import Incident
from ...gateway.notices import cancel_token
from ...gateway.queue import NoticeSettings, Queues
from ...gateway.spool import Entry, NotQueued, Spool
from .. import forms
from ..console import Console, ConsoleDep
from ..params import Days, Limit, RowId
from ..security import PERMISSIONS, check_csrf, current_user, require

User = Annotated[dict[str, Any], Depends(current_user)]
Decider = Annotated[dict[str, Any], Depends(require("decide"))]
DECIDERS = PERMISSIONS["decide"]
OPS = ("release", "reject", "cancel")
#: which queue each decision acts on
OP_STATES = {"release": ("held", "delayed"), "reject": ("held",), "cancel": ("delayed",)}
SPOOL_ID = re.compile(r"^[0-9a-f]{16,40}$")

router = APIRouter()


def _entry(e: Entry) -> dict[str, Any]:
    rec = e.meta.get("record", {})
    return {
        "id": e.id,
        "state": e.state,
        "received": e.meta.get("received"),
        "release_at": rec.get("release_at"),
        "sender": e.mail_from,
        "recipients": e.rcpt_tos,
        "subject": rec.get("subject", ""),
        "rules": rec.get("rules", []),
        "counts": rec.get("counts", {}),
        #: the evidence, masked as the gateway stored it: detector, where, the masked value
        "matches": rec.get("matches", []),
        "unscannable": rec.get("unscannable", []),
        "size": e.size,
    }


def _incident(inc: Any) -> dict[str, Any]:
    return {
        "id": inc.id,
        "spool_id": inc.spool_id,
        "received_at": inc.received_at.isoformat(),
        "sender": inc.sender,
        "recipients": inc.recipients,
        "subject": inc.subject,
        "action": inc.action,
        "state": inc.state,
        "test_mode": inc.test_mode,
        "size": inc.size,
        "release_at": inc.release_at.isoformat() if inc.release_at else None,
        "evidence": inc.evidence,
        "decided_by": inc.decided_by,
        "decided_at": inc.decided_at.isoformat() if inc.decided_at else None,
    }


# -- blocking work (spool files, store rows): each called on a worker thread -------------------
def queues(c: Console) -> Queues:
    return Queues(Spool(c.settings.spool_dir()), c.store, NoticeSettings.from_settings(c.settings, c.secret))


def shared(c: Console) -> bool:
    """Several gateways share their queues through the store: held and delayed messages are
    read from its index, and decisions are asked of their gateway there."""
    return instances.is_shared(c.store, c.settings.gateway_shared)


def overview(c: Console, days: int) -> dict[str, Any]:
    q = queues(c)
    counts = {state: len(q.spool.ids(state)) for state in ("queue", "held", "delayed", "failed")}
    if shared(c):
        for state in instances.INDEXED:
            counts[state] = len(instances.listing(c.store, state))
    return {
        "counts": incidents.counts_by_day(c.store, days=max(1, min(days, 366))),
        "queues": counts,
        "recent": [_incident(i) for i in incidents.listing(c.store, limit=20)],
    }


def incident_rows(c: Console, state: str | None, limit: int = 200) -> list[dict[str, Any]]:
    return [_incident(i) for i in incidents.listing(c.store, state=state, limit=limit)]


def incident_data(c: Console, incident_id: int) -> dict[str, Any]:
    found = incidents.get(c.store, incident_id)
    if found is None:
        raise HTTPException(404, gettext("no such incident"))
    inc, log = found
    return {
        **_incident(inc),
        "audit": [
            {"at": a.at.isoformat(), "actor": a.actor, "action": a.action, "detail": a.detail} for a in log
        ],
    }


def _incident_ids(c: Console, spool_ids: list[str]) -> dict[str, int]:
    if not spool_ids:
        return {}
    with c.store.session() as s:
        rows = s.execute(select(Incident.spool_id, Incident.id).where(Incident.spool_id.in_(spool_ids)))
        return {sid: iid for sid, iid in rows}


def _indexed(row: Any) -> dict[str, Any]:
    return {**_entry(instances.entry(row)), "instance": row.instance, "requested": row.action}


def queue_data(c: Console) -> dict[str, Any]:
    if shared(c):
        data = {
            state: [_indexed(r) for r in instances.listing(c.store, state)] for state in ("held", "delayed")
        }
    else:
        q = queues(c)
        data = {state: [_entry(e) for e in q.entries(state)] for state in ("held", "delayed")}
    known = _incident_ids(c, [e["id"] for rows in data.values() for e in rows])
    for rows in data.values():
        for e in rows:
            e["incident_id"] = known.get(e["id"])
    return data


def queued_entry(c: Console, sid: str, states: tuple[str, ...] = ("held", "delayed")) -> dict[str, Any]:
    """One held or delayed message with its masked evidence (404 when it waits no longer)."""
    if not SPOOL_ID.match(sid):
        raise HTTPException(404, gettext("this message is not in the queue"))
    if shared(c):
        row = instances.get(c.store, sid)
        if row is None or row.state not in states:
            raise HTTPException(404, gettext("this message is not in the queue"))
        found = _indexed(row)
        found["incident_id"] = _incident_ids(c, [sid]).get(sid)
        return found
    spool = queues(c).spool
    for state in states:
        try:
            entry = _entry(spool.entry(sid, state))
        except (NotQueued, ValueError):
            continue
        entry["incident_id"] = _incident_ids(c, [sid]).get(sid)
        return entry
    raise HTTPException(404, gettext("this message is not in the queue"))


def act(c: Console, op: str, sid: str, user: dict[str, Any], note: str) -> None:
    if op not in OPS:
        raise HTTPException(404)
    try:
        if shared(c):
            instances.request(c.store, sid, op, f"web:{user['name']}", note)
        else:
            getattr(queues(c), op)(sid, f"web:{user['name']}", note)
    except InputError as exc:
        raise HTTPException(409, str(exc)) from exc


def delayed_or_404(c: Console, sid: str, token: str) -> Entry:
    expected = cancel_token(c.secret, sid).encode()
    if not hmac.compare_digest(expected, (token or "").encode("utf-8", "replace")):
        raise HTTPException(403, gettext("this link is not valid"))
    if shared(c):
        row = instances.get(c.store, sid)
        if row is None or row.state != "delayed" or row.action is not None:
            raise HTTPException(410, gettext("this message is no longer waiting; it was sent or cancelled"))
        return instances.entry(row)
    try:
        return queues(c).spool.entry(sid, "delayed")
    except (NotQueued, ValueError) as exc:
        raise HTTPException(
            410, gettext("this message is no longer waiting; it was sent or cancelled")
        ) from exc


def sender_cancel(c: Console, sid: str, token: str) -> None:
    """The sender's cancel, the token from the notice link its capability."""
    entry = delayed_or_404(c, sid, token)
    try:
        if shared(c):
            instances.request(c.store, sid, "cancel", f"sender:{entry.mail_from}")
        else:
            queues(c).cancel(sid, f"sender:{entry.mail_from}")
    except InputError as exc:
        raise HTTPException(410, str(exc)) from exc


# -- the pages and their JSON twins -----------------------------------------------------------
@router.get("/gateway", response_class=HTMLResponse, include_in_schema=False)
async def gateway_page(request: Request, c: ConsoleDep, user: User, days: Days = 30) -> HTMLResponse:
    data = await asyncio.to_thread(overview, c, days)
    peak = max((d["total"] for d in data["counts"]), default=0)
    return c.page(request, "gateway.html", data=data, peak=max(peak, 1))


@router.get("/api/gateway", tags=["gateway"])
async def api_gateway(c: ConsoleDep, user: User, days: Days = 30) -> dict[str, Any]:
    """Incidents a day by action, queue sizes, the latest incidents."""
    return await asyncio.to_thread(overview, c, days)


@router.get("/gateway/incidents", response_class=HTMLResponse, include_in_schema=False)
async def incidents_page(
    request: Request, c: ConsoleDep, user: User, state: str | None = None
) -> HTMLResponse:
    rows = await asyncio.to_thread(incident_rows, c, state or None)
    return c.page(request, "gateway_incidents.html", rows=rows, state=state or "")


@router.get("/api/gateway/incidents", tags=["gateway"])
async def api_incidents(
    c: ConsoleDep, user: User, state: str | None = None, limit: Limit = 200
) -> list[dict[str, Any]]:
    """Incidents, newest first (evidence masked)."""
    return await asyncio.to_thread(incident_rows, c, state, max(1, min(limit, 1000)))


@router.get("/gateway/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
async def incident_page(request: Request, c: ConsoleDep, user: User, incident_id: RowId) -> HTMLResponse:
    return c.page(
        request, "gateway_incident.html", inc=await asyncio.to_thread(incident_data, c, incident_id)
    )


@router.get("/api/gateway/incidents/{incident_id}", tags=["gateway"])
async def api_incident(c: ConsoleDep, user: User, incident_id: RowId) -> dict[str, Any]:
    """One incident with its masked evidence and who did what to it."""
    return await asyncio.to_thread(incident_data, c, incident_id)


@router.get("/gateway/queue", response_class=HTMLResponse, include_in_schema=False)
async def queue_page(
    request: Request, c: ConsoleDep, user: User, error: str = "", done: str = ""
) -> HTMLResponse:
    can_decide = user.get("role") in DECIDERS
    data = await asyncio.to_thread(queue_data, c)
    return c.page(
        request,
        "gateway_queue.html",
        data=data,
        can_decide=can_decide,
        shared=shared(c),
        error=error[:300],
        done=done if done in OPS else "",
    )


@router.get("/api/gateway/queue", tags=["gateway"])
async def api_queue(c: ConsoleDep, user: User) -> dict[str, Any]:
    """Held and delayed messages (subjects masked)."""
    return await asyncio.to_thread(queue_data, c)


@router.get("/api/gateway/queue/{sid}", tags=["gateway"])
async def api_queued(c: ConsoleDep, user: User, sid: str) -> dict[str, Any]:
    """One held or delayed message with its masked evidence and the rules that matched."""
    return await asyncio.to_thread(queued_entry, c, sid)


async def _confirm_page(request: Request, c: Console, sid: str, op: str, note: str = "") -> HTMLResponse:
    if op not in OPS:
        raise HTTPException(404, gettext("there is no such decision"))
    entry = await asyncio.to_thread(queued_entry, c, sid, OP_STATES[op])
    return c.page(request, "gateway_confirm.html", e=entry, op=op, note=note)


@router.get("/gateway/queue/{sid}/{op}", response_class=HTMLResponse, include_in_schema=False)
async def queue_confirm(request: Request, c: ConsoleDep, user: Decider, sid: str, op: str) -> HTMLResponse:
    """The first step of a decision: what the message is, its evidence, and the question."""
    return await _confirm_page(request, c, sid, op)


@router.post("/gateway/queue/{sid}/{op}", include_in_schema=False)
async def queue_act(
    request: Request,
    c: ConsoleDep,
    user: Decider,
    sid: str,
    op: str,
    csrf: Annotated[str, Form()],
    note: Annotated[str, Form(max_length=2000)] = "",
    confirm: Annotated[str, Form()] = "",
) -> Response:
    """Two steps, no script: a post without ``confirm=yes`` shows the confirmation page; the
    decision is taken only from that page's form."""
    check_csrf(request, csrf)
    if confirm != "yes":
        return await _confirm_page(request, c, sid, op, note[:500])
    return await forms.act(
        lambda: act(c, op, sid, user, note[:500]),
        done=lambda _: f"/gateway/queue?done={op}",
        back="/gateway/queue",
    )


@router.post("/api/gateway/queue/{sid}/{op}", tags=["gateway"])
async def api_queue_act(
    request: Request, c: ConsoleDep, user: Decider, sid: str, op: str, note: str = ""
) -> dict[str, str]:
    """release, reject or cancel (approvers and administrators). Needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    await asyncio.to_thread(act, c, op, sid, user, note[:500])
    return {"id": sid, "done": op}


# -- the sender's cancel link: no login, the token is the capability ---------------------------
@router.get("/gateway/cancel/{sid}", response_class=HTMLResponse, include_in_schema=False)
async def cancel_page(request: Request, c: ConsoleDep, sid: str, t: str = "") -> HTMLResponse:
    try:
        entry: Entry | None = await asyncio.to_thread(delayed_or_404, c, sid, t)
    except HTTPException as exc:
        if exc.status_code != 410:
            raise
        entry = None
    return c.page(request, "gateway_cancel.html", entry=_entry(entry) if entry else None, sid=sid, t=t)


@router.get("/api/gateway/cancel/{sid}", tags=["gateway"])
async def api_cancel_view(c: ConsoleDep, sid: str, t: str = "") -> dict[str, Any]:
    """A delayed message as its sender sees it from the notice link (token ``t``)."""
    return _entry(await asyncio.to_thread(delayed_or_404, c, sid, t))


@router.post("/gateway/cancel/{sid}", response_class=HTMLResponse, include_in_schema=False)
async def cancel_post(request: Request, c: ConsoleDep, sid: str, t: Annotated[str, Form()]) -> HTMLResponse:
    await asyncio.to_thread(sender_cancel, c, sid, t)
    return c.page(request, "gateway_cancel.html", entry=None, sid=sid, t="", cancelled=True)


@router.post("/api/gateway/cancel/{sid}", tags=["gateway"])
async def api_cancel(c: ConsoleDep, sid: str, t: str) -> dict[str, str]:
    """Cancel a delayed message with the token from its notice."""
    await asyncio.to_thread(sender_cancel, c, sid, t)
    return {"id": sid, "done": "cancel"}
