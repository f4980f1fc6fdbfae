"""What the console's handlers share — settings, store, jobs, templates, analysis rules, login
throttles — built once by ``create_app`` and handed to every route through ``ConsoleDep``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from .. import __version__
from ..analyze.history import History
from ..analyze.rules import VERDICT_LABELS, Rules, load_rules
from ..core.config import Settings
from ..core.dns import Resolver, nameservers_from
from ..core.errors import ConfigError
from ..core.i18n import gettext
from ..core.jobs import JobRunner
from ..core.labels import label
from ..core.render import severity_label
from ..core.secretkey import secret_key
from ..core.store import Store
from ..core.throttle import Throttle
from ..core.timefmt import local_date, local_datetime
from ..domain.audit import AuditOptions
from ..domain.readiness import PROVIDERS, providers_caption
from ..domain.survey import METRICS
from .security import csrf_token

HERE = Path(__file__).parent

LOGIN_WINDOW = 15 * 60.0  # seconds
LOGIN_FAILURES_PER_CLIENT = 20
LOGIN_FAILURES_PER_ACCOUNT = 10


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals.update(
        _=gettext,
        severity_label=severity_label,
        metrics=METRICS,
        providers_caption=providers_caption,
        verdict_labels=VERDICT_LABELS,
    )
    templates.env.filters["label"] = label
    templates.env.filters["localtime"] = local_datetime
    templates.env.filters["localdate"] = local_date
    templates.env.filters["provider_name"] = lambda key: PROVIDERS.get(key, {"name": key})["name"]
    return templates


@dataclass
class Console:
    settings: Settings
    store: Store
    jobs: JobRunner
    templates: Jinja2Templates
    rules: Rules
    #: signs the session cookie and the gateway's cancel links
    secret: str
    #: failed logins: per client address and per account (a spray over accounts, a guess at one)
    by_client: Throttle
    by_account: Throttle
    #: the message analyser's memory (new link domains, learned correspondents)
    history: History

    @classmethod
    def build(cls, settings: Settings, store: Store) -> Console:
        return cls(
            settings=settings,
            store=store,
            jobs=JobRunner(),
            templates=make_templates(),
            rules=load_rules(settings.analyze_rules),
            secret=secret_key(settings),
            by_client=Throttle(LOGIN_FAILURES_PER_CLIENT, LOGIN_WINDOW),
            by_account=Throttle(LOGIN_FAILURES_PER_ACCOUNT, LOGIN_WINDOW),
            history=History(store),
        )

    def page(self, request: Request, name: str, **ctx: Any) -> HTMLResponse:
        ctx.update(
            request=request,
            user=request.session.get("user"),
            csrf=csrf_token(request),
            lang=request.state.lang,
            version=__version__,
        )
        return self.templates.TemplateResponse(request, name, ctx)

    def resolver(self) -> Resolver:
        """A resolver as configured (it may read the system's resolver configuration: call it
        on a worker thread from a handler)."""
        settings = self.settings
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

    def audit_options(self, selectors: list[str] | None = None, report_to: str | None = None) -> AuditOptions:
        return AuditOptions(
            selectors=[s for s in (selectors or []) if s],
            report_to=report_to or None,
            ca_file=self.settings.ca_bundle,
        )


async def get_console(request: Request) -> Console:
    """The app's console (``app.state.console``). Async: no worker thread for an attribute."""
    console: Console = request.app.state.console
    return console


ConsoleDep = Annotated[Console, Depends(get_console)]
