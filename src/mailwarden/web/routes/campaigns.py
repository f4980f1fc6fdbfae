"""Console and JSON API: phishing-simulation campaigns, their metrics and raw hits.

Pages (a session; the ``read`` permission): the campaigns with their headline rates; one
campaign — people's rates beside the raw counts, a chart, departments, time to click and to
report, the recipients and the raw hits with every reason, the pseudonymised CSV; the repeat
offenders and training assignments; the webhooks. Each has its JSON twin under
``/api/campaigns``. Acting — assigning training, adding, turning off or removing a webhook,
purging old hits — is for administrators (``MANAGE``) with the CSRF token. Metrics classify
new hits and count reports first: that and every store call run on a worker thread."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from ...core.errors import InputError
from ...core.i18n import gettext
from ...simulate import classify, figures, listings, offenders, retention, webhooks
from ...simulate.figures import CampaignMetrics, CampaignSummary, Figures
from ...simulate.listings import HitPage, RecipientPage
from ...simulate.offenders import AssignmentRow, AssignResult, OffenderRow
from ...simulate.retention import PurgeCounts
from ...simulate.webhooks import NewWebhook, WebhookRow
from .. import charts, forms
from ..console import Console, ConsoleDep
from ..params import Limit, Offset, RowId
from ..security import PERMISSIONS, check_csrf, current_user, require
from .reports import SVG_CSP

#: what acting on people and on other systems needs: administrators only (a permission of
#: its own, e.g. "campaigns", would say it better — see docs/roles.md)
MANAGE = "campaigns"
User = Annotated[dict[str, Any], Depends(current_user)]
Manager = Annotated[dict[str, Any], Depends(require(MANAGE))]
MANAGERS = PERMISSIONS[MANAGE]
PAGE = 100
MinFailures = Annotated[int, Query(ge=1, le=1000)]

router = APIRouter()


class WebhookIn(BaseModel):
    url: str = Field(max_length=webhooks.MAX_URL)
    #: empty: every event
    events: list[str] = Field(default_factory=list, max_length=len(webhooks.EVENTS))


class WebhookPatch(BaseModel):
    enabled: bool


class PurgeIn(BaseModel):
    #: default: MAILWARDEN_SIM_RETENTION_DAYS
    days: int | None = Field(default=None, ge=0, le=100_000)


# -- the work, on worker threads ---------------------------------------------------------------
def _metrics(c: Console, campaign_id: int) -> CampaignMetrics:
    try:
        return figures.campaign_metrics(c.store, campaign_id, rules=classify.rules_for(c.settings))
    except InputError as exc:
        raise HTTPException(404, str(exc)) from exc


def _hits(c: Console, campaign_id: int, human: bool | None, limit: int, offset: int) -> HitPage:
    try:
        return listings.list_hits(c.store, campaign_id, human=human, limit=limit, offset=offset)
    except InputError as exc:
        raise HTTPException(404, str(exc)) from exc


def _recipients(c: Console, campaign_id: int, limit: int, offset: int) -> RecipientPage:
    try:
        return listings.list_recipients(c.store, campaign_id, limit=limit, offset=offset)
    except InputError as exc:
        raise HTTPException(404, str(exc)) from exc


def _csv(c: Console, campaign_id: int) -> bytes:
    try:
        return listings.export_csv(c.store, campaign_id, c.secret, update_first=False).encode("utf-8")
    except InputError as exc:
        raise HTTPException(404, str(exc)) from exc


def _add_webhook(c: Console, url: str, events: list[str]) -> NewWebhook:
    try:
        return webhooks.add_webhook(c.store, url, events)
    except InputError as exc:
        raise HTTPException(422, str(exc)) from exc


def _enable(c: Console, webhook_id: int, enabled: bool) -> WebhookRow:
    try:
        return webhooks.set_enabled(c.store, webhook_id, enabled)
    except InputError as exc:
        raise HTTPException(404, str(exc)) from exc


def _remove(c: Console, webhook_id: int) -> None:
    try:
        webhooks.remove_webhook(c.store, webhook_id)
    except InputError as exc:
        raise HTTPException(404, str(exc)) from exc


def _purge(c: Console, days: int | None) -> PurgeCounts:
    settings = c.settings
    return retention.purge(
        c.store,
        days=settings.sim_retention_days if days is None else days,
        rules=classify.rules_for(settings),
    )


# -- the JSON API ------------------------------------------------------------------------------
@router.get("/api/campaigns", tags=["campaigns"])
async def api_campaigns(
    c: ConsoleDep, user: User, limit: Limit = 200, offset: Offset = 0
) -> list[CampaignSummary]:
    """Campaigns, newest first, with their headline rates (people, as last classified) and the
    raw click rate beside them."""
    return await asyncio.to_thread(figures.list_campaigns, c.store, limit=limit, offset=offset)


@router.get("/api/campaigns/trend", tags=["campaigns"])
async def api_trend(c: ConsoleDep, user: User) -> list[CampaignSummary]:
    """One row per campaign, oldest first: the figures over campaigns."""
    return await asyncio.to_thread(figures.trend, c.store)


@router.get("/api/campaigns/offenders", tags=["campaigns"])
async def api_offenders(c: ConsoleDep, user: User, min_failures: MinFailures = 2) -> list[OffenderRow]:
    """Targets who clicked or submitted in ``min_failures`` campaigns or more."""
    return await asyncio.to_thread(offenders.repeat_offenders, c.store, min_failures=min_failures)


@router.post("/api/campaigns/offenders/assign", tags=["campaigns"])
async def api_assign(
    request: Request, c: ConsoleDep, user: Manager, min_failures: MinFailures = 2
) -> AssignResult:
    """Assign training to every repeat offender, once per target and campaign. Administrators;
    needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    return await asyncio.to_thread(offenders.assign_repeat_offenders, c.store, min_failures=min_failures)


@router.get("/api/campaigns/assignments", tags=["campaigns"])
async def api_assignments(
    c: ConsoleDep, user: User, limit: Limit = 500, offset: Offset = 0
) -> list[AssignmentRow]:
    """Training assignments, newest first."""
    return await asyncio.to_thread(offenders.list_assignments, c.store, limit=limit, offset=offset)


@router.get("/api/campaigns/webhooks", tags=["campaigns"])
async def api_webhooks(c: ConsoleDep, user: Manager) -> list[WebhookRow]:
    """Webhooks with their deliveries counted (never their secrets). Administrators."""
    return await asyncio.to_thread(webhooks.list_webhooks, c.store)


@router.post("/api/campaigns/webhooks", tags=["campaigns"], status_code=201, responses={422: {}})
async def api_add_webhook(request: Request, c: ConsoleDep, user: Manager, body: WebhookIn) -> NewWebhook:
    """Add a webhook: ``https://`` (or ``http://`` to the loopback); its secret is in this
    answer only. Administrators; needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    return await asyncio.to_thread(_add_webhook, c, body.url, body.events)


@router.patch("/api/campaigns/webhooks/{webhook_id}", tags=["campaigns"], responses={404: {}})
async def api_patch_webhook(
    request: Request, c: ConsoleDep, user: Manager, webhook_id: RowId, body: WebhookPatch
) -> WebhookRow:
    """Turn a webhook off or on. Administrators; needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    return await asyncio.to_thread(_enable, c, webhook_id, body.enabled)


@router.delete(
    "/api/campaigns/webhooks/{webhook_id}", tags=["campaigns"], status_code=204, responses={404: {}}
)
async def api_delete_webhook(request: Request, c: ConsoleDep, user: Manager, webhook_id: RowId) -> Response:
    """Remove a webhook and its deliveries. Administrators; needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    await asyncio.to_thread(_remove, c, webhook_id)
    return Response(status_code=204)


@router.post("/api/campaigns/purge", tags=["campaigns"])
async def api_purge(request: Request, c: ConsoleDep, user: Manager, body: PurgeIn) -> PurgeCounts:
    """Empty the address, user agent and headers of raw hits older than ``days`` (default: the
    retention limit); their classification is kept. Administrators; needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    return await asyncio.to_thread(_purge, c, body.days)


@router.get("/api/campaigns/{campaign_id}", tags=["campaigns"], responses={404: {}})
async def api_campaign(c: ConsoleDep, user: User, campaign_id: RowId) -> CampaignMetrics:
    """A campaign's metrics: people's (human) figures beside the raw counts, automated hits by
    reason, per department; new hits are classified and reports counted first."""
    return await asyncio.to_thread(_metrics, c, campaign_id)


@router.get("/api/campaigns/{campaign_id}/hits", tags=["campaigns"], responses={404: {}})
async def api_hits(
    c: ConsoleDep,
    user: User,
    campaign_id: RowId,
    human: bool | None = None,
    limit: Limit = PAGE,
    offset: Offset = 0,
) -> HitPage:
    """A campaign's raw hits, oldest first, with the classification and every reason (code,
    parameters and the sentence in the reader's language); ``human`` filters."""
    return await asyncio.to_thread(_hits, c, campaign_id, human, limit, offset)


@router.get("/api/campaigns/{campaign_id}/recipients", tags=["campaigns"], responses={404: {}})
async def api_recipients(
    c: ConsoleDep, user: User, campaign_id: RowId, limit: Limit = PAGE, offset: Offset = 0
) -> RecipientPage:
    """A page of a campaign's recipients with what each did (first human times)."""
    return await asyncio.to_thread(_recipients, c, campaign_id, limit, offset)


@router.get(
    "/api/campaigns/{campaign_id}/export.csv",
    tags=["campaigns"],
    response_class=Response,
    responses={404: {}},
)
async def api_export(c: ConsoleDep, user: User, campaign_id: RowId) -> Response:
    """One row per recipient, pseudonymised (an HMAC of the address under the installation's
    key: the same person has the same id in every campaign; no names, no addresses), UTF-8 with
    BOM for Excel."""
    await asyncio.to_thread(_metrics, c, campaign_id)  # classify and count reports first
    data = await asyncio.to_thread(_csv, c, campaign_id)
    return Response(
        data,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="campaign-{campaign_id}.csv"'},
    )


# -- the chart ---------------------------------------------------------------------------------
def _chart_words() -> dict[str, str]:
    """The chart's words in the reader's language (made on the loop, where the language is)."""
    return {
        "title": gettext("People beside the raw counts"),
        "people": gettext("People"),
        "raw": gettext("Raw (every hit)"),
        "rate": gettext("Share of the mail sent (%)"),
        "opened": gettext("Opened"),
        "clicked": gettext("Clicked"),
        "submitted": gettext("Submitted"),
        "reported": gettext("Reported the mail"),
        "empty": gettext("Nothing sent yet"),
    }


def rates_chart(f: Figures, words: dict[str, str]) -> bytes:
    """People's rates (dark) beside the raw rates (light) of opened, clicked and submitted,
    and the report rate, as an SVG document (matplotlib, text kept as text)."""
    kinds = [f["opened"], f["clicked"], f["submitted"]]
    labels = [words["opened"], words["clicked"], words["submitted"], words["reported"]]
    people = [k["rate"] or 0.0 for k in kinds] + [f["report_rate"] or 0.0]
    # a report has no raw side: nothing to trust or not
    raw = [k["raw_rate"] or 0.0 for k in kinds] + [0.0]
    series = [
        charts.ShareSeries(words["raw"], raw, "#c9d6ee", value_colour=charts.MUTED, label_zeros=False),
        charts.ShareSeries(words["people"], people, "#1f5fbf"),
    ]
    return charts.share_bars(
        labels, series if f["sent"] else [], title=words["title"], x_label=words["rate"], empty=words["empty"]
    )


@router.get(
    "/campaigns/{campaign_id}/chart.svg", tags=["campaigns"], response_class=Response, responses={404: {}}
)
async def campaign_chart(c: ConsoleDep, user: User, campaign_id: RowId) -> Response:
    """People's rates beside the raw rates, as SVG."""
    data = await asyncio.to_thread(_metrics, c, campaign_id)
    svg = await asyncio.to_thread(rates_chart, data["figures"], _chart_words())
    return Response(
        svg,
        media_type="image/svg+xml",
        headers={"Content-Security-Policy": SVG_CSP, "Cache-Control": "private, max-age=60"},
    )


# -- the pages ---------------------------------------------------------------------------------
@router.get("/campaigns", response_class=HTMLResponse, include_in_schema=False)
async def campaigns_page(request: Request, c: ConsoleDep, user: User, offset: Offset = 0) -> HTMLResponse:
    rows = await asyncio.to_thread(figures.list_campaigns, c.store, limit=PAGE, offset=offset)
    return c.page(request, "campaigns.html", rows=rows, offset=offset, page=PAGE)


def _offenders_data(c: Console, min_failures: int) -> dict[str, Any]:
    return {
        "offenders": offenders.repeat_offenders(c.store, min_failures=min_failures),
        "assignments": offenders.list_assignments(c.store, limit=200),
    }


@router.get("/campaigns/offenders", response_class=HTMLResponse, include_in_schema=False)
async def offenders_page(
    request: Request,
    c: ConsoleDep,
    user: User,
    min_failures: MinFailures = 2,
    done: int = -1,
    error: str = "",
) -> HTMLResponse:
    data = await asyncio.to_thread(_offenders_data, c, min_failures)
    return c.page(
        request,
        "campaigns_offenders.html",
        **data,
        min_failures=min_failures,
        can_manage=user.get("role") in MANAGERS,
        done=done,
        error=error[:300],
    )


@router.post("/campaigns/offenders/assign", include_in_schema=False)
async def assign_post(
    request: Request,
    c: ConsoleDep,
    user: Manager,
    csrf: Annotated[str, Form()],
    min_failures: Annotated[int, Form(ge=1, le=1000)] = 2,
) -> Response:
    check_csrf(request, csrf)
    return await forms.act(
        lambda: offenders.assign_repeat_offenders(c.store, min_failures=min_failures),
        done=lambda got: f"/campaigns/offenders?min_failures={min_failures}&done={got['created']}",
        back=f"/campaigns/offenders?min_failures={min_failures}",
    )


async def _webhooks_page(request: Request, c: Console, **ctx: Any) -> HTMLResponse:
    rows = await asyncio.to_thread(webhooks.list_webhooks, c.store)
    ctx.setdefault("created", None)
    ctx.setdefault("error", "")
    return c.page(request, "campaigns_webhooks.html", rows=rows, events=webhooks.EVENTS, **ctx)


@router.get("/campaigns/webhooks", response_class=HTMLResponse, include_in_schema=False)
async def webhooks_page(request: Request, c: ConsoleDep, user: Manager, error: str = "") -> HTMLResponse:
    return await _webhooks_page(request, c, error=error[:300])


@router.post("/campaigns/webhooks", response_class=HTMLResponse, include_in_schema=False)
async def webhook_add_post(
    request: Request,
    c: ConsoleDep,
    user: Manager,
    csrf: Annotated[str, Form()],
    url: Annotated[str, Form(max_length=webhooks.MAX_URL)],
    events: Annotated[list[str] | None, Form()] = None,
) -> HTMLResponse:
    """The secret is shown on this answer only (never in a URL, never again)."""
    check_csrf(request, csrf)
    try:
        made = await asyncio.to_thread(_add_webhook, c, url, events or [])
    except HTTPException as exc:
        return await _webhooks_page(request, c, error=str(exc.detail), url=url)
    return await _webhooks_page(request, c, created=made)


@router.post("/campaigns/webhooks/{webhook_id}/{op}", include_in_schema=False)
async def webhook_op_post(
    request: Request,
    c: ConsoleDep,
    user: Manager,
    webhook_id: RowId,
    op: str,
    csrf: Annotated[str, Form()],
) -> Response:
    check_csrf(request, csrf)
    if op not in ("disable", "enable", "remove"):
        raise HTTPException(404, gettext("no such action"))

    def work() -> None:
        if op == "remove":
            _remove(c, webhook_id)
        else:
            _enable(c, webhook_id, op == "enable")

    return await forms.act(
        work, done=lambda _: "/campaigns/webhooks", back="/campaigns/webhooks", refused=(404,)
    )


@router.get("/campaigns/{campaign_id}", response_class=HTMLResponse, include_in_schema=False)
async def campaign_page(
    request: Request,
    c: ConsoleDep,
    user: User,
    campaign_id: RowId,
    recipients_from: Offset = 0,
    hits_from: Offset = 0,
    hits: str = "",
) -> HTMLResponse:
    data = await asyncio.to_thread(_metrics, c, campaign_id)
    which = {"human": True, "automated": False}.get(hits)
    people = await asyncio.to_thread(_recipients, c, campaign_id, PAGE, recipients_from)
    raw = await asyncio.to_thread(_hits, c, campaign_id, which, PAGE, hits_from)
    return c.page(
        request,
        "campaigns_detail.html",
        m=data,
        f=data["figures"],
        people=people,
        raw=raw,
        hits_filter=hits if which is not None else "",
        page=PAGE,
    )
