"""Console: remediation of a resolved phishing cluster across mailboxes (dry run, move, restore).

The page of a cluster's remediation offers a dry run (search every mailbox, move nothing), then
a confirmation step before the found messages are moved to the quarantine folder, and the log
with a restore per run. The page searches the configured mailbox list
(MAILWARDEN_REMEDIATE_MAILBOXES); the JSON twin may name mailboxes. Reading needs a session;
acting needs the ``decide`` permission and the CSRF token. The IMAP work runs on a worker
thread, off the event loop."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from ...core.errors import ConfigError, InputError
from ...core.i18n import gettext
from ...reports import remediate as rm
from ...reports import triage
from ...reports.remediate import RemediationRow, RestoreResult, RunResult
from .. import forms
from ..console import Console, ConsoleDep
from ..errors import ApiError
from ..params import RowId
from ..security import PERMISSIONS, check_csrf, current_user, require

User = Annotated[dict[str, Any], Depends(current_user)]
Decider = Annotated[dict[str, Any], Depends(require("decide"))]
DECIDERS = PERMISSIONS["decide"]
#: mailboxes one API call may name (the configured list has no such bound)
MAX_API_MAILBOXES = 5000

router = APIRouter()


class RemediateRequest(BaseModel):
    apply: bool = False
    #: empty: the configured list (MAILWARDEN_REMEDIATE_MAILBOXES)
    mailboxes: list[str] = Field(default_factory=list, max_length=MAX_API_MAILBOXES)


class RestoreRequest(BaseModel):
    #: empty: every remediation of the cluster
    run: str = Field(default="", max_length=32, pattern="^[0-9a-f]*$")


def _run(c: Console, cluster_id: int, user: dict[str, Any], apply: bool, mailboxes: list[str]) -> RunResult:
    """The dry run or the move; HTTPException 409 (not phishing, bad list, not set up)."""
    try:
        config = rm.RemediateConfig.from_settings(c.settings)
        names = rm.mailboxes_from(mailboxes, c.settings.remediate_mailboxes)
        return rm.remediate(c.store, config, cluster_id, names, actor=f"web:{user['name']}", apply=apply)
    except ConfigError as exc:  # not set up: the installation's state, said as such
        raise ApiError(409, "not-configured", str(exc)) from exc
    except InputError as exc:
        raise HTTPException(409, str(exc)) from exc


def _restore(c: Console, cluster_id: int, user: dict[str, Any], run: str) -> RestoreResult:
    if run and not any(r["cluster_id"] == cluster_id for r in rm.remediations(c.store, run=run, limit=1)):
        raise HTTPException(404, gettext("no such remediation run"))
    try:
        config = rm.RemediateConfig.from_settings(c.settings)
        return rm.restore(
            c.store,
            config,
            actor=f"web:{user['name']}",
            run=run or None,
            cluster_id=None if run else cluster_id,
        )
    except ConfigError as exc:  # not set up: the installation's state, said as such
        raise ApiError(409, "not-configured", str(exc)) from exc
    except InputError as exc:
        raise HTTPException(409, str(exc)) from exc


@router.get("/api/reports/remediation/{cluster_id}", tags=["reports"])
async def api_remediations(c: ConsoleDep, user: User, cluster_id: RowId) -> list[RemediationRow]:
    """The remediation log of a cluster, newest first: every message found (dry run), moved or
    restored, and every mailbox that could not be searched."""
    return await asyncio.to_thread(rm.remediations, c.store, cluster_id=cluster_id)


@router.post("/api/reports/remediation/{cluster_id}", tags=["reports"], responses={409: {}})
async def api_remediate(
    request: Request, c: ConsoleDep, user: Decider, cluster_id: RowId, body: RemediateRequest
) -> RunResult:
    """Search every mailbox for a phishing cluster's message; with ``apply``, move it to the
    quarantine folder. Approvers and administrators; needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    return await asyncio.to_thread(_run, c, cluster_id, user, body.apply, body.mailboxes)


@router.post("/api/reports/remediation/{cluster_id}/restore", tags=["reports"], responses={404: {}, 409: {}})
async def api_restore(
    request: Request, c: ConsoleDep, user: Decider, cluster_id: RowId, body: RestoreRequest
) -> RestoreResult:
    """Put back what a run (or, without ``run``, every run of the cluster) moved. Approvers and
    administrators; needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    return await asyncio.to_thread(_restore, c, cluster_id, user, body.run)


# -- the page ----------------------------------------------------------------------------------
def _page_data(c: Console, cluster_id: int, run: str) -> dict[str, Any]:
    found = triage.get_cluster(c.store, cluster_id)
    if found is None:
        raise HTTPException(404, gettext("no such cluster"))
    log = rm.remediations(c.store, cluster_id=cluster_id)
    runs: dict[str, dict[str, Any]] = {}
    for r in log:
        entry = runs.setdefault(r["run"], {"run": r["run"], "at": r["at"], "actor": r["actor"], "rows": []})
        entry["rows"].append(r)
    for entry in runs.values():
        entry["statuses"] = {s: sum(1 for r in entry["rows"] if r["status"] == s) for s in _STATUSES}
    try:
        rm.RemediateConfig.from_settings(c.settings)
        setup = (
            ""
            if c.settings.remediate_mailboxes
            else gettext("no mailbox list is configured (MAILWARDEN_REMEDIATE_MAILBOXES)")
        )
    except ConfigError as exc:
        setup = str(exc)
    return {
        "g": found,
        "runs": list(runs.values()),
        "current": runs.get(run),
        "setup": setup,
        "phishing": found["status"] == "resolved" and found["classification"] == "phishing",
    }


_STATUSES = ("found", "moved", "restored", "failed")


@router.get("/reports/remediation/{cluster_id}", response_class=HTMLResponse, include_in_schema=False)
async def remediation_page(
    request: Request,
    c: ConsoleDep,
    user: User,
    cluster_id: RowId,
    run: str = "",
    error: str = "",
    done: str = "",
) -> HTMLResponse:
    data = await asyncio.to_thread(_page_data, c, cluster_id, run[:32])
    return c.page(
        request,
        "reports_remediation.html",
        **data,
        can_decide=user.get("role") in DECIDERS,
        error=error[:300],
        done=done if done in ("search", "apply", "restore") else "",
        confirm=False,
    )


def _page_url(cluster_id: int, **params: str) -> str:
    query = "&".join(f"{k}={quote(v)}" for k, v in params.items() if v)
    return f"/reports/remediation/{cluster_id}" + (f"?{query}" if query else "")


@router.post("/reports/remediation/{cluster_id}/search", include_in_schema=False)
async def search_post(
    request: Request,
    c: ConsoleDep,
    user: Decider,
    cluster_id: RowId,
    csrf: Annotated[str, Form()],
) -> Response:
    """The dry run: every configured mailbox searched, nothing moved; the page shows what was found."""
    check_csrf(request, csrf)
    return await forms.act(
        lambda: _run(c, cluster_id, user, False, []),
        done=lambda got: _page_url(cluster_id, run=got["run"], done="search"),
        back=_page_url(cluster_id),
        refused=(409,),
    )


@router.post("/reports/remediation/{cluster_id}/apply", include_in_schema=False)
async def apply_post(
    request: Request,
    c: ConsoleDep,
    user: Decider,
    cluster_id: RowId,
    csrf: Annotated[str, Form()],
    run: Annotated[str, Form(max_length=32)] = "",
    confirm: Annotated[str, Form()] = "",
) -> Response:
    """Two steps, no script: without ``confirm=yes`` the confirmation page (the dry run's list);
    the messages are moved only from that page's form — searched again, so that what arrived
    since the dry run goes too."""
    check_csrf(request, csrf)
    if confirm != "yes":
        data = await asyncio.to_thread(_page_data, c, cluster_id, run)
        return c.page(
            request,
            "reports_remediation.html",
            **data,
            can_decide=True,
            error="",
            done="",
            confirm=True,
        )
    return await forms.act(
        lambda: _run(c, cluster_id, user, True, []),
        done=lambda got: _page_url(cluster_id, run=got["run"], done="apply"),
        back=_page_url(cluster_id),
        refused=(409,),
    )


@router.post("/reports/remediation/{cluster_id}/restore", include_in_schema=False)
async def restore_post(
    request: Request,
    c: ConsoleDep,
    user: Decider,
    cluster_id: RowId,
    csrf: Annotated[str, Form()],
    run: Annotated[str, Form(max_length=32, pattern="^[0-9a-f]*$")] = "",
) -> Response:
    """Put back what a run moved (the run's messages, back in their folders)."""
    check_csrf(request, csrf)
    return await forms.act(
        lambda: _restore(c, cluster_id, user, run),
        done=lambda _: _page_url(cluster_id, run=run, done="restore"),
        back=_page_url(cluster_id),
        refused=(404, 409),
    )
