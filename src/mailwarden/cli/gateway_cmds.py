"""``mailwarden gateway``: the outbound DLP gateway and its hold and delay queues."""

from __future__ import annotations

import asyncio
import getpass
import logging
import os
import signal
import ssl
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..core.config import get_settings
from ..core.errors import ConfigError, InputError
from ..core.i18n import gettext as _
from ..core.logs import configure_logging
from ..core.logs import log_format as log_format_of
from ..core.net import split_hostport
from ..core.render import WrappingTable, to_json
from ..core.timefmt import local_datetime
from .common import LangOpt, LogFormatOpt, MetricsListenOpt, err, fail, out, use_language

gateway_app = typer.Typer(
    help=_("Outbound DLP gateway: an SMTP server after your MTA that screens, holds, delays or blocks."),
    no_args_is_help=True,
)
queue_app = typer.Typer(
    help=_("Held and delayed messages: list, release, reject, cancel."), no_args_is_help=True
)
gateway_app.add_typer(queue_app, name="queue")
policy_app = typer.Typer(
    help=_("The policy several gateways share through the store: push a new version, show it."),
    no_args_is_help=True,
)
gateway_app.add_typer(policy_app, name="policy")

SpoolOpt = Annotated[
    Path | None, typer.Option("--spool", help=_("Spool directory (default: spool in the data directory)."))
]


def _hostport(value: str, default_port: int) -> tuple[str, int]:
    try:
        return split_hostport(value, default_port)
    except ValueError as exc:
        raise fail(_("not HOST:PORT: {value}").format(value=value)) from exc


@gateway_app.command("run")
def run(
    relay: Annotated[str, typer.Option("--relay", help=_("Next hop, HOST:PORT."))],
    policy_file: Annotated[
        Path | None,
        typer.Option(
            "--policy", help=_("Policy YAML (default: the policy stored with `gateway policy push`).")
        ),
    ] = None,
    policy_from_store: Annotated[
        bool,
        typer.Option(
            "--policy-from-store",
            help=_("Use the stored policy and reload it when a new version is pushed."),
        ),
    ] = False,
    instance: Annotated[
        str | None,
        typer.Option("--instance", help=_("This gateway's name among several (default: the host name).")),
    ] = None,
    listen: Annotated[
        str, typer.Option("--listen", help=_("Address to listen on, HOST:PORT."))
    ] = "127.0.0.1:10025",
    spool: SpoolOpt = None,
    relay_starttls: Annotated[
        bool, typer.Option("--relay-starttls", help=_("Use STARTTLS toward the relay."))
    ] = False,
    relay_ca: Annotated[
        Path | None, typer.Option("--relay-ca", help=_("CA bundle to verify the relay's certificate."))
    ] = None,
    tls_cert: Annotated[
        Path | None, typer.Option("--tls-cert", help=_("Certificate chain: offer STARTTLS to the MTA."))
    ] = None,
    tls_key: Annotated[Path | None, typer.Option("--tls-key", help=_("Private key for --tls-cert."))] = None,
    require_tls: Annotated[
        bool, typer.Option("--require-tls", help=_("Refuse mail before STARTTLS."))
    ] = False,
    auth_plain_loopback: Annotated[
        bool,
        typer.Option(
            "--auth-plain-on-loopback",
            help=_("Allow AUTH without STARTTLS from loopback clients (an MTA on this host)."),
        ),
    ] = False,
    max_message: Annotated[int, typer.Option("--max-message", help=_("Largest message, bytes."))] = 100 << 20,
    max_spool: Annotated[
        int, typer.Option("--max-spool", help=_("Spool size above which 451 is answered, bytes."))
    ] = 2 << 30,
    workers: Annotated[int, typer.Option("--workers", help=_("Connections to the relay."))] = 4,
    scan_processes: Annotated[
        int | None,
        typer.Option(
            "--scan-processes",
            help=_("Processes that screen messages (default: 1 with two or more cores, else 0: in-process)."),
        ),
    ] = None,
    retry_base: Annotated[
        float, typer.Option("--retry-base", help=_("First retry after this many seconds."))
    ] = 2.0,
    hostname: Annotated[
        str, typer.Option("--hostname", help=_("Name in the greeting."))
    ] = "mailwarden.localhost",
    metrics_listen: MetricsListenOpt = None,
    log_format: LogFormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """Listen for mail from the MTA, screen it against the policy, and relay, hold, delay or refuse
    it. Credentials come from the environment: MAILWARDEN_GATEWAY_AUTH_USER/PASSWORD (what the MTA
    must present), MAILWARDEN_RELAY_USER/PASSWORD (what the gateway presents to the relay)."""
    use_language(lang)
    import socket

    from ..core.secretkey import secret_key
    from ..core.store import open_store
    from ..dlp.policy import load_policy
    from ..gateway import instances
    from ..gateway.config import GatewayConfig
    from ..gateway.queue import NoticeSettings
    from ..gateway.relay import RelayTarget
    from ..gateway.server import Gateway

    settings = get_settings()
    if policy_file is not None and policy_from_store:
        raise fail(_("give --policy FILE or --policy-from-store, not both"))
    store = open_store(settings)
    version: int | None = None
    try:
        if policy_file is not None:
            policy = load_policy(policy_file)
        else:
            policy, version = instances.load_shared_policy(store)
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    host, port = _hostport(listen, 10025)
    rhost, rport = _hostport(relay, 25)
    tls_context = None
    if tls_cert:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        try:
            tls_context.load_cert_chain(tls_cert, tls_key)
        except (OSError, ssl.SSLError) as exc:
            raise fail(_("cannot load the certificate: {error}").format(error=exc)) from exc
    elif require_tls:
        raise fail(_("--require-tls needs --tls-cert"))
    auth = None
    if settings.gateway_auth_user and settings.gateway_auth_password:
        auth = (settings.gateway_auth_user, settings.gateway_auth_password)
    config = GatewayConfig(
        spool_dir=spool or settings.spool_dir(),
        relay=RelayTarget(
            rhost,
            rport,
            starttls=relay_starttls,
            username=settings.relay_user,
            password=settings.relay_password,
            ca_file=str(relay_ca) if relay_ca else None,
            helo=hostname,
        ),
        policy=policy,
        host=host,
        port=port,
        hostname=hostname,
        max_message=max_message,
        max_spool=max_spool,
        relay_workers=workers,
        scan_processes=scan_processes
        if scan_processes is not None
        else (1 if (os.cpu_count() or 1) >= 2 else 0),
        retry_base=retry_base,
        tls_context=tls_context,
        require_tls=require_tls,
        auth=auth,
        auth_plain_loopback=auth_plain_loopback,
        notice=NoticeSettings.from_settings(settings, secret_key(settings)),
        instance=instance or socket.gethostname(),
        shared=instances.is_shared(store, settings.gateway_shared),
        policy_version=version,
    )
    metrics_at = _hostport(metrics_listen, 9108) if metrics_listen else None
    try:
        fmt = log_format_of(log_format)
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    configure_logging(fmt)  # mailwarden's INFO lines, not aiosmtpd's line per command
    try:
        gateway = Gateway(config, store)
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    asyncio.run(_serve(gateway, metrics_at, json_logs=fmt == "json"))


async def _serve(gateway: Any, metrics_at: tuple[str, int] | None = None, *, json_logs: bool = False) -> None:
    def say(text: str) -> None:
        # JSON logs: every line on stderr is a JSON object, the start-up lines too
        if json_logs:
            logging.getLogger("mailwarden.gateway").info(text)
        else:
            err.print(text, highlight=False)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await gateway.start()
    c = gateway.config
    say(
        _("gateway listening on {listen}, relaying to {relay}, spool {spool}").format(
            listen=f"{c.host}:{gateway.port}", relay=f"{c.relay.host}:{c.relay.port}", spool=c.spool_dir
        )
    )
    if c.shared:
        say(_("instance {instance}: queues shared through the store").format(instance=c.instance))
    if c.policy_version is not None:
        say(_("stored policy version {version}").format(version=c.policy_version))
    listener = None
    if metrics_at is not None:
        from ..core.metrics import MetricsListener, metrics_token

        probes = {"/healthz": gateway.liveness, "/readyz": gateway.readiness}
        try:
            listener = MetricsListener(
                *metrics_at, gateway.metrics.registry, probes=probes, token=metrics_token()
            ).start()
        except OSError as exc:
            await gateway.stop()
            where = f"{metrics_at[0]}:{metrics_at[1]}"
            raise fail(
                _("cannot listen for metrics on {listen}: {error}").format(listen=where, error=exc)
            ) from exc
        say(_("metrics on http://{listen}/metrics").format(listen=f"{metrics_at[0]}:{listener.port}"))
    await stop.wait()
    if listener is not None:
        listener.stop()
    await gateway.stop()


class QueueState(StrEnum):
    held = "held"
    delayed = "delayed"
    queue = "queue"
    failed = "failed"


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def _shared_store() -> Any:
    """The store when the gateways share their queues through it (else ``None``: the local
    spool is the queue)."""
    from ..core.store import open_store
    from ..gateway import instances

    settings = get_settings()
    store = open_store(settings)
    return store if instances.is_shared(store, settings.gateway_shared) else None


def _queues(spool: Path | None) -> Any:
    from ..core.secretkey import secret_key
    from ..core.store import open_store
    from ..gateway.queue import NoticeSettings, Queues
    from ..gateway.spool import Spool

    settings = get_settings()
    notice = NoticeSettings.from_settings(settings, secret_key(settings))
    return Queues(Spool(spool or settings.spool_dir()), open_store(settings), notice)


def _when(ts: Any) -> str:
    """A spool time (Unix seconds) in the reader's zone and format."""
    try:
        return local_datetime(float(ts))
    except (TypeError, ValueError, OverflowError, OSError):
        return "-"


@queue_app.command("list")
def queue_list(
    state: Annotated[QueueState, typer.Option("--state", help=_("Which queue."))] = QueueState.held,
    spool: SpoolOpt = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help=_("Output format."))] = ListFormat.table,
    lang: LangOpt = None,
) -> None:
    """Messages in a queue, oldest first: id, sender, recipients, masked subject, rules."""
    use_language(lang)
    shared = _shared_store() if state.value in ("held", "delayed") else None
    if shared is not None:
        _shared_list(shared, state.value, fmt)
        return
    entries = _queues(spool).entries(state.value)
    rows = [
        {
            "id": e.id,
            "state": e.state,
            "received": e.meta.get("received"),
            "release_at": e.meta.get("record", {}).get("release_at"),
            "sender": e.mail_from,
            "recipients": e.rcpt_tos,
            "subject": e.meta.get("record", {}).get("subject", ""),
            "rules": [r["rule"] for r in e.meta.get("record", {}).get("rules", [])],
            "size": e.size,
            "last_error": e.meta.get("last_error") or e.meta.get("refused"),
        }
        for e in entries
    ]
    if fmt == ListFormat.json:
        out.print_json(to_json(rows))
        return
    table = WrappingTable(title=_("Gateway queue: {state}").format(state=state.value))
    # the id is what the next command takes: shown whole, never cut
    table.add_column(_("Id"), no_wrap=True)
    for col in (_("Received"), _("Release at"), _("From"), _("To"), _("Subject"), _("Rules")):
        table.add_column(col)
    for r in rows:
        table.add_row(
            r["id"],
            _when(r["received"]),
            _when(r["release_at"]),
            r["sender"] or "<>",
            ", ".join(r["recipients"]),
            r["subject"],
            ", ".join(r["rules"]),
        )
    out.print(table)
    if not rows:
        out.print(_("The queue is empty."))


def _shared_list(store: Any, state: str, fmt: ListFormat) -> None:
    """The held or delayed messages of every gateway, from the shared index."""
    from ..gateway import instances

    rows = []
    for row in instances.listing(store, state):
        d = instances.as_dict(row)
        # the local listing's shape, plus who owns the message and any decision asked
        rows.append(
            {
                **{
                    k: d[k]
                    for k in ("id", "state", "received", "release_at", "sender", "recipients", "subject")
                },
                "rules": [r.get("rule", "") for r in d["rules"]],
                "size": d["size"],
                "last_error": None,
                **{k: d[k] for k in ("instance", "requested", "requested_by")},
            }
        )
    if fmt == ListFormat.json:
        out.print_json(to_json(rows))
        return
    table = WrappingTable(title=_("Gateway queue: {state}").format(state=state))
    table.add_column(_("Id"), no_wrap=True)
    for col in (_("Instance"), _("Received"), _("Release at"), _("From"), _("To"), _("Subject"), _("Rules")):
        table.add_column(col)
    table.add_column(_("Decision"))
    for r in rows:
        table.add_row(
            r["id"],
            r["instance"],
            _when(r["received"]),
            _when(r["release_at"]),
            r["sender"] or "<>",
            ", ".join(r["recipients"]),
            r["subject"],
            ", ".join(r["rules"]),
            f"{r['requested']} ({r['requested_by']})" if r["requested"] else "",
        )
    out.print(table)
    if not rows:
        out.print(_("The queue is empty."))


def _act(
    op: str, ids: list[str], spool: Path | None, actor: str | None, note: str, wait: float = 0.0
) -> None:
    from ..gateway import instances

    shared = _shared_store()
    queues = _queues(spool) if shared is None else None
    who = actor or f"cli:{getpass.getuser()}"
    failed = False
    decided: list[str] = []
    asked = {
        "release": _("release of {id} asked of gateway {instance}"),
        "reject": _("rejection of {id} asked of gateway {instance}"),
        "cancel": _("cancellation of {id} asked of gateway {instance}"),
    }
    done = {"release": _("released {id}"), "reject": _("rejected {id}"), "cancel": _("cancelled {id}")}
    for sid in ids:
        try:  # a unique prefix names its message
            if shared is not None:
                row = instances.request(shared, sid, op, who, note)
                out.print(asked[op].format(id=row.spool_id, instance=row.instance), soft_wrap=True)
                decided.append(row.spool_id)
                continue
            full = getattr(queues, op)(sid, who, note)
        except InputError as exc:
            err.print(f"[red]{_('Error')}:[/red] {exc}", soft_wrap=True)
            failed = True
            continue
        out.print(done[op].format(id=full), soft_wrap=True)
    if shared is not None and decided and wait > 0:
        waiting = instances.wait_carried_out(shared, decided, wait)
        for sid in decided:
            if sid not in waiting:
                out.print(done[op].format(id=sid), soft_wrap=True)
        for sid in waiting:
            err.print(
                f"[red]{_('Error')}:[/red] "
                + _("{id}: its gateway has not acted within {seconds} s; the decision stays recorded").format(
                    id=sid, seconds=f"{wait:g}"
                ),
                soft_wrap=True,
            )
            failed = True
    if failed:
        raise typer.Exit(2)


ActorOpt = Annotated[
    str | None, typer.Option("--as", help=_("Who is acting, for the audit log (default: cli:<login>)."))
]
NoteOpt = Annotated[str, typer.Option("--note", help=_("A note for the audit log."))]
WaitOpt = Annotated[
    float,
    typer.Option(
        "--wait",
        help=_(
            "Several gateways: wait up to this many seconds for the owning gateway to act (exit 2 if not)."
        ),
    ),
]
IdsArg = Annotated[
    list[str], typer.Argument(help=_("Queue ids, or any start of one that no other id shares."))
]


@queue_app.command("release")
def queue_release(
    ids: IdsArg, spool: SpoolOpt = None, actor: ActorOpt = None, note: NoteOpt = "", wait: WaitOpt = 0.0
) -> None:
    """Send held or delayed messages now."""
    _act("release", ids, spool, actor, note, wait)


@queue_app.command("reject")
def queue_reject(
    ids: IdsArg, spool: SpoolOpt = None, actor: ActorOpt = None, note: NoteOpt = "", wait: WaitOpt = 0.0
) -> None:
    """Refuse held messages; their senders are told."""
    _act("reject", ids, spool, actor, note, wait)


@queue_app.command("cancel")
def queue_cancel(
    ids: IdsArg, spool: SpoolOpt = None, actor: ActorOpt = None, note: NoteOpt = "", wait: WaitOpt = 0.0
) -> None:
    """Cancel delayed messages before they are sent."""
    _act("cancel", ids, spool, actor, note, wait)


@policy_app.command("push")
def policy_push(
    file: Annotated[Path, typer.Argument(help=_("Policy YAML."))],
    actor: Annotated[
        str | None, typer.Option("--as", help=_("Who is pushing, for the record (default: cli:<login>)."))
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Store a new version of the shared policy, once it validated; gateways started without
    --policy switch to it within seconds."""
    use_language(lang)
    from ..core.store import open_store
    from ..gateway import instances

    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise fail(_("cannot read the policy {path}: {error}").format(path=file, error=exc)) from exc
    try:
        row = instances.push_policy(
            open_store(get_settings()), text, str(file), actor or f"cli:{getpass.getuser()}"
        )
    except ConfigError as exc:
        raise fail(str(exc)) from exc
    out.print(_("policy version {version} stored").format(version=row.version), soft_wrap=True)


@policy_app.command("show")
def policy_show(
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help=_("Output format."))] = ListFormat.table,
    lang: LangOpt = None,
) -> None:
    """The stored policy in force: its version, who pushed it and when, and its text."""
    use_language(lang)
    from ..core.store import open_store
    from ..gateway import instances

    row = instances.current_policy(open_store(get_settings()))
    if row is None:
        raise fail(_("no policy in the store: push one with `mailwarden gateway policy push FILE`"))
    if fmt == ListFormat.json:
        data = {
            "version": row.version,
            "sha256": row.sha256,
            "pushed_by": row.pushed_by,
            "pushed_at": row.pushed_at.isoformat(),
            "text": row.text,
        }
        out.print_json(to_json(data))
        return
    out.print(
        _("policy version {version}, pushed by {actor} at {at}, sha256 {sha}").format(
            version=row.version, actor=row.pushed_by, at=_when(row.pushed_at.timestamp()), sha=row.sha256
        ),
        soft_wrap=True,
        highlight=False,
    )
    out.print(row.text, markup=False, highlight=False, soft_wrap=True)
