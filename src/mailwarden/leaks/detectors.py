"""What the leak scanner looks for: sending credentials, each a rule with a finding code.

Every rule works on bytes (a secret is ASCII, whatever the file's encoding — Shift_JIS and
broken UTF-8 are read as they are) in two steps:

1. a **prefilter**, one pass over the whole file for all rules at once: Hyperscan where it is
   installed, else one alternation of Python ``re`` — a loose pattern (a literal prefix, the
   name of a setting, a bounded shape between delimiters) that finds every place a rule could
   match and little else;
2. the rule's own pattern, run only on the lines around a prefilter hit (a line is cut to
   :data:`WINDOW` bytes either side: a minified file's one huge line costs no more than a short
   one), then its checks: shape (``check``), words that must stand near it (``context``,
   within :data:`CONTEXT_LINES` lines) and placeholders (:func:`placeholder`).

The cloud tokens (GitHub, Slack, Google, Stripe, GitLab) and private keys are the DLP
detectors' own patterns (``dlp/detectors.py``), read here as bytes."""

from __future__ import annotations

import base64
import binascii
import fnmatch
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..dlp.detectors import BY_ID as DLP

#: bytes either side of a prefilter hit that the rule's pattern sees
WINDOW = 600
#: lines either side in which a rule's context words must stand
CONTEXT_LINES = 3
B64 = rb"A-Za-z0-9+/"


@dataclass(frozen=True)
class Rule:
    #: the finding code
    code: str
    #: what piece of a credential it is: aws-key-id, aws-secret, ses-password, other
    kind: str
    #: group ``v`` is the secret; group ``k``, where there is one, the setting's name
    pattern: re.Pattern[bytes]
    #: loose, Hyperscan-friendly (no lookarounds): matches wherever ``pattern`` could
    prefilter: bytes
    #: lower-case words one of which must stand within CONTEXT_LINES lines
    context: tuple[bytes, ...] = ()
    check: Callable[[bytes], bool] | None = None
    #: file names (lower case, fnmatch) the rule is limited to
    names: tuple[str, ...] = ()
    #: the value may be short or plain (a password): placeholders are judged more strictly
    password: bool = False
    #: lines either side of a prefilter hit the pattern is looked for in (a secret key is
    #: found by its setting's name or its key id, on the same line or near it)
    lines: int = 0
    #: lines either side in which ``context`` must stand
    context_lines: int = 3


def entropy(value: bytes) -> float:
    """Shannon entropy in bits per character."""
    if not value:
        return 0.0
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


_PLACEHOLDER = re.compile(
    rb"example|sample|dummy|placeholder|changeme|change_me|your[_-]?|<[^>]*>|\$\{|\{\{|%\(|%[sd]\b"
    rb"|xxxx|\*\*\*|\.\.\.|redacted|fake|foobar|^n/?a$|^none$|^null$|^true$|^false$|^password\d*$"
    rb"|^secret$|^pass(wd)?$|^test(ing)?\d*$|^todo$|^tbd$"
    # a test fixture's password: goodpassword, bad_password, wrongpass1
    rb"|^(good|bad|wrong|invalid|my|new|old|other|some)[_-]?pass(word|wd)?\d*$",
    re.I,
)
#: a value that reads another setting instead of being one
_REFERENCE = re.compile(
    rb"^(env|os\.|getenv|process\.env|ENV\[|config\(|settings\.|secrets\.|vault|\$[A-Za-z_(]|%[A-Z_]+%)", re.I
)


#: a setting's or a variable's name where a password would be (``("smtp_password", "smtp_user")``)
_IDENTIFIER = re.compile(
    rb"^(?:[a-z]+(?:[_.][a-z]+)+|[A-Z]+(?:_[A-Z]+)+"
    # a variable read by index, key or call: sim_auth[1], creds["smtp"], get_password()
    rb"|[A-Za-z_][\w.]*(?:\[[^\]]*\]|\(\)?)+)$"
)


def placeholder(value: bytes, *, password: bool = False) -> bool:
    """Test values, examples and placeholders: AKIAIOSFODNN7EXAMPLE, ``your-key``, ``xxxx``,
    ``${SMTP_PASSWORD}``, ``<password>``, one character repeated."""
    if _PLACEHOLDER.search(value) or _REFERENCE.match(value):
        return True
    if re.search(rb"(.)\1{5,}", value):
        return True
    if password:
        return len(set(value)) < 4 or _IDENTIFIER.match(value) is not None
    return False


def _ses_shape(value: bytes) -> bool:
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return False
    return len(raw) == 33 and raw[0] == 4 and entropy(value) > 4.2


def _random(min_entropy: float, *, digit: bool = False) -> Callable[[bytes], bool]:
    def check(value: bytes) -> bool:
        # a hex digest or a word is not a secret key: both cases, and enough entropy
        mixed = any(c in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ" for c in value) and any(
            c in b"abcdefghijklmnopqrstuvwxyz" for c in value
        )
        # nor is a path of words ("policy/AWSSecurityHubOrganizationsAccess" in an ARN): 40
        # random base64 characters hold a digit or a "+" but for one key in ~1,900
        if digit and not any(c in b"0123456789+" for c in value):
            return False
        return mixed and entropy(value) >= min_entropy

    return check


def _dlp(detector: str) -> re.Pattern[bytes]:
    pat = DLP[detector].pattern.pattern
    return re.compile(("(?P<v>" + pat + ")").encode())


# the name of a mail password setting, in the forms frameworks write it
_MAIL_KEY = (
    rb"(?:smtp|mail|mailer|email|e_mail|sendmail|relay)[\w.\-]{0,24}?pass(?:word|wd)?"
    rb"|EMAIL_HOST_PASSWORD|spring\.mail\.password|mail\.smtp\.password|->Password"
    # ssmtp.conf
    rb"|(?<![A-Za-z])AuthPass"
)
#: words that say a bare "password" setting is a mail server's, within CONTEXT_LINES lines
_MAIL_BLOCK = (
    b"smtp_settings", b"smtp:", b"mailer:", b"mail:", b"delivery_method", b"smtp_", b'"smtp"', b"'smtp'",
    b"smtp.", b"nodemailer", b"createtransport", b"[smtp]", b"[mail]", b"[email]", b"[mailer]",
)  # fmt: skip
#: configuration files, where a setting's value may stand unquoted
_CONFIG_FILES = (
    "*.yml", "*.yaml", "*.properties", "*.ini", "*.cfg", "*.conf", "*.toml", "*.env", ".env*", "*.env.*",
)  # fmt: skip
_ASSIGN = (
    # NAME = v, name: "v", 'name' => 'v'; a quoted name then a quoted value after a comma —
    # define('SMTP_PASS', 'v'), setdefault("SMTP_PASSWORD", "v"), props.put("mail.smtp.password",
    # "v") — or after value= (<property name="mail.smtp.password" value="v"/>)
    rb"""(?:['"]?\]?\s*(?:=>|:=|=|:)|['"]\s*,\s*(?=['"])|['"]\s+value\s*=\s*(?=['"]))"""
    rb"""\s*(?:\(\s*)?(?P<q>['"]?)(?P<v>[^'"\s,;#)]{4,200})"""
)
# (gitlab_rails['smtp_password'] = '…' and app.config['MAIL_PASSWORD'] = '…' close a bracket
# between the name and the sign)

RULES: tuple[Rule, ...] = (
    Rule(
        "leaks.aws-access-key-id",
        "aws-key-id",
        re.compile(rb"(?<![A-Z0-9])(?P<v>(?:AKIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Z0-9])"),
        rb"(?:AKIA|ABIA|ACCA)[A-Z2-7]{16}",
    ),
    Rule(
        "leaks.aws-temporary-key-id",
        "aws-key-id",
        re.compile(rb"(?<![A-Z0-9])(?P<v>ASIA[A-Z2-7]{16})(?![A-Z0-9])"),
        rb"ASIA[A-Z2-7]{16}",
    ),
    Rule(
        "leaks.aws-secret-key",
        "aws-secret",
        re.compile(rb"(?<![" + B64 + rb"])(?P<v>[" + B64 + rb"]{40})(?![" + B64 + rb"=])"),
        # found by what names it: the setting, or an access key id (the secret is near it)
        rb"(?i)secret.?access.?key|aws.?secret|secret.?key.?id|(?-i:(?:AKIA|ASIA)[A-Z2-7]{16})",
        context=(
            b"secret_access_key",
            b"secretaccesskey",
            b"secret-access-key",
            b"secret access key",
            b"secret.access.key",
            b"aws.secret",
            b"aws_secret",
            b"aws-secret",
            b"awssecret",
            b"akia",
            b"asia",
        ),
        check=_random(4.3, digit=True),
        lines=3,
    ),
    Rule(
        "leaks.ses-smtp-password",
        "ses-password",
        re.compile(rb"(?<![" + B64 + rb"])(?P<v>B[A-P][" + B64 + rb"]{42})(?![" + B64 + rb"=])"),
        rb"(?:^|[^" + B64 + rb"])B[A-P][" + B64 + rb"]{42}(?:$|[^" + B64 + rb"=])",
        check=_ses_shape,
    ),
    Rule(
        "leaks.smtp-url",
        "other",
        re.compile(
            # the user may be an address written as it is (smtp://me@example.jp:pw@host)
            rb"(?i)(?P<k>smtps?|submission)://[^:/\s'\"]{1,200}:(?P<v>[^@/\s'\"]{3,200})@[\w.\-\[\]]+"
        ),
        rb"(?i)(?:smtps?|submission)://[^:/\s]{1,200}:[^@/\s]{3,200}@",
        password=True,
    ),
    Rule(
        "leaks.smtp-password",
        "other",
        re.compile(rb"(?i)(?P<k>" + _MAIL_KEY + rb")" + _ASSIGN),
        rb"(?i)(?:smtp|mail|mailer|email|e_mail|sendmail|relay)[\w.\-]{0,24}pass|->Password|AuthPass",
        password=True,
    ),
    Rule(
        # Rails (smtp_settings … password: '…'), JSON and appsettings.json ("Smtp": {"Password":
        # "…"}), nodemailer (auth: {user, pass: '…'}): a quoted value, in any file
        "leaks.smtp-password",
        "other",
        re.compile(
            rb"""(?i)(?:^|[{,])\s*['"]?(?P<k>:?pass(?:word)?)['"]?\s*(?:=>|:|=)\s*(?P<q>['"])"""
            rb"""(?P<v>[^'"\s,#]{4,200})""",
            re.M,
        ),
        rb"(?i)pass(?:word)?['\"]?\s*(?:=>|:|=)\s*['\"]",
        context=_MAIL_BLOCK,
        password=True,
        context_lines=8,
    ),
    Rule(
        # Symfony/Laravel/Spring YAML, INI and properties under a mail block: a bare value, in
        # configuration files only (in code, "password: bytes" is a type, "password = x" a name)
        "leaks.smtp-password",
        "other",
        re.compile(
            rb"""(?i)(?:^|[{,])\s*['"]?(?P<k>:?pass(?:word)?)['"]?\s*(?:=>|:|=)\s*(?P<q>)"""
            rb"""(?P<v>[^'"\s,#{}]{4,200})""",
            re.M,
        ),
        rb"(?i)pass(?:word)?\s*(?:=>|:|=)",
        context=_MAIL_BLOCK,
        names=_CONFIG_FILES,
        password=True,
        context_lines=8,
    ),
    Rule(
        # msmtp (.msmtprc, msmtp.conf: "password …"): every account in it is a mail server's
        "leaks.smtp-password",
        "other",
        re.compile(rb"""(?im)^[ \t]*(?P<k>password)[ \t]+(?P<q>['"]?)(?P<v>[^'"\s]{3,200})"""),
        rb"(?im)^[ \t]*password[ \t]+\S",
        names=("*msmtprc*", "msmtp*.conf"),
        password=True,
    ),
    Rule(
        # .netrc: the password of a machine whose name says mail (smtp.…, mail.…, imap.…), on one
        # line or over a few
        "leaks.smtp-password",
        "other",
        re.compile(
            rb"""(?i)machine\s+(?P<k>\S*(?:smtp|mail|imap|pop)\S*)\s+(?:(?:login|account)\s+\S+\s+){0,2}"""
            rb"""password\s+(?P<q>)(?P<v>\S{3,200})"""
        ),
        rb"(?i)machine\s+\S*(?:smtp|mail|imap|pop)",
        names=("*netrc*",),
        password=True,
        lines=3,
    ),
    Rule(
        # a password handed to a mail client: smtplib's server.login(user, "…"), JavaMail's
        # new PasswordAuthentication(user, "…")
        "leaks.smtp-password",
        "other",
        re.compile(
            rb"""(?P<k>\.login|PasswordAuthentication)\(\s*[^,()]{1,100},\s*(?P<q>['"])(?P<v>[^'"\s]{4,200})['"]"""
        ),
        rb"\.login\(|PasswordAuthentication\(",
        context=(b"smtp", b"mail", b"imap", b"pop3"),
        password=True,
        lines=1,
    ),
    Rule(
        # Go's net/smtp: smtp.PlainAuth(identity, user, "…", host)
        "leaks.smtp-password",
        "other",
        re.compile(
            rb"""(?P<k>PlainAuth)\(\s*[^,()]{0,100},\s*[^,()]{1,100},\s*(?P<q>['"`])(?P<v>[^'"`\s]{4,200})['"`]"""
        ),
        rb"PlainAuth\(",
        password=True,
        lines=1,
    ),
    Rule(
        "leaks.sasl-password",
        "other",
        re.compile(rb"(?m)^\s*(?P<k>\[?[\w.\-]+\]?(?::\d+)?)\s+[^\s:]+:(?P<v>\S{3,200})\s*$"),
        rb"(?m)^\s*\[?[\w.\-]+\]?(?::[0-9]+)?\s+[^\s:]+:\S",
        names=("*sasl_passwd*", "*sasl-passwd*", "*smtp_auth*"),
        password=True,
    ),
    Rule(
        "leaks.sendgrid-api-key",
        "other",
        re.compile(rb"(?<![\w.])(?P<v>SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})(?![\w\-])"),
        rb"SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}",
    ),
    Rule(
        "leaks.mailgun-api-key",
        "other",
        re.compile(rb"(?<![\w\-])(?P<v>key-[0-9a-z]{32})(?![\w\-])"),
        rb"key-[0-9a-z]{32}",
        check=lambda v: entropy(v[4:]) >= 3.5 and any(c in b"0123456789" for c in v[4:]),
    ),
    Rule(
        "leaks.mailgun-api-key",
        "other",
        re.compile(rb"(?<![\w\-])(?P<v>[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![\w\-])"),
        rb"[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}",
        context=(b"mailgun",),
    ),
    Rule(
        "leaks.postmark-token",
        "other",
        re.compile(
            rb"(?<![\w\-])(?P<v>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w\-])"
        ),
        rb"(?i)postmark",
        context=(b"postmark",),
        lines=3,
    ),
    Rule(
        "leaks.resend-api-key",
        "other",
        re.compile(rb"(?<![\w\-])(?P<v>re_[A-Za-z0-9]{6,12}_[A-Za-z0-9]{16,40})(?![\w\-])"),
        rb"re_[A-Za-z0-9]{6,12}_[A-Za-z0-9]{16,40}",
        check=_random(3.5),
    ),
    Rule(
        "leaks.sparkpost-api-key",
        "other",
        re.compile(rb"(?<![\w\-])(?P<v>[0-9a-f]{40})(?![\w\-])"),
        rb"(?i)sparkpost",
        context=(b"sparkpost",),
        lines=3,
    ),
    Rule(
        "leaks.brevo-api-key",
        "other",
        re.compile(rb"(?<![\w\-])(?P<v>x(?:keysib|smtpsib)-[0-9a-f]{64}-[A-Za-z0-9]{16})(?![\w\-])"),
        rb"x(?:keysib|smtpsib)-[0-9a-f]{64}-",
    ),
    Rule(
        "leaks.blastengine-api-key",
        "other",
        re.compile(rb"(?<![A-Za-z0-9])(?P<v>[A-Za-z0-9]{40,128})(?![A-Za-z0-9])"),
        rb"(?i)blastengine|blast_engine|BLASTENGINE",
        context=(b"blastengine", b"blast_engine"),
        check=_random(4.0),
        lines=3,
    ),
    Rule(
        "leaks.dkim-private-key",
        "other",
        re.compile(rb"(?P<v>-----BEGIN (?:RSA |EC )?PRIVATE KEY-----)"),
        rb"-----BEGIN (?:RSA |EC )?PRIVATE KEY-----",
        context=(b"dkim", b"domainkey"),
        context_lines=5,
    ),
    Rule(
        "leaks.private-key",
        "other",
        _dlp("secret.private-key"),
        rb"-----BEGIN [A-Z ]{0,20}PRIVATE KEY",
    ),
    Rule(
        "leaks.cloud-token",
        "other",
        _dlp("secret.api-token"),
        rb"gh[pousr]_|xox[abposr]-|AIza|sk_live_|glpat-",
    ),
)


@dataclass(frozen=True)
class Candidate:
    rule: Rule
    start: int
    end: int
    value: bytes
    setting: str = ""


#: the rules every file is scanned for; those limited to some file names (sasl_passwd, bare
#: values in configuration files) are added only for files of those names — their loose
#: prefilters match all over ordinary code, and cost most of the prefilter's time there
GENERAL = tuple(i for i, r in enumerate(RULES) if not r.names)


#: (rule index, its file name globs as one pattern) of the rules limited to some names
_NAMED = tuple(
    (i, re.compile("|".join(fnmatch.translate(g) for g in r.names))) for i, r in enumerate(RULES) if r.names
)


@lru_cache(maxsize=1024)
def _with_named(named: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(sorted(GENERAL + named))


def rules_for(name: str) -> tuple[int, ...]:
    """Indices of the rules a file called ``name`` (lower case, no directory) is scanned for."""
    named = tuple(i for i, pat in _NAMED if pat.match(name))
    return _with_named(named) if named else GENERAL


@cache
def _hyperscan(rules: tuple[int, ...]) -> Any | None:
    try:
        import hyperscan
    except ImportError:
        return None
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    exprs, flags = [], []
    for i in rules:
        expr, flag = RULES[i].prefilter, 0
        if expr.startswith(b"(?i)"):
            expr, flag = expr[4:], hyperscan.HS_FLAG_CASELESS
        exprs.append(expr.replace(b"(?-i:", b"(?:"))
        flags.append(flag | (hyperscan.HS_FLAG_MULTILINE if b"(?m)" in expr else 0))
    exprs = [e.replace(b"(?m)", b"") for e in exprs]
    db.compile(expressions=exprs, ids=list(rules), elements=len(exprs), flags=flags)
    return db


@cache
def _fallback() -> tuple[re.Pattern[bytes], ...]:
    return tuple(re.compile(r.prefilter, re.M) for r in RULES)


#: prefilter hits a file may make before the rest of it is scanned by rule patterns alone
MAX_HITS = 20_000


def prefilter(data: bytes, rules: tuple[int, ...] | None = None) -> list[tuple[int, int]]:
    """(rule index, end offset) of every prefilter hit of ``rules`` (all of them by default)."""
    rules = tuple(range(len(RULES))) if rules is None else rules
    hits: list[tuple[int, int]] = []
    db = _hyperscan(rules)
    if db is not None:

        def on(rule: int, _from: int, to: int, _flags: int, _ctx: Any) -> bool | None:
            hits.append((rule, to))
            return True if len(hits) >= MAX_HITS else None

        db.scan(data, match_event_handler=on)
        return hits
    patterns = _fallback()  # pragma: no cover - platforms without Hyperscan
    for i in rules:  # pragma: no cover
        for m in patterns[i].finditer(data):
            hits.append((i, m.end()))
            if len(hits) >= MAX_HITS:
                return hits
    return hits  # pragma: no cover
