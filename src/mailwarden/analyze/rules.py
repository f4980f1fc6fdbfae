"""Rules as data: the signal registry (``signals.yaml``), the lists the checks compare against
(``lists.yaml``), and the user's overrides in their own YAML file:

.. code-block:: yaml

    thresholds: {suspicious: 3, phishing: 6}
    weights: {header.reply-to-mismatch: 0.5}
    own_domains: [example.co.jp]
    correspondents: [supplier.co.jp, tax-office.jp]   # domains you really deal with
    vips: [{name: 山田 太郎, addresses: [yamada@example.co.jp]}]
    brands: [{name: 例銀行, domains: [example-bank.jp]}]
    freemail: [example-free.jp]
    trusted_authserv_ids: [mx.example.co.jp]
    ppap: true        # encrypted zip attachments are routine here: lower their weight

Unknown keys and unknown signal ids are errors, so a typo does not silently do nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..core.errors import ConfigError
from ..core.freemail import freemail_domains
from ..core.i18n import N_, gettext

HERE = Path(__file__).parent
VERDICTS = ("clean", "spam", "suspicious", "phishing", "malicious")
VERDICT_LABELS = {
    "clean": N_("clean"),
    "spam": N_("spam"),
    "suspicious": N_("suspicious"),
    "phishing": N_("phishing"),
    "malicious": N_("malicious"),
}
PPAP_FACTOR = 0.25
# libyaml's loader when PyYAML was built with it: the same documents, ten times faster to read
# (0.28 → 0.03 s for signals.yaml and lists.yaml, paid by every `mailwarden scan`)
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # a safe loader, C or Python


@dataclass(frozen=True)
class SignalDef:
    id: str
    category: str
    weight: float
    title: str
    explain: str
    references: tuple[str, ...] = ()
    verdict: str | None = None
    #: the attack family the signal stands for
    family: str = ""
    #: messages of each class of the tuning sets that fired it, when its weight was fitted
    fitted: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class Brand:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    #: the name is also an everyday word: matched only as written, never case-folded
    generic: bool = False

    def owns(self, domain: str) -> bool:
        return any(domain == d or domain.endswith("." + d) for d in self.domains)


@dataclass
class Rules:
    signals: dict[str, SignalDef]
    thresholds: dict[str, float]
    weights: dict[str, float] = field(default_factory=dict)
    own_domains: tuple[str, ...] = ()
    #: the domains the organisation really corresponds with (configured; more are learned)
    correspondents: tuple[str, ...] = ()
    vips: tuple[tuple[str, tuple[str, ...]], ...] = ()
    brands: tuple[Brand, ...] = ()
    #: words joined to a brand's name in one word by impersonators ("MetaMaskTeam")
    brand_role_words: frozenset[str] = frozenset()
    #: a brand's domains where others hold addresses or hosts (an ISP's subscribers)
    shared_brand_domains: frozenset[str] = frozenset()
    freemail: frozenset[str] = frozenset()
    shorteners: frozenset[str] = frozenset()
    redirect_params: frozenset[str] = frozenset()
    suspicious_tlds: frozenset[str] = frozenset()
    storage_hosts: frozenset[str] = frozenset()
    #: public file- and form-sharing services (drive.google.com, forms.gle…)
    share_hosts: frozenset[str] = frozenset()
    #: services sending what their users write (drive-shares-noreply@google.com…)
    relay_senders: frozenset[str] = frozenset()
    #: email service providers: bounce (Return-Path) domains and click-tracking hosts
    esp_domains: frozenset[str] = frozenset()
    #: SaaS giving each customer a host under its name (customer.smarthr.jp)
    tenant_domains: frozenset[str] = frozenset()
    #: public suffixes only registered organisations can hold (go.jp, ac.jp, gov…)
    restricted_suffixes: frozenset[str] = frozenset()
    #: suffixes where one registered company holds one domain (co.jp)
    company_suffixes: frozenset[str] = frozenset()
    trusted_authserv_ids: tuple[str, ...] = ()
    ppap: bool = True
    #: accept rsa-sha1 DKIM signatures (RFC 8301 says verifiers must not); reported when used
    allow_rsa_sha1: bool = False

    def weight(self, code: str) -> float:
        if code in self.weights:
            return self.weights[code]
        w = self.signals[code].weight
        if self.ppap and code == "attachment.encrypted-archive":
            w *= PPAP_FACTOR
        return w


def _brands(entries: list[dict[str, Any]]) -> tuple[Brand, ...]:
    return tuple(
        Brand(
            str(e["name"]),
            tuple(str(a) for a in e.get("aliases", [])),
            tuple(str(d).lower() for d in e.get("domains", [])),
            bool(e.get("generic", False)),
        )
        for e in entries
    )


@cache
def _defaults() -> tuple[dict[str, SignalDef], dict[str, float], dict[str, Any]]:
    reg = _yaml((HERE / "signals.yaml").read_text(encoding="utf-8"))
    signals = {
        s["id"]: SignalDef(
            id=s["id"],
            category=s["category"],
            weight=float(s["weight"]),
            title=s["title"],
            explain=s["explain"],
            references=tuple(s.get("references", [])),
            verdict=s.get("verdict"),
            family=s.get("family", ""),
            fitted=tuple((str(k), int(v)) for k, v in (s.get("fitted") or {}).items()),
        )
        for s in reg["signals"]
    }
    lists = _yaml((HERE / "lists.yaml").read_text(encoding="utf-8"))
    return signals, {k: float(v) for k, v in reg["thresholds"].items()}, lists


#: keys whose value is a list; a single value written without brackets is a list of one
LIST_KEYS = (
    "own_domains",
    "correspondents",
    "vips",
    "brands",
    "brand_role_words",
    "freemail",
    "shorteners",
    "esp_domains",
    "trusted_authserv_ids",
)
#: list keys whose entries are mappings ({name: …, addresses: […]}); the others hold text
_MAPPING_LISTS = {"vips": ("addresses",), "brands": ("aliases", "domains")}
MAPPING_KEYS = ("thresholds", "weights")
BOOL_KEYS = ("ppap", "allow_rsa_sha1")
ALLOWED_KEYS = {*LIST_KEYS, *MAPPING_KEYS, *BOOL_KEYS}


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _text_list(key: str, value: Any) -> list[str]:
    """``value`` as a list of text: a single string is a list of one (``own_domains:
    example.co.jp`` read letter by letter would silently match nothing); anything else that
    is not a list of strings is an error naming ``key``."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise ConfigError(
            gettext("{key} in the rules file must be a list, not {value}").format(
                key=key, value=_shown(value)
            )
        )
    for item in value:
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            raise ConfigError(
                gettext("{key} in the rules file must hold text entries, not {value}").format(
                    key=key, value=_shown(item)
                )
            )
    return [str(item) for item in value]


def _entries(key: str, value: Any) -> list[dict[str, Any]]:
    """The entries of ``vips`` or ``brands``: mappings with a ``name``, whose own list keys
    (``addresses``, ``domains``, ``aliases``) take a single string as a list of one."""
    if value is None:
        return []
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        raise ConfigError(
            gettext("{key} in the rules file must be a list, not {value}").format(
                key=key, value=_shown(value)
            )
        )
    out = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str | int | float):
            raise ConfigError(
                gettext(
                    "each entry of {key} in the rules file must be a mapping with a name, not {value}"
                ).format(key=key, value=_shown(item))
            )
        entry = dict(item)
        for sub in _MAPPING_LISTS[key]:
            if sub in entry:
                entry[sub] = _text_list(f"{key}.{sub}", entry[sub])
        out.append(entry)
    return out


def _numbers(key: str, value: Any) -> dict[str, float]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(
            gettext("{key} in the rules file must be a mapping, such as {{name: 1.5}}, not {value}").format(
                key=key, value=_shown(value)
            )
        )
    out = {}
    for k, v in value.items():
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise ConfigError(
                gettext("{key} in the rules file must be a number, not {value}").format(
                    key=f"{key}.{k}", value=_shown(v)
                )
            )
        out[str(k)] = float(v)
    return out


def _checked(user: dict[str, Any]) -> dict[str, Any]:
    """The user's rules with every value of the type its key takes (lists, mappings of
    numbers, true/false), or ``ConfigError`` naming the key whose value is not."""
    user = dict(user)
    for key in LIST_KEYS:
        if key in _MAPPING_LISTS:
            user[key] = _entries(key, user.get(key))
        else:
            user[key] = _text_list(key, user.get(key))
    for key in MAPPING_KEYS:
        user[key] = _numbers(key, user.get(key))
    for key in BOOL_KEYS:
        if key in user and not isinstance(user[key], bool):
            raise ConfigError(
                gettext("{key} in the rules file must be true or false, not {value}").format(
                    key=key, value=_shown(user[key])
                )
            )
    return user


def load_rules(path: Path | None = None) -> Rules:
    signals, thresholds, lists = _defaults()
    user: dict[str, Any] = {}
    if path is not None:
        try:
            user = _yaml(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            msg = gettext("cannot read the rules file {path}: {error}").format(path=path, error=exc)
            raise ConfigError(msg) from exc
        if not isinstance(user, dict):
            raise ConfigError(gettext("the rules file {path} must be a mapping").format(path=path))
        unknown = set(user) - ALLOWED_KEYS
        if unknown:
            raise ConfigError(
                gettext("unknown keys in the rules file: {keys}").format(keys=", ".join(sorted(unknown)))
            )
        user = _checked(user)
    weights = {str(k): float(v) for k, v in (user.get("weights") or {}).items()}
    bad = set(weights) - set(signals)
    if bad:
        raise ConfigError(
            gettext("unknown signal ids in the rules file: {ids}").format(ids=", ".join(sorted(bad)))
        )
    th = dict(thresholds)
    for k, v in (user.get("thresholds") or {}).items():
        if k not in th:
            raise ConfigError(gettext("unknown threshold {name}").format(name=k))
        th[k] = float(v)
    vips = tuple(
        (str(v["name"]), tuple(str(a).lower() for a in v.get("addresses", [])))
        for v in user.get("vips") or []
    )
    return Rules(
        signals=signals,
        thresholds=th,
        weights=weights,
        own_domains=tuple(str(d).lower() for d in user.get("own_domains") or []),
        correspondents=tuple(str(d).lower() for d in user.get("correspondents") or []),
        vips=vips,
        brands=_brands(lists["brands"] + list(user.get("brands") or [])),
        brand_role_words=frozenset(
            str(w).casefold() for w in lists["brand_role_words"] + list(user.get("brand_role_words") or [])
        ),
        shared_brand_domains=frozenset(lists["shared_brand_domains"]),
        freemail=freemail_domains() | frozenset(user.get("freemail") or []),
        shorteners=frozenset(lists["shorteners"]) | frozenset(user.get("shorteners") or []),
        redirect_params=frozenset(lists["redirect_params"]),
        suspicious_tlds=frozenset(lists["suspicious_tlds"]),
        storage_hosts=frozenset(lists["storage_hosts"]),
        share_hosts=frozenset(lists["share_hosts"]),
        relay_senders=frozenset(lists["relay_senders"]),
        esp_domains=frozenset(lists["esp_domains"]) | frozenset(user.get("esp_domains") or []),
        tenant_domains=frozenset(lists["tenant_domains"]),
        restricted_suffixes=frozenset(lists["restricted_suffixes"]),
        company_suffixes=frozenset(lists["company_suffixes"]),
        trusted_authserv_ids=tuple(str(a).lower() for a in user.get("trusted_authserv_ids") or []),
        ppap=bool(user.get("ppap", True)),
        allow_rsa_sha1=bool(user.get("allow_rsa_sha1", False)),
    )
