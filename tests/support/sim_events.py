"""Labelled tracking hits of a simulation campaign, generated from the documented behaviours of
mail scanners and of people (for tests/simulate and benchmarks/campaign.py).

Each recipient's mail is delivered; then, depending on the recipient's draw:
- **people** open (a mail client's user agent, minutes to days later), click from a real
  browser (Windows/macOS/iOS/Android; Chrome, Edge, Safari, Firefox; many behind their
  office's one NAT address, spread over the working day), the landing page's beacon fires from
  that browser, some submit; a few click within seconds (beacon fired), a few run no script
  (no beacon: these are the people the rules miss, by design);
- **scanners**, the behaviours the rules name: Safe Links / EOP and Proofpoint fetching every
  link on arrival from their published networks with a browser's user agent; Mimecast and
  Barracuda re-scanning hours later from their networks; link checkers sending HEAD; browser
  prefetches (``Sec-Purpose: prefetch``); a sandbox re-fetching with python-requests or
  HeadlessChrome (which runs the beacon script) from a cloud address; a scanner walking the
  whole campaign from one cloud address (every recipient within a minute, a browser's user
  agent, a minute or more after delivery); scanners following the hidden honeypot link beside
  the real one; Gmail's and Apple's image proxies fetching the open pixel on arrival.

Every hit carries its truth (``human``); nothing here reads the rules."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from mailwarden.simulate.tracking import Hit

BROWSERS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",  # noqa: E501
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",  # noqa: E501
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",  # noqa: E501
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",  # noqa: E501
    "Mozilla/5.0 (Linux; Android 14; SH-51E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",  # noqa: E501
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
]
MAIL_CLIENTS = [
    "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18025; Pro)",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",  # noqa: E501
]
#: scanners (name, source addresses, user agent, delay after delivery in seconds (lo, hi))
ARRIVAL_SCANNERS = [
    ("safelinks", ["40.107.{a}.{b}", "52.101.{a}.{b}", "104.47.{a}.{b}"], BROWSERS[0], (0.5, 6.0)),
    ("proofpoint", ["148.163.{c}.{b}", "67.231.{d}.{b}"], BROWSERS[1], (0.5, 8.0)),
]
LATER_SCANNERS = [
    ("mimecast", ["207.211.30.{b}", "91.220.42.{b}"], BROWSERS[2], (600, 14400)),
    ("barracuda", ["64.235.{e}.{b}"], "Mozilla/5.0 (compatible; Barracuda Sentinel)", (300, 7200)),
]
SANDBOX_AGENTS = [
    "python-requests/2.32.3",
    "Go-http-client/1.1",
    "curl/8.5.0",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",  # noqa: E501
    "",
]


@dataclass(frozen=True)
class Labelled:
    hit: Hit
    human: bool
    behaviour: str


def _addr(rnd: random.Random, pattern: str) -> str:
    return pattern.format(
        a=rnd.randint(0, 255),
        b=rnd.randint(1, 254),
        c=rnd.randint(128, 159),
        d=rnd.randint(144, 159),
        e=rnd.randint(144, 159),
    )


def campaign(recipients: int, seed: int = 18, start: datetime | None = None) -> list[Labelled]:
    """The hits of one campaign to ``recipients`` people, labelled, in time order."""
    rnd = random.Random(seed)
    start = start or datetime(2026, 12, 1, 0, 30, tzinfo=UTC)
    offices = [f"203.0.113.{i}" for i in range(1, 6)]  # NAT addresses staff share
    walker = f"198.51.100.{rnd.randint(1, 254)}"  # one cloud address walking the campaign
    walk_start = start + timedelta(seconds=rnd.uniform(60, 600))
    out: list[Labelled] = []

    def add(
        kind: str, target: str, at: datetime, ip: str, delivered: datetime, human: bool, why: str, **kw
    ) -> None:  # type: ignore[no-untyped-def]
        out.append(Labelled(Hit(kind, target, at, ip, delivered_at=delivered, **kw), human, why))

    for n in range(recipients):
        target = f"t{n:05d}"
        delivered = start + timedelta(seconds=n * 0.36)  # the send-by window spreads the sends
        office = rnd.choice(offices)
        filtered = rnd.random()
        # the recipient's organisation's scanners, on arrival or later
        if filtered < 0.35:
            name, ips, ua, (lo, hi) = rnd.choice(ARRIVAL_SCANNERS)
            ip = _addr(rnd, rnd.choice(ips))
            at = delivered + timedelta(seconds=rnd.uniform(lo, hi))
            add("click", target, at, ip, delivered, False, name, user_agent=ua)
            if rnd.random() < 0.5:
                add(
                    "honeypot",
                    target,
                    at + timedelta(seconds=0.2),
                    ip,
                    delivered,
                    False,
                    name + "-honeypot",
                    user_agent=ua,
                )
        elif filtered < 0.45:
            name, ips, ua, (lo, hi) = rnd.choice(LATER_SCANNERS)
            ip = _addr(rnd, rnd.choice(ips))
            add(
                "click",
                target,
                delivered + timedelta(seconds=rnd.uniform(lo, hi)),
                ip,
                delivered,
                False,
                name,
                user_agent=ua,
            )
        elif filtered < 0.50:
            add(
                "click",
                target,
                delivered + timedelta(seconds=rnd.uniform(1, 3600)),
                f"192.0.2.{rnd.randint(1, 254)}",
                delivered,
                False,
                "head",
                method="HEAD",
                user_agent=rnd.choice(BROWSERS),
            )
        elif filtered < 0.53:
            add(
                "click",
                target,
                delivered + timedelta(seconds=rnd.uniform(20, 9000)),
                office,
                delivered,
                False,
                "prefetch",
                user_agent=rnd.choice(BROWSERS),
                headers={"sec-purpose": "prefetch"},
            )
        elif filtered < 0.58:
            ip = f"198.18.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}"
            ua = rnd.choice(SANDBOX_AGENTS)
            at = delivered + timedelta(seconds=rnd.uniform(30, 86400))
            add("click", target, at, ip, delivered, False, "sandbox", user_agent=ua)
            if "HeadlessChrome" in ua:  # it runs the page's script: the beacon fires
                add(
                    "landing",
                    target,
                    at + timedelta(seconds=0.5),
                    ip,
                    delivered,
                    False,
                    "sandbox",
                    user_agent=ua,
                )
                add(
                    "beacon",
                    target,
                    at + timedelta(seconds=1.5),
                    ip,
                    delivered,
                    False,
                    "sandbox",
                    user_agent=ua,
                )
        if rnd.random() < 0.15:  # the campaign walker
            at = walk_start + timedelta(seconds=n * 0.005)
            add("click", target, at, walker, delivered, False, "walker", user_agent=BROWSERS[0])
        # image proxies fetch the pixel on arrival
        if rnd.random() < 0.2:
            proxy = (
                f"66.102.{rnd.randint(0, 15)}.{rnd.randint(1, 254)}"
                if rnd.random() < 0.5
                else f"17.{rnd.randint(0, 255)}.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}"
            )
            add(
                "open",
                target,
                delivered + timedelta(seconds=rnd.uniform(0.3, 5)),
                proxy,
                delivered,
                False,
                "image-proxy",
                user_agent="Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)"  # noqa: E501
                if proxy.startswith("66.")
                else "Mozilla/5.0",
            )
        # the person
        if rnd.random() < 0.6:
            opened = delivered + timedelta(
                seconds=rnd.choice([rnd.uniform(60, 3600), rnd.uniform(3600, 3 * 86400)])
            )
            add(
                "open",
                target,
                opened,
                office,
                delivered,
                True,
                "person-open",
                user_agent=rnd.choice(MAIL_CLIENTS),
            )
            if rnd.random() < 0.3:
                fast = rnd.random() < 0.03
                at = (
                    delivered + timedelta(seconds=rnd.uniform(3, 8))
                    if fast
                    else opened + timedelta(seconds=rnd.uniform(5, 600))
                )
                ua = rnd.choice(BROWSERS)
                ip = (
                    office
                    if rnd.random() < 0.8
                    else f"100.{rnd.randint(64, 127)}.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}"
                )  # on mobile data
                script = rnd.random() > 0.01
                add(
                    "click",
                    target,
                    at,
                    ip,
                    delivered,
                    True,
                    "person-fast" if fast else "person",
                    user_agent=ua,
                )
                add(
                    "landing",
                    target,
                    at + timedelta(seconds=0.4),
                    ip,
                    delivered,
                    True,
                    "person",
                    user_agent=ua,
                )
                if script:
                    add(
                        "beacon",
                        target,
                        at + timedelta(seconds=rnd.uniform(1, 4)),
                        ip,
                        delivered,
                        True,
                        "person",
                        user_agent=ua,
                    )
                if rnd.random() < 0.3:
                    add(
                        "submit",
                        target,
                        at + timedelta(seconds=rnd.uniform(10, 120)),
                        ip,
                        delivered,
                        True,
                        "person",
                        method="POST",
                        user_agent=ua,
                    )
    out.sort(key=lambda x: x.hit.at)
    return out
