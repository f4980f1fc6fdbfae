"""The web console: server-rendered pages, each with a JSON twin under /api/."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..analyze.rules import VERDICT_LABELS, load_rules
from ..core import sessions
from ..core.config import Settings, get_settings
from ..core.dns import Resolver, nameservers_from
from ..core.errors import ConfigError, InputError
from ..core.findings import Finding
from ..core.i18n import gettext
from ..core.jobs import JobRunner
from ..core.render import severity_label
from ..core.store import Store, open_store
from ..core.throttle import Throttle
from ..core.users import authenticate, change_password
from ..domain import service
from ..domain.audit import AuditOptions
from ..domain.readiness import PROVIDERS, providers_caption
from ..domain.survey import METRICS
from .dlp_routes import build_router as build_dlp_router
from .dmarc_routes import build_router as build_dmarc_router
from .gateway_routes import build_router as build_gateway_router
from .limits import BodyLimits
from .messages_routes import build_router as build_messages_router
from .params import Limit, Offset, RowId
from .security import (
    LanguageAndHeaders,
    NotAuthenticated,
    PasswordChangeRequired,
    check_csrf,
    csrf_token,
    current_user,
    require,
    secret_key,
    signed_in,
)

HERE = Path(__file__).parent
MAX_SURVEY_UPLOAD = 5 * 1024 * 1024
MAX_SURVEY_DOMAINS = 100_000

User = Annotated[dict[str, Any], Depends(current_user)]
SignedIn = Annotated[dict[str, Any], Depends(signed_in)]


class CheckRequest(BaseModel):
    domain: str = Field(max_length=300)
    selectors: list[str] = Field(default_factory=list, max_length=50)
    report_to: str | None = Field(default=None, max_length=300)


class PasswordChange(BaseModel):
    current_password: str = Field(max_length=1000)
    new_password: str = Field(max_length=1000)


class SurveyRequest(BaseModel):
    name: str = Field(default="survey", max_length=255)
    domains: list[str] = Field(max_length=MAX_SURVEY_DOMAINS)


LOGIN_WINDOW = 15 * 60.0  # seconds
LOGIN_FAILURES_PER_CLIENT = 20
LOGIN_FAILURES_PER_ACCOUNT = 10


def trusted_hosts(settings: Settings) -> list[str]:
    if settings.trusted_hosts.strip():
        return [h.strip() for h in settings.trusted_hosts.split(",") if h.strip()]
    from urllib.parse import urlsplit

    own = urlsplit(settings.console_url).hostname or "127.0.0.1"
    return sorted({own, "localhost", "127.0.0.1", "::1"})


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> FastAPI:
    settings = settings or get_settings()
    store = store or open_store(settings)
    jobs = JobRunner()
    app = FastAPI(
        title="mailwarden",
        version=__version__,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.store = store
    app.state.settings = settings
    app.state.jobs = jobs
    app.add_middleware(LanguageAndHeaders, settings=settings)
    # a request naming another host is refused (400): nothing built from Host can point elsewhere
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=trusted_hosts(settings))
    # bodies bounded while read, and no body read without a session (inside the session layer)
    app.add_middleware(BodyLimits, store=store)
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key(settings),
        session_cookie="mw_session",
        max_age=int(sessions.ABSOLUTE.total_seconds()),
        same_site="strict",
        # Secure when the console is reached over HTTPS (MAILWARDEN_CONSOLE_URL)
        https_only=settings.console_url.lower().startswith("https://"),
    )
    # failed logins: per client address and per account (a spray over accounts, a guess at one)
    by_client = Throttle(LOGIN_FAILURES_PER_CLIENT, LOGIN_WINDOW)
    by_account = Throttle(LOGIN_FAILURES_PER_ACCOUNT, LOGIN_WINDOW)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals.update(
        _=gettext,
        severity_label=severity_label,
        metrics=METRICS,
        providers_caption=providers_caption,
        verdict_labels=VERDICT_LABELS,
    )
    templates.env.filters["provider_name"] = lambda key: PROVIDERS.get(key, {"name": key})["name"]

    def resolver() -> Resolver:
        try:
            ns = nameservers_from([settings.nameservers]) if settings.nameservers else None
            return Resolver(
                ns,
                timeout=settings.dns_timeout,
                retries=settings.dns_retries,
                concurrency=settings.dns_concurrency,
            )
        except ConfigError as exc:
            raise HTTPException(500, str(exc)) from exc

    def audit_options(selectors: list[str] | None = None, report_to: str | None = None) -> AuditOptions:
        return AuditOptions(
            selectors=[s for s in (selectors or []) if s],
            report_to=report_to or None,
            ca_file=settings.ca_bundle,
        )

    def page(request: Request, name: str, **ctx: Any) -> HTMLResponse:
        ctx.update(
            request=request,
            user=request.session.get("user"),
            csrf=csrf_token(request),
            lang=request.state.lang,
            version=__version__,
        )
        return templates.TemplateResponse(request, name, ctx)

    @app.exception_handler(NotAuthenticated)
    async def _login_needed(request: Request, exc: NotAuthenticated) -> Response:
        if exc.api:
            return JSONResponse({"detail": gettext("Authentication required.")}, status_code=401)
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(PasswordChangeRequired)
    async def _password_change_needed(request: Request, exc: PasswordChangeRequired) -> Response:
        if exc.api:
            return JSONResponse({"detail": gettext("Replace the one-time password first.")}, status_code=403)
        return RedirectResponse("/account/password", status_code=303)

    # --- login ---------------------------------------------------------------------
    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    async def login_page(request: Request) -> HTMLResponse:
        return page(request, "login.html", error=None)

    @app.post("/login", include_in_schema=False)
    async def login(
        request: Request,
        username: Annotated[str, Form(max_length=200)],
        password: Annotated[str, Form(max_length=1000)],
        csrf: Annotated[str, Form()],
    ) -> Response:
        check_csrf(request, csrf)
        client = request.client.host if request.client else "?"
        account = username.strip().lower()
        wait = max(by_client.wait(client), by_account.wait(account))
        if wait:
            resp = page(request, "login.html", error=gettext("Too many failed attempts: try again later."))
            resp.status_code = 429
            resp.headers["Retry-After"] = str(int(wait) + 1)
            return resp
        # argon2 takes tens of milliseconds by design: on a worker thread, not the event loop
        user = await asyncio.to_thread(authenticate, store, username, password)
        if user is None:
            by_client.failed(client)
            by_account.failed(account)
            resp = page(request, "login.html", error=gettext("Wrong user name or password."))
            resp.status_code = 401
            return resp
        by_client.succeeded(client)
        by_account.succeeded(account)
        token = await asyncio.to_thread(sessions.start, store, user.id)
        request.session.clear()
        request.session["sid"] = token
        request.session["user"] = {"name": user.username}  # for the page header only; never trusted
        return RedirectResponse("/account/password" if user.must_change_password else "/", status_code=303)

    def _change_password(
        request: Request, user: dict[str, Any], current: str, new: str, confirm: str
    ) -> None:
        if new != confirm:
            raise InputError(gettext("The two new passwords differ."))
        change_password(store, user["name"], current, new)
        # every other session of this user ends: whoever else held the old password is out
        sessions.end_all(store, user["id"], keep=request.session.get("sid"))

    @app.get("/account/password", response_class=HTMLResponse, include_in_schema=False)
    async def password_page(request: Request, user: SignedIn) -> HTMLResponse:
        return page(request, "password.html", error=None, must_change=user.get("must_change", False))

    @app.post("/account/password", include_in_schema=False)
    async def password_change(
        request: Request,
        user: SignedIn,
        csrf: Annotated[str, Form()],
        current_password: Annotated[str, Form(max_length=1000)],
        new_password: Annotated[str, Form(max_length=1000)],
        confirm_password: Annotated[str, Form(max_length=1000)],
    ) -> Response:
        check_csrf(request, csrf)
        try:
            await asyncio.to_thread(
                _change_password, request, user, current_password, new_password, confirm_password
            )
        except InputError as exc:
            resp = page(request, "password.html", error=str(exc), must_change=user.get("must_change", False))
            resp.status_code = 400
            return resp
        return RedirectResponse("/", status_code=303)

    @app.post("/api/account/password", tags=["session"])
    async def api_password_change(
        request: Request, user: SignedIn, body: Annotated[PasswordChange, Body()]
    ) -> dict[str, str]:
        """Replace your password (also the one-time password of the first admin). Needs X-CSRF-Token."""
        check_csrf(request, request.headers.get("x-csrf-token"))
        try:
            await asyncio.to_thread(
                _change_password, request, user, body.current_password, body.new_password, body.new_password
            )
        except InputError as exc:
            raise HTTPException(400, str(exc)) from exc
        return {"status": "changed"}

    @app.post("/logout", include_in_schema=False)
    async def logout(request: Request, csrf: Annotated[str, Form()]) -> Response:
        check_csrf(request, csrf)
        await asyncio.to_thread(sessions.end, store, request.session.get("sid"))
        request.session.clear()
        return RedirectResponse("/login", status_code=303)

    @app.get("/api/session", tags=["session"])
    async def api_session(request: Request, user: SignedIn) -> dict[str, Any]:
        """The signed-in user and the CSRF token to send as X-CSRF-Token on unsafe calls."""
        return {"user": user, "csrf_token": csrf_token(request)}

    # --- dashboard -------------------------------------------------------------------
    def dashboard_data() -> dict[str, Any]:
        return {
            "recent_checks": service.recent_checks(store, 10),
            "surveys": service.list_surveys(store)[:10],
        }

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def home(request: Request, user: User) -> HTMLResponse:
        return page(request, "home.html", **dashboard_data())

    @app.get("/api/", tags=["dashboard"])
    async def api_home(user: User) -> dict[str, Any]:
        return dashboard_data()

    # --- domains ---------------------------------------------------------------------
    @app.get("/domains", response_class=HTMLResponse, include_in_schema=False)
    async def domains_page(request: Request, user: User, domain: str | None = None) -> HTMLResponse:
        return page(request, "domains.html", checks=service.recent_checks(store, 100, domain), error=None)

    @app.get("/api/domains", tags=["domains"])
    async def api_domains(user: User, domain: str | None = None) -> list[dict[str, Any]]:
        """History of domain checks, newest first."""
        return service.recent_checks(store, 100, domain)

    @app.post("/domains", include_in_schema=False)
    async def domains_check(
        request: Request,
        user: User,
        domain: Annotated[str, Form(max_length=300)],
        csrf: Annotated[str, Form()],
        selectors: Annotated[str, Form()] = "",
        report_to: Annotated[str, Form()] = "",
    ) -> Response:
        check_csrf(request, csrf)
        check_id = await service.check_and_store(
            store,
            domain,
            resolver=resolver(),
            options=audit_options(selectors.replace(",", " ").split(), report_to),
            user_id=user["id"],
        )
        return RedirectResponse(f"/domains/{check_id}", status_code=303)

    @app.post("/api/domains", tags=["domains"], status_code=201)
    async def api_domains_check(
        request: Request, user: User, body: Annotated[CheckRequest, Body()]
    ) -> dict[str, Any]:
        """Check a domain now; the report is kept in the history. Needs X-CSRF-Token."""
        check_csrf(request, request.headers.get("x-csrf-token"))
        check_id = await service.check_and_store(
            store,
            body.domain,
            resolver=resolver(),
            options=audit_options(body.selectors, body.report_to),
            user_id=user["id"],
        )
        data = service.get_check(store, check_id)
        assert data is not None
        return data

    def _check_or_404(check_id: int) -> dict[str, Any]:
        data = service.get_check(store, check_id)
        if data is None:
            raise HTTPException(404, gettext("no such check"))
        return data

    @app.get("/domains/{check_id}", response_class=HTMLResponse, include_in_schema=False)
    async def domain_report(request: Request, user: User, check_id: RowId) -> HTMLResponse:
        data = _check_or_404(check_id)
        findings: list[Finding] = []
        for check in data.get("checks", {}).values():
            findings.extend(Finding.from_dict(f) for f in check["findings"])
        findings.extend(Finding.from_dict(f) for f in data.get("findings", []))
        findings.sort(key=lambda f: -f.severity.rank)
        return page(request, "report.html", report=data, findings=findings)

    @app.get("/api/domains/{check_id}", tags=["domains"])
    async def api_domain_report(user: User, check_id: RowId) -> dict[str, Any]:
        return _check_or_404(check_id)

    # --- surveys ---------------------------------------------------------------------
    def start_survey(name: str, text: str) -> int:
        survey_id, domains = service.create_survey(store, name, text)
        if len(domains) > MAX_SURVEY_DOMAINS:
            raise HTTPException(
                413,
                gettext("at most {max_survey_domains} domains").format(max_survey_domains=MAX_SURVEY_DOMAINS),
            )
        jobs.submit(
            service.run_stored_survey(store, survey_id, domains, resolver=resolver()),
            name=f"survey-{survey_id}",
        )
        return survey_id

    @app.get("/surveys", response_class=HTMLResponse, include_in_schema=False)
    async def surveys_page(request: Request, user: User) -> HTMLResponse:
        return page(request, "surveys.html", surveys=service.list_surveys(store))

    @app.get("/api/surveys", tags=["surveys"])
    async def api_surveys(user: User) -> list[dict[str, Any]]:
        return service.list_surveys(store)

    @app.post("/surveys", include_in_schema=False)
    async def surveys_upload(
        request: Request,
        user: Annotated[dict[str, Any], Depends(require("survey"))],
        file: UploadFile,
        csrf: Annotated[str, Form()],
        name: Annotated[str, Form()] = "",
    ) -> Response:
        check_csrf(request, csrf)
        raw = await file.read(MAX_SURVEY_UPLOAD + 1)
        if len(raw) > MAX_SURVEY_UPLOAD:
            raise HTTPException(413, gettext("file too large"))
        survey_id = start_survey(name or file.filename or "survey", raw.decode("utf-8", errors="replace"))
        return RedirectResponse(f"/surveys/{survey_id}", status_code=303)

    @app.post("/api/surveys", tags=["surveys"], status_code=202)
    async def api_surveys_start(
        request: Request,
        user: Annotated[dict[str, Any], Depends(require("survey"))],
        body: Annotated[SurveyRequest, Body()],
    ) -> dict[str, Any]:
        """Start a survey of the given domains in the background. Needs X-CSRF-Token."""
        check_csrf(request, request.headers.get("x-csrf-token"))
        survey_id = start_survey(body.name, "\n".join(body.domains))
        data = service.get_survey(store, survey_id, limit=0)
        assert data is not None
        return data

    def _survey_or_404(survey_id: int, offset: int = 0, limit: int = 200) -> dict[str, Any]:
        data = service.get_survey(store, survey_id, offset=offset, limit=min(max(limit, 0), 1000))
        if data is None:
            raise HTTPException(404, gettext("no such survey"))
        return data

    @app.get("/surveys/{survey_id}", response_class=HTMLResponse, include_in_schema=False)
    async def survey_page(request: Request, user: User, survey_id: RowId, offset: Offset = 0) -> HTMLResponse:
        return page(request, "survey.html", survey=_survey_or_404(survey_id, offset))

    @app.get("/api/surveys/{survey_id}", tags=["surveys"])
    async def api_survey(
        user: User, survey_id: RowId, offset: Offset = 0, limit: Limit = 200
    ) -> dict[str, Any]:
        return _survey_or_404(survey_id, offset, limit)

    app.include_router(build_dmarc_router(store, page, resolver, ca_file=settings.ca_bundle))
    rules = load_rules(settings.analyze_rules)
    app.include_router(build_messages_router(page, lambda: rules, resolver, store))
    app.include_router(build_dlp_router(page))
    app.include_router(build_gateway_router(store, settings, page))

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app
