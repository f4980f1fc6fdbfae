"""Console: surveys — many domains checked in the background, their progress and results."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from ...core.i18n import gettext
from ...core.store import Store
from ...domain import service
from ...domain.survey import read_domains
from ...tasks.submit import dns_params, submit_survey, use_queue
from ..console import Console, ConsoleDep
from ..params import Limit, Offset, RowId
from ..security import check_csrf, current_user, require

MAX_SURVEY_UPLOAD = 5 * 1024 * 1024
MAX_SURVEY_DOMAINS = 100_000

User = Annotated[dict[str, Any], Depends(current_user)]
Surveyor = Annotated[dict[str, Any], Depends(require("survey"))]

router = APIRouter()


class SurveyRequest(BaseModel):
    name: str = Field(default="survey", max_length=255)
    domains: list[str] = Field(max_length=MAX_SURVEY_DOMAINS)


async def start_survey(c: Console, name: str, text: str) -> int:
    if use_queue(c.settings):  # on the workers: chunks queued, rows written as they finish
        domains = list(read_domains(text.splitlines()))
        _check_size(domains)
        params = dns_params(c.settings)
        submitted = await submit_survey(c.store, c.settings, name or "survey", domains, params)
        assert submitted.survey_id is not None
        return submitted.survey_id
    survey_id, domains = await asyncio.to_thread(service.create_survey, c.store, name, text)
    _check_size(domains)
    resolver = await asyncio.to_thread(c.resolver)
    c.jobs.submit(
        service.run_stored_survey(c.store, survey_id, domains, resolver=resolver),
        name=f"survey-{survey_id}",
    )
    return survey_id


def _check_size(domains: list[str]) -> None:
    if len(domains) > MAX_SURVEY_DOMAINS:
        raise HTTPException(
            413,
            gettext("at most {max_survey_domains} domains").format(max_survey_domains=MAX_SURVEY_DOMAINS),
        )


def _survey_or_404(store: Store, survey_id: int, offset: int = 0, limit: int = 200) -> dict[str, Any]:
    """A store query: called on a worker thread."""
    data = service.get_survey(store, survey_id, offset=offset, limit=min(max(limit, 0), 1000))
    if data is None:
        raise HTTPException(404, gettext("no such survey"))
    return data


@router.get("/surveys", response_class=HTMLResponse, include_in_schema=False)
async def surveys_page(request: Request, c: ConsoleDep, user: User) -> HTMLResponse:
    return c.page(request, "surveys.html", surveys=await asyncio.to_thread(service.list_surveys, c.store))


@router.get("/api/surveys", tags=["surveys"])
async def api_surveys(c: ConsoleDep, user: User) -> list[dict[str, Any]]:
    return await asyncio.to_thread(service.list_surveys, c.store)


@router.post("/surveys", include_in_schema=False)
async def surveys_upload(
    request: Request,
    c: ConsoleDep,
    user: Surveyor,
    file: UploadFile,
    csrf: Annotated[str, Form()],
    name: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    raw = await file.read(MAX_SURVEY_UPLOAD + 1)
    if len(raw) > MAX_SURVEY_UPLOAD:
        raise HTTPException(413, gettext("file too large"))
    survey_id = await start_survey(
        c, name or file.filename or "survey", raw.decode("utf-8", errors="replace")
    )
    return RedirectResponse(f"/surveys/{survey_id}", status_code=303)


@router.post("/api/surveys", tags=["surveys"], status_code=202)
async def api_surveys_start(
    request: Request, c: ConsoleDep, user: Surveyor, body: Annotated[SurveyRequest, Body()]
) -> dict[str, Any]:
    """Start a survey of the given domains in the background. Needs X-CSRF-Token."""
    check_csrf(request, request.headers.get("x-csrf-token"))
    survey_id = await start_survey(c, body.name, "\n".join(body.domains))
    data = await asyncio.to_thread(service.get_survey, c.store, survey_id, limit=0)
    assert data is not None
    return data


@router.get("/surveys/{survey_id}", response_class=HTMLResponse, include_in_schema=False)
async def survey_page(
    request: Request, c: ConsoleDep, user: User, survey_id: RowId, offset: Offset = 0
) -> HTMLResponse:
    survey = await asyncio.to_thread(_survey_or_404, c.store, survey_id, offset)
    return c.page(request, "survey.html", survey=survey)


@router.get("/api/surveys/{survey_id}", tags=["surveys"])
async def api_survey(
    c: ConsoleDep, user: User, survey_id: RowId, offset: Offset = 0, limit: Limit = 200
) -> dict[str, Any]:
    return await asyncio.to_thread(_survey_or_404, c.store, survey_id, offset, limit)
