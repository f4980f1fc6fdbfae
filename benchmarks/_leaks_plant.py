"""A real source tree with labelled credentials planted in it, for the leak scanner's quality
benchmark (benchmarks/leaks_quality.py).

:func:`build` copies the sources of a few installed packages (and a few stdlib mail modules)
into a directory, then plants credentials of every kind the leak rules know — in new
configuration files written in the syntaxes projects use (.env, Laravel .env, YAML,
docker-compose, GitHub Actions, Kubernetes, Django settings.py, Rails smtp_settings, Spring
application.properties and application.yml, PHPMailer, WordPress wp-config, Postfix
sasl_passwd, nodemailer JS/TS, JSON and appsettings.json, Terraform, AWS credentials files,
shell, Go and Java) and inside the copied Python sources — among decoys (AWS's documentation
keys, placeholders and references, hashes, UUIDs, random base64, public keys, test keys).

Every planted credential is a :class:`Plant`: (file, line, kind) is the ground truth. The
random choices (values, syntaxes, the weight of each syntax, where blocks go) all come from
one seed; DKIM and other private keys are real keys made by ``cryptography`` (their bytes do
not depend on the seed, where they are and how they are written does)."""

from __future__ import annotations

import base64
import shutil
import string
import sysconfig
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

from mailwarden.leaks import aws

SITE = Path(sysconfig.get_paths()["purelib"])
STDLIB = Path(sysconfig.get_paths()["stdlib"])
#: installed packages whose sources make the tree (some carry test keys and mail code)
PACKAGES = (
    "aiosmtpd", "dkim", "requests", "urllib3", "httpx", "jinja2", "click", "dotenv", "dns",
    "pydantic", "_pytest", "checkdmarc", "itsdangerous", "mako",
)  # fmt: skip
STDLIB_PARTS = ("email", "smtplib.py", "imaplib.py", "poplib.py", "smtpd.py", "ssl.py", "urllib")
TEXT_SUFFIXES = {".py", ".pyi", ".txt", ".md", ".rst", ".cfg", ".toml", ".ini", ".json", ".yaml", ".yml"}

#: the kinds, as the quality figures group the finding codes
KINDS = (
    "aws-access-key-id",
    "aws-secret-key",
    "ses-smtp-password",
    "smtp-url",
    "smtp-password",
    "sasl-password",
    "sendgrid-api-key",
    "mailgun-api-key",
    "postmark-token",
    "resend-api-key",
    "sparkpost-api-key",
    "brevo-api-key",
    "blastengine-api-key",
    "dkim-private-key",
    "private-key",
    "cloud-token",
)


def family(code: str) -> str:
    """The kind a finding code reports."""
    code = code.removeprefix("leaks.")
    if code in ("aws-access-key-id", "aws-temporary-key-id"):
        return "aws-access-key-id"
    if code in ("aws-secret-key", "aws-credential-pair"):
        return "aws-secret-key"
    if code.startswith("ses-smtp-password"):
        return "ses-smtp-password"
    return code


@dataclass(eq=False)
class Plant:
    kind: str
    value: str
    #: where it ended up (set when the tree is written)
    path: str = ""
    line: int = 0
    #: a key id written within a few lines of its secret key: reported as one credential pair
    pair: Plant | None = None
    #: an SES SMTP password: the secret key it was made from, and the Region
    source: Plant | None = None
    region: str = ""
    syntax: str = ""


@dataclass
class Block:
    lines: list[str]
    #: (index in lines, plant)
    marks: list[tuple[int, Plant]] = field(default_factory=list)
    #: indices of decoy lines
    decoys: list[int] = field(default_factory=list)


@dataclass
class Tree:
    root: Path
    plants: list[Plant]
    #: (path, line, what) of every decoy
    decoys: list[tuple[str, int, str]]
    #: path -> lines written by the generator (planted or decoy): the rest is the real tree
    written: dict[str, set[int]]
    #: files wholly written by the generator
    new_files: set[str]
    original_bytes: int = 0


# --- values ---------------------------------------------------------------------------------

ALNUM = string.ascii_letters + string.digits
B32 = string.ascii_uppercase + "234567"
HEX = "0123456789abcdef"
WORDS = ("Sakura", "Fuji", "Tokyo", "Kumo", "Umi", "Hoshi", "River", "Maple", "Orbit", "Falcon", "Nagoya")
REGIONS = ("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-2")


def chars(rnd: Random, alphabet: str, n: int) -> str:
    return "".join(rnd.choice(alphabet) for _ in range(n))


def key_id(rnd: Random, temporary: bool = False) -> str:
    return ("ASIA" if temporary else "AKIA") + chars(rnd, B32, 16)


def secret_key(rnd: Random) -> str:
    while True:
        v = base64.b64encode(rnd.randbytes(30)).decode()
        if any(c.isupper() for c in v) and any(c.islower() for c in v):
            return v


def password(rnd: Random, url: bool = False) -> str:
    style = rnd.choice(["random", "words", "app", "random"])
    if style == "app":
        return chars(rnd, string.ascii_lowercase, 16)
    if style == "words":
        sym = rnd.choice("-_.") if url else rnd.choice("!%^&*-_+.@")
        return rnd.choice(WORDS) + str(rnd.randint(10, 9999)) + sym + rnd.choice(WORDS).lower()
    alphabet = ALNUM + ("-_.~" if url else "!%^&*-_+.@")
    while True:
        v = chars(rnd, alphabet, rnd.randint(12, 24))
        if len(set(v)) > 6:
            return v


def sendgrid(rnd: Random) -> str:
    a = ALNUM + "_-"
    return f"SG.{chars(rnd, a, 22)}.{chars(rnd, a, 43)}"


def mailgun(rnd: Random) -> tuple[str, bool]:
    if rnd.random() < 0.6:
        return "key-" + chars(rnd, string.digits + string.ascii_lowercase, 32), False
    return f"{chars(rnd, HEX, 32)}-{chars(rnd, HEX, 8)}-{chars(rnd, HEX, 8)}", True


def resend(rnd: Random) -> str:
    return f"re_{chars(rnd, ALNUM, 8)}_{chars(rnd, ALNUM, 24)}"


def brevo(rnd: Random) -> str:
    return f"{rnd.choice(['xkeysib', 'xsmtpsib'])}-{chars(rnd, HEX, 64)}-{chars(rnd, ALNUM, 16)}"


def cloud_token(rnd: Random) -> str:
    kind = rnd.choice(["ghp", "gho", "ghs", "xoxb", "xoxp", "aiza", "stripe", "glpat"])
    if kind in ("ghp", "gho", "ghs"):
        return f"{kind}_{chars(rnd, ALNUM, 36)}"
    if kind == "xoxb":
        return f"xoxb-{rnd.randint(10**10, 10**11)}-{rnd.randint(10**12, 10**13)}-{chars(rnd, ALNUM, 24)}"
    if kind == "xoxp":
        return f"xoxp-{rnd.randint(10**10, 10**11)}-{rnd.randint(10**10, 10**11)}-{chars(rnd, ALNUM, 24)}"
    if kind == "aiza":
        return "AIza" + chars(rnd, ALNUM + "_-", 35)
    if kind == "stripe":
        return "sk_live_" + chars(rnd, ALNUM, rnd.choice([24, 99]))
    return "glpat-" + chars(rnd, ALNUM + "_-", 20)


class Keys:
    """Real private keys (RSA for DKIM; RSA, EC and Ed25519 otherwise), made once per run."""

    def __init__(self) -> None:
        from cryptography.hazmat.primitives import serialization as ser
        from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

        self.rsa: list[tuple[str, str]] = []  # (traditional PEM, PKCS#8 PEM)
        for _ in range(6):
            k = rsa.generate_private_key(public_exponent=65537, key_size=1024)
            trad = k.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.TraditionalOpenSSL, ser.NoEncryption())
            pk8 = k.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.PKCS8, ser.NoEncryption())
            self.rsa.append((trad.decode(), pk8.decode()))
        eck = ec.generate_private_key(ec.SECP256R1())
        self.ec = eck.private_bytes(
            ser.Encoding.PEM, ser.PrivateFormat.TraditionalOpenSSL, ser.NoEncryption()
        ).decode()
        ed = ed25519.Ed25519PrivateKey.generate()
        self.openssh = ed.private_bytes(
            ser.Encoding.PEM, ser.PrivateFormat.OpenSSH, ser.NoEncryption()
        ).decode()
        self.public = (
            rsa.generate_private_key(public_exponent=65537, key_size=1024)
            .public_key()
            .public_bytes(ser.Encoding.PEM, ser.PublicFormat.SubjectPublicKeyInfo)
            .decode()
        )


# --- how settings are written ---------------------------------------------------------------

#: syntax -> (file names, name style)
SYNTAXES: dict[str, tuple[tuple[str, ...], str]] = {
    "dotenv": ((".env", ".env.production", "deploy/app.env", "docker/.env.local"), "upper"),
    "shell": (("scripts/deploy.sh", "bin/setup.sh", "ci/release.sh"), "upper"),
    "yaml": (
        ("config/mail.yml", "docker-compose.yml", ".github/workflows/deploy.yml", "k8s/secret.yaml"),
        "lower",
    ),
    "python": (("settings.py", "app/config.py", "scripts/send_report.py"), "upper"),
    "ruby": (("config/environments/production.rb", "config/initializers/mailer.rb"), "lower"),
    "properties": (("src/main/resources/application.properties",), "dotted"),
    "php": (("config/mail.php", "lib/mailer.php", "wp-config.php"), "upper"),
    "js": (("config/mailer.js", "src/config.ts", "next.config.js"), "camel"),
    "json": (("config/secrets.json", "appsettings.json", "config/default.json"), "camel"),
    "hcl": (("infra/main.tf", "infra/terraform.tfvars"), "lower"),
    "ini": (("config/app.ini", "setup.cfg"), "lower"),
    "go": (("internal/config/config.go", "cmd/mailer/main.go"), "camel"),
    "java": (
        ("src/main/java/jp/example/MailConfig.java", "src/main/resources/applicationContext.xml"),
        "upper",
    ),
}


def setting_name(words: list[str], style: str) -> str:
    if style == "upper":
        return "_".join(words).upper()
    if style == "lower":
        return "_".join(words)
    if style == "camel":
        return words[0] + "".join(w.title() for w in words[1:])
    return ".".join(words)


def assign(rnd: Random, syntax: str, words: list[str], value: str) -> str:
    """One setting written as ``syntax`` writes it, in one of its usual forms."""
    style = SYNTAXES[syntax][1]
    if syntax == "json" and rnd.random() < 0.4:
        style = "upper"
    n = setting_name(words, style)
    forms: dict[str, list[str]] = {
        "dotenv": [f"{n}={value}", f'{n}="{value}"', f"export {n}='{value}'"],
        "shell": [f'export {n}="{value}"', f"{n}={value}", f"export {n}={value}"],
        "yaml": [
            f"  {n}: {value}",
            f'  {n}: "{value}"',
            f"    {n}: '{value}'",
            f"      - {n.upper()}={value}",
        ],
        "python": [f'{n} = "{value}"', f"{n.lower()} = '{value}'", f'    "{n.lower()}": "{value}",'],
        "ruby": [f"  {n}: '{value}',", f'  :{n} => "{value}",', f'{n.upper()} = "{value}"'],
        "properties": [f"{n}={value}", f"{n} = {value}", f"{n}: {value}"],
        "php": [
            f"    '{n.lower()}' => '{value}',",
            f'${n.lower()} = "{value}";',
            f"define('{n}', '{value}');",
        ],
        "js": [f"  {n}: '{value}',", f'const {n} = "{value}";', f"export const {n} = '{value}';"],
        "json": [f'  "{n}": "{value}",'],
        "hcl": [f'{n} = "{value}"', f'  {n}  = "{value}"'],
        "ini": [f"{n} = {value}", f"{n}={value}"],
        "go": [f'const {n} = "{value}"', f'\t{n[0].upper() + n[1:]}: "{value}",', f'{n} := "{value}"'],
        "java": [
            f'    private static final String {n} = "{value}";',
            f'props.put("{setting_name(words, "dotted")}", "{value}");',
            f'<property name="{setting_name(words, "dotted")}" value="{value}"/>',
        ],
    }
    return rnd.choice(forms[syntax])


FILLER: dict[str, list[str]] = {
    "dotenv": [
        "APP_NAME=Shop",
        "APP_ENV=production",
        "APP_DEBUG=false",
        "LOG_CHANNEL=stack",
        "DB_CONNECTION=mysql",
        "DB_HOST=127.0.0.1",
        "DB_PORT=3306",
        "DB_DATABASE=shop",
        "DB_USERNAME=shop",
        "REDIS_HOST=127.0.0.1",
        "CACHE_DRIVER=redis",
        "QUEUE_CONNECTION=redis",
        "SESSION_LIFETIME=120",
        "MAIL_MAILER=smtp",
        "MAIL_PORT=587",
        "MAIL_ENCRYPTION=tls",
        "MAIL_FROM_ADDRESS=noreply@example.jp",
        "# 本番用の設定",
        "",
        "TZ=Asia/Tokyo",
        "AWS_DEFAULT_REGION=ap-northeast-1",
        "AWS_BUCKET=shop-assets",
        "SENTRY_TRACES_SAMPLE_RATE=0.1",
    ],
    "shell": [
        "set -euo pipefail",
        'cd "$(dirname "$0")/.."',
        "echo 'deploying'",
        "",
        "# build",
        "npm ci && npm run build",
        "rsync -az dist/ web01:/srv/app/",
        "systemctl restart app",
        "export NODE_ENV=production",
        'export PATH="$HOME/.local/bin:$PATH"',
    ],
    "yaml": [
        "version: '3.8'",
        "services:",
        "  web:",
        "    image: shop/web:1.4",
        "    ports:",
        '      - "8080:80"',
        "    restart: unless-stopped",
        "  worker:",
        "    depends_on:",
        "      - web",
        "# 設定",
        "",
        "logging:",
        "  level: info",
        "mail:",
        "  host: smtp.example.jp",
        "  port: 587",
        "database:",
        "  adapter: postgresql",
        "  pool: 5",
        "  timeout: 5000",
    ],
    "python": [
        "import os",
        "from pathlib import Path",
        "",
        "BASE_DIR = Path(__file__).resolve().parent.parent",
        "DEBUG = False",
        "ALLOWED_HOSTS = ['shop.example.jp']",
        "TIME_ZONE = 'Asia/Tokyo'",
        "EMAIL_BACKEND = 'django.core.mail.backends.smtp.EmailBackend'",
        "EMAIL_HOST = 'smtp.example.jp'",
        "EMAIL_PORT = 587",
        "EMAIL_USE_TLS = True",
        "# メール設定",
        "LANGUAGE_CODE = 'ja'",
        "def send(msg):",
        "    return msg",
        "",
    ],
    "ruby": [
        "Rails.application.configure do",
        "  config.cache_classes = true",
        "  config.eager_load = true",
        "  config.log_level = :info",
        "  config.action_mailer.delivery_method = :smtp",
        "  config.action_mailer.perform_caching = false",
        "end",
        "",
        "# mailer",
        "  config.active_storage.service = :amazon",
    ],
    "properties": [
        "server.port=8080",
        "spring.application.name=shop",
        "spring.datasource.url=jdbc:postgresql://db/shop",
        "spring.datasource.username=shop",
        "spring.mail.host=smtp.example.jp",
        "spring.mail.port=587",
        "spring.mail.properties.mail.smtp.auth=true",
        "logging.level.root=INFO",
        "# mail",
        "",
    ],
    "php": [
        "<?php",
        "return [",
        "    'driver' => env('MAIL_MAILER', 'smtp'),",
        "    'host' => 'smtp.example.jp',",
        "    'port' => 587,",
        "    'encryption' => 'tls',",
        "];",
        "require_once __DIR__ . '/vendor/autoload.php';",
        "$mail->isSMTP();",
        "$mail->Host = 'smtp.example.jp';",
        "$mail->SMTPAuth = true;",
        "// 設定",
        "",
    ],
    "js": [
        "const nodemailer = require('nodemailer');",
        "module.exports = {",
        "  port: 587,",
        "  secure: false,",
        "};",
        "import { defineConfig } from 'vite';",
        "export default defineConfig({ plugins: [] });",
        "// settings",
        "",
        "const host = 'smtp.example.jp';",
    ],
    "json": [
        "{",
        '  "name": "shop",',
        '  "version": "1.4.0",',
        '  "Logging": { "LogLevel": "Information" },',
        '  "AllowedHosts": "*",',
        '  "port": 587,',
        '  "host": "smtp.example.jp",',
        "}",
    ],
    "hcl": [
        "terraform {",
        '  required_version = ">= 1.5"',
        "}",
        'resource "aws_s3_bucket" "assets" {',
        '  bucket = "shop-assets"',
        "}",
        "# infra",
        "",
        'variable "region" {',
        '  default = "ap-northeast-1"',
    ],
    "go": [
        "package config",
        "",
        "import (",
        '\t"net/smtp"',
        '\t"os"',
        ")",
        "// Config holds settings.",
        "type Config struct {",
        "\tHost string",
        "}",
        "func main() {",
        "}",
    ],
    "java": [
        "package jp.example;",
        "",
        "import java.util.Properties;",
        "public class MailConfig {",
        "    private static final int PORT = 587;",
        "}",
        "// mail",
        '<bean id="mailSender">',
        "</bean>",
    ],
    "ini": [
        "[app]",
        "name = shop",
        "debug = false",
        "[database]",
        "host = db",
        "port = 5432",
        "; settings",
        "",
    ],
}


# --- what is planted ------------------------------------------------------------------------


class Planter:
    def __init__(self, rnd: Random, keys: Keys) -> None:
        self.rnd = rnd
        self.keys = keys
        #: secret keys planted so far, for SES passwords made from them
        self.secrets: list[Plant] = []
        self.used_secrets: set[int] = set()
        # the mix of syntaxes differs from seed to seed
        self.weights = {s: rnd.uniform(0.2, 1.0) for s in SYNTAXES}

    def syntax(self, among: tuple[str, ...] = tuple(SYNTAXES)) -> str:
        return self.rnd.choices(among, weights=[self.weights[s] for s in among])[0]

    def mark(self, lines: list[str], plants: list[tuple[str, Plant]]) -> Block:
        """A block; each plant marked on the line its value stands on (found by the value)."""
        block = Block(lines)
        for needle, p in plants:
            (i,) = [j for j, line in enumerate(lines) if needle in line][:1]
            block.marks.append((i, p))
        return block

    # each maker returns a Block (its syntax chosen from ``syntax``) ---------------------------

    def aws_key(self, syntax: str) -> Block:
        """A key id alone, or a secret key alone (named), or both (a credential pair)."""
        rnd = self.rnd
        what = rnd.choice(["id", "secret", "pair", "pair"])
        kid = Plant("aws-access-key-id", key_id(rnd, temporary=rnd.random() < 0.25), syntax=syntax)
        sec = Plant("aws-secret-key", secret_key(rnd), syntax=syntax)
        if what == "id":
            return self.mark(
                [assign(rnd, syntax, ["aws", "access", "key", "id"], kid.value)], [(kid.value, kid)]
            )
        if what == "secret":
            words = rnd.choice(
                [["aws", "secret", "access", "key"], ["secret", "access", "key"], ["aws", "secret", "key"]]
            )
            self.secrets.append(sec)
            return self.mark([assign(rnd, syntax, words, sec.value)], [(sec.value, sec)])
        kid.pair = sec
        self.secrets.append(sec)
        special = {
            "ini": [
                f"[{rnd.choice(['default', 'prod', 'ses-sender'])}]",
                f"aws_access_key_id = {kid.value}",
                f"aws_secret_access_key = {sec.value}",
                f"region = {rnd.choice(REGIONS)}",
            ],
            "python": [
                "ses = boto3.client(",
                '    "ses",',
                f'    region_name="{rnd.choice(REGIONS)}",',
                f'    aws_access_key_id="{kid.value}",',
                f'    aws_secret_access_key="{sec.value}",',
                ")",
            ],
            "hcl": [
                'provider "aws" {',
                f'  region     = "{rnd.choice(REGIONS)}"',
                f'  access_key = "{kid.value}"',
                f'  secret_key = "{sec.value}"',
                "}",
            ],
            "js": [
                "const ses = new AWS.SES({",
                f"  region: '{rnd.choice(REGIONS)}',",
                f"  accessKeyId: '{kid.value}',",
                f"  secretAccessKey: '{sec.value}',",
                "});",
            ],
            "json": [
                '  "Credentials": {',
                f'    "AccessKeyId": "{kid.value}",',
                f'    "SecretAccessKey": "{sec.value}",',
                '    "Expiration": "2026-12-01T00:00:00Z"',
                "  },",
            ],
            "properties": [
                f"cloud.aws.credentials.access-key={kid.value}",
                f"cloud.aws.credentials.secret-key={sec.value}",
                f"cloud.aws.region.static={rnd.choice(REGIONS)}",
            ],
        }
        if syntax in special and rnd.random() < 0.7:
            lines = special[syntax]
        else:
            words = rnd.choice(
                [["aws", "secret", "access", "key"], ["secret", "access", "key"], ["aws", "secret"]]
            )
            lines = [
                assign(rnd, syntax, ["aws", "access", "key", "id"], kid.value),
                assign(rnd, syntax, words, sec.value),
            ]
            if rnd.random() < 0.5:
                lines.insert(1, assign(rnd, syntax, ["aws", "region"], rnd.choice(REGIONS)))
        return self.mark(lines, [(kid.value, kid), (sec.value, sec)])

    def ses(self, syntax: str) -> Block | None:
        """An SES SMTP password made from a secret key planted elsewhere (any file)."""
        rnd = self.rnd
        free = [s for s in self.secrets if id(s) not in self.used_secrets]
        if not free:
            return None
        source = rnd.choice(free)
        self.used_secrets.add(id(source))
        region = rnd.choice(REGIONS)
        p = Plant("ses-smtp-password", aws.smtp_password(source.value, region), source=source, region=region)
        p.syntax = syntax
        v = p.value
        host = f"email-smtp.{region}.amazonaws.com"
        # the SMTP user name of an SES credential is an access key id
        kid = Plant("aws-access-key-id", key_id(rnd), syntax=syntax)
        specials = {
            "ruby": [
                "  config.action_mailer.smtp_settings = {",
                f"    address: '{host}',",
                "    port: 587,",
                f"    user_name: '{kid.value}',",
                f"    password: '{v}',",
                "    authentication: :login",
                "  }",
            ],
            "properties": [f"spring.mail.host={host}", f"spring.mail.password={v}"],
            "php": [f"$mail->Host = '{host}';", f"$mail->Password = '{v}';"],
            "js": [
                "const transporter = nodemailer.createTransport({",
                f"  host: '{host}',",
                "  port: 587,",
                f"  auth: {{ user: '{kid.value}', pass: '{v}' }},",
                "});",
            ],
        }
        if syntax in specials and rnd.random() < 0.6:
            lines = specials[syntax]
        else:
            words = rnd.choice(
                [
                    ["ses", "smtp", "password"],
                    ["smtp", "password"],
                    ["mail", "password"],
                    ["email", "host", "password"],
                ]
            )
            lines = [assign(rnd, syntax, ["smtp", "host"], host), assign(rnd, syntax, words, v)]
        if kid.value in "\n".join(lines):
            return self.mark(lines, [(v, p), (kid.value, kid)])
        return self.mark(lines, [(v, p)])

    def ses_sasl(self) -> Block | None:
        """sasl_passwd for Amazon SES: the key id as the user name, the SMTP password."""
        rnd = self.rnd
        free = [s for s in self.secrets if id(s) not in self.used_secrets]
        if not free:
            return None
        source = rnd.choice(free)
        self.used_secrets.add(id(source))
        region = rnd.choice(REGIONS)
        p = Plant("ses-smtp-password", aws.smtp_password(source.value, region), source=source, region=region)
        p.syntax = "sasl"
        kid = Plant("aws-access-key-id", key_id(rnd), syntax="sasl")
        line = f"[email-smtp.{region}.amazonaws.com]:587 {kid.value}:{p.value}"
        return self.mark([line], [(kid.value, kid), (p.value, p)])

    def smtp_url(self, syntax: str) -> Block:
        rnd = self.rnd
        p = Plant("smtp-url", password(rnd, url=True), syntax=syntax)
        scheme = rnd.choice(["smtp", "smtps", "smtp", "submission"])
        user = rnd.choice(
            ["apikey", "noreply%40example.jp", "postmaster", "shop-mailer", "noreply@example.jp"]
        )
        host = rnd.choice(
            ["smtp.sendgrid.net:587", "smtp.gmail.com:465", "mail.example.jp", "smtp.mailgun.org:587"]
        )
        url = f"{scheme}://{user}:{p.value}@{host}"
        words = rnd.choice([["mailer", "dsn"], ["email", "url"], ["smtp", "url"], ["mail", "url"]])
        return self.mark([assign(rnd, syntax, words, url)], [(p.value, p)])

    def smtp_password(self, syntax: str) -> Block:
        rnd = self.rnd
        p = Plant("smtp-password", password(rnd), syntax=syntax)
        v = p.value
        specials: dict[str, list[list[str]]] = {
            "python": [
                [
                    "EMAIL_HOST = 'smtp.example.jp'",
                    "EMAIL_HOST_USER = 'noreply@example.jp'",
                    f"EMAIL_HOST_PASSWORD = '{v}'",
                ],
                [
                    "with smtplib.SMTP('smtp.example.jp', 587) as server:",
                    "    server.starttls()",
                    f"    server.login('noreply@example.jp', '{v}')",
                ],
            ],
            "ruby": [
                [
                    "  config.action_mailer.smtp_settings = {",
                    "    address: 'smtp.example.jp',",
                    "    port: 587,",
                    "    user_name: 'noreply@example.jp',",
                    f"    password: '{v}',",
                    "    authentication: 'plain'",
                    "  }",
                ],
                [
                    "ActionMailer::Base.smtp_settings = {",
                    "  :address => 'smtp.example.jp',",
                    "  :user_name => 'noreply',",
                    f'  :password => "{v}",',
                    "}",
                ],
            ],
            "properties": [["spring.mail.username=noreply@example.jp", f"spring.mail.password={v}"]],
            "yaml": [
                [
                    "spring:",
                    "  mail:",
                    "    host: smtp.example.jp",
                    "    username: noreply@example.jp",
                    f"    password: {v}",
                ],
                ["smtp:", "  address: smtp.example.jp", "  user_name: noreply", f'  password: "{v}"'],
            ],
            "php": [
                ["$mail->isSMTP();", "$mail->Username = 'noreply@example.jp';", f"$mail->Password = '{v}';"],
                ["define( 'WPMS_ON', true );", f"define( 'WPMS_SMTP_PASS', '{v}' );"],
            ],
            "js": [
                [
                    "const transporter = nodemailer.createTransport({",
                    "  host: 'smtp.example.jp',",
                    "  port: 587,",
                    "  auth: {",
                    "    user: 'noreply@example.jp',",
                    f"    pass: '{v}',",
                    "  },",
                    "});",
                ],
            ],
            "json": [
                [
                    '  "Smtp": {',
                    '    "Host": "smtp.example.jp",',
                    '    "Port": 587,',
                    '    "Username": "noreply",',
                    f'    "Password": "{v}"',
                    "  },",
                ],
            ],
            "dotenv": [
                [
                    "MAIL_MAILER=smtp",
                    "MAIL_HOST=smtp.example.jp",
                    "MAIL_USERNAME=noreply@example.jp",
                    f"MAIL_PASSWORD={v}",
                ]
            ],
            "go": [['auth := smtp.PlainAuth("", "noreply@example.jp", "' + v + '", "smtp.example.jp")']],
            "java": [
                [
                    "Session session = Session.getInstance(props, new javax.mail.Authenticator() {",
                    "    protected PasswordAuthentication getPasswordAuthentication() {",
                    "        return new PasswordAuthentication(",
                    '            "noreply@example.jp", "' + v + '");',
                    "    }",
                    "});",
                ],
                [
                    'props.put("mail.smtp.host", "smtp.example.jp");',
                    f'props.put("mail.smtp.password", "{v}");',
                ],
            ],
        }
        specials["python"].append([f'os.environ.setdefault("EMAIL_HOST_PASSWORD", "{v}")'])
        specials["python"].append(
            ["app.config['MAIL_SERVER'] = 'smtp.example.jp'", f"app.config['MAIL_PASSWORD'] = '{v}'"]
        )
        specials["ruby"].append(
            ["gitlab_rails['smtp_enable'] = true", f"gitlab_rails['smtp_password'] = \"{v}\""]
        )
        specials["yaml"].append([f"smtp: {{host: smtp.example.jp, port: 587, user: noreply, password: {v}}}"])
        if syntax in specials and rnd.random() < 0.7:
            lines = rnd.choice(specials[syntax])
        else:
            words = rnd.choice(
                [
                    ["smtp", "password"],
                    ["mail", "password"],
                    ["email", "password"],
                    ["mailer", "password"],
                    ["smtp", "pass"],
                    ["email", "host", "password"],
                ]
            )
            lines = [assign(rnd, syntax, words, v)]
        return self.mark(lines, [(v, p)])

    def mail_client_file(self) -> tuple[Block, str]:
        """An SMTP password in a mail client's or a server's own file: ssmtp.conf, .msmtprc,
        .netrc, grafana.ini's [smtp], a TOML [smtp] table."""
        rnd = self.rnd
        p = Plant("smtp-password", password(rnd), syntax="mailrc")
        v = p.value
        user = "noreply@example.jp"
        forms = [
            ("etc/ssmtp/ssmtp.conf", ["root=postmaster", "mailhub=smtp.gmail.com:587", f"AuthUser={user}",
                                      f"AuthPass={v}", "UseSTARTTLS=YES"]),
            ("home/deploy/.msmtprc", ["defaults", "tls on", "account default", "host smtp.gmail.com",
                                      "port 587", "auth on", f"user {user}", f"password {v}"]),
            ("home/deploy/.netrc", ["machine github.com login deploy password x-oauth-basic",
                                    f"machine smtp.gmail.com login {user} password {v}"]),
            ("etc/grafana/grafana.ini", ["[server]", "http_port = 3000", "[smtp]", "enabled = true",
                                         "host = smtp.gmail.com:587", f"user = {user}", f"password = {v}",
                                         "from_address = grafana@example.jp"]),
            ("config/app.toml", ["[server]", "port = 8080", "", "[smtp]", 'host = "smtp.example.jp"',
                                 "port = 587", f'username = "{user}"', f'password = "{v}"']),
        ]  # fmt: skip
        own, lines = rnd.choice(forms)
        return self.mark(lines, [(v, p)]), own

    def sasl(self) -> Block:
        rnd = self.rnd
        p = Plant("sasl-password", password(rnd), syntax="sasl")
        host = rnd.choice(
            ["[smtp.gmail.com]:587", "[smtp.example.jp]:587", "smtp.office365.com", "[mail.isp.ne.jp]"]
        )
        user = rnd.choice(["noreply@example.jp", "relay", "postmaster@example.jp"])
        return self.mark([f"{host} {user}:{p.value}"], [(p.value, p)])

    def api_key(self, kind: str, syntax: str) -> Block:
        rnd = self.rnd
        if kind == "sendgrid-api-key":
            v, words, calls = (
                sendgrid(rnd),
                ["sendgrid", "api", "key"],
                ["sg = SendGridAPIClient('{v}')", 'sgMail.setApiKey("{v}");'],
            )
        elif kind == "mailgun-api-key":
            v, new = mailgun(rnd)
            words, calls = ["mailgun", "api", "key"], ["requests.post(url, auth=('api', '{v}'), data=msg)"]
            if new:
                calls = ["mg = new Mailgun(formData).client({ username: 'api', key: '{v}' });  // mailgun"]
        elif kind == "postmark-token":
            v = str(uuid.UUID(bytes=rnd.randbytes(16), version=4))
            words = rnd.choice([["postmark", "server", "token"], ["postmark", "api", "token"]])
            calls = ["client = postmark.ServerClient('{v}')", "headers = {'X-Postmark-Server-Token': '{v}'}"]
        elif kind == "resend-api-key":
            v, words, calls = resend(rnd), ["resend", "api", "key"], ["const resend = new Resend('{v}');"]
        elif kind == "sparkpost-api-key":
            v, words = chars(rnd, HEX, 40), ["sparkpost", "api", "key"]
            calls = ["const client = new SparkPost('{v}');", "sp = SparkPost('{v}')"]
        elif kind == "brevo-api-key":
            v, words = brevo(rnd), rnd.choice([["brevo", "api", "key"], ["sendinblue", "api", "key"]])
            calls = ["configuration.api_key['api-key'] = '{v}'"]
        elif kind == "blastengine-api-key":
            v, words = chars(rnd, ALNUM, rnd.choice([40, 64])), ["blastengine", "api", "key"]
            calls = ["client = Blastengine::Client.new(user_id: 'shop', api_key: '{v}')  # blastengine"]
        else:
            v, words = (
                cloud_token(rnd),
                rnd.choice(
                    [
                        ["github", "token"],
                        ["slack", "bot", "token"],
                        ["api", "key"],
                        ["stripe", "secret", "key"],
                    ]
                ),
            )
            calls = ["client = Client(token='{v}')"]
        p = Plant(kind, v, syntax=syntax)
        if rnd.random() < 0.3:
            lines = [rnd.choice(calls).replace("{v}", v)]
        elif (
            kind in ("postmark-token", "sparkpost-api-key", "blastengine-api-key", "mailgun-api-key")
            and rnd.random() < 0.3
        ):
            # the provider named on a line of its own above the key
            head = kind.split("-")[0]
            lines = [f"{head}:" if syntax == "yaml" else f"# {head}", assign(rnd, syntax, ["api", "key"], v)]
        else:
            lines = [assign(rnd, syntax, words, v)]
        return self.mark(lines, [(v, p)])

    def private_key(self, dkim: bool, syntax: str) -> tuple[Block, str | None]:
        """A PEM private key: in a file of its own (name returned) or inline in a setting."""
        rnd = self.rnd
        trad, pk8 = rnd.choice(self.keys.rsa)
        if dkim:
            pem = rnd.choice([trad, pk8])
            p = Plant("dkim-private-key", pem.splitlines()[0], syntax=syntax)
            own = rnd.choice(
                ["opendkim/keys/example.jp/default.private", "dkim/mail.private", "etc/rspamd/dkim/s1.key"]
            )
            if rnd.random() < 0.4:
                return self.mark(pem.splitlines(), [(p.value, p)]), own
            if syntax == "python":
                lines = [f'DKIM_PRIVATE_KEY = """{pem.splitlines()[0]}', *pem.splitlines()[1:], '"""']
            else:
                lines = [
                    "dkim:",
                    "  selector: s1",
                    "  private_key: |",
                    *("    " + x for x in pem.splitlines()),
                ]
            return self.mark(lines, [(p.value, p)]), None
        pem = rnd.choice([pk8, self.keys.ec, self.keys.openssh, trad])
        p = Plant("private-key", pem.splitlines()[0], syntax=syntax)
        if rnd.random() < 0.5:
            own = rnd.choice(["certs/server.key", "deploy/id_ed25519", "tls/tls.key", "ssl/private/shop.pem"])
            return self.mark(pem.splitlines(), [(p.value, p)]), own
        if rnd.random() < 0.5:
            esc = pem.replace("\n", "\\n")
            lines = [
                '  "type": "service_account",',
                f'  "private_key": "{esc}",',
                '  "client_email": "svc@proj.iam.gserviceaccount.com",',
            ]
            return self.mark(lines, [(p.value, p)]), "config/service-account.json"
        return self.mark(
            [f'TLS_KEY = """{pem.splitlines()[0]}', *pem.splitlines()[1:], '"""'], [(p.value, p)]
        ), None

    # decoys --------------------------------------------------------------------------------

    def decoy(self, syntax: str) -> Block:
        rnd = self.rnd
        kinds: list[Callable[[], list[str]]] = [
            lambda: [
                assign(rnd, syntax, ["aws", "access", "key", "id"], "AKIAIOSFODNN7EXAMPLE"),
                assign(
                    rnd,
                    syntax,
                    ["aws", "secret", "access", "key"],
                    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                ),
            ],
            lambda: [
                assign(
                    rnd,
                    syntax,
                    ["smtp", "password"],
                    rnd.choice(
                        [
                            "${SMTP_PASSWORD}",
                            "your-smtp-password",
                            "xxxxxxxx",
                            "<password>",
                            "changeme",
                            "{{ smtp_password }}",
                            "%(SMTP_PASS)s",
                            "********",
                            "null",
                            "REDACTED",
                        ]
                    ),
                )
            ],
            lambda: [
                assign(
                    rnd,
                    syntax,
                    ["mail", "password"],
                    rnd.choice(
                        [
                            "os.environ['MAIL_PASSWORD']",
                            "process.env.MAIL_PASSWORD",
                            "ENV['MAIL_PASSWORD']",
                            "$MAIL_PASSWORD",
                            "getenv('MAIL_PASSWORD')",
                        ]
                    ),
                )
            ],
            lambda: [
                assign(
                    rnd,
                    syntax,
                    ["sendgrid", "api", "key"],
                    "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                )
            ],
            lambda: [assign(rnd, syntax, ["commit"], chars(rnd, HEX, 40))],
            lambda: [assign(rnd, syntax, ["checksum", "sha256"], chars(rnd, HEX, 64))],
            lambda: [
                assign(rnd, syntax, ["request", "id"], str(uuid.UUID(bytes=rnd.randbytes(16), version=4)))
            ],
            lambda: [assign(rnd, syntax, ["cache", "token"], base64.b64encode(rnd.randbytes(30)).decode())],
            lambda: [assign(rnd, syntax, ["nonce"], base64.b64encode(rnd.randbytes(33)).decode())],
            lambda: [
                assign(rnd, syntax, ["blob"], base64.b64encode(rnd.randbytes(rnd.randint(60, 300))).decode())
            ],
            lambda: [
                assign(rnd, syntax, ["stripe", "publishable", "key"], "pk_live_" + chars(rnd, ALNUM, 24)),
                assign(rnd, syntax, ["stripe", "test", "key"], "sk_test_" + chars(rnd, ALNUM, 24)),
            ],
            lambda: [assign(rnd, syntax, ["secret", "key", "base"], chars(rnd, HEX, 128))],
            lambda: [
                assign(
                    rnd,
                    syntax,
                    ["dkim", "public", "key"],
                    "v=DKIM1; k=rsa; p=" + base64.b64encode(rnd.randbytes(162)).decode(),
                )
            ],
            lambda: self.keys.public.splitlines(),
            lambda: [
                assign(
                    rnd,
                    syntax,
                    ["ssh", "authorized", "key"],
                    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + chars(rnd, ALNUM, 43),
                )
            ],
            lambda: [assign(rnd, syntax, ["image", "digest"], "sha256:" + chars(rnd, HEX, 64))],
            lambda: [assign(rnd, syntax, ["db", "password"], password(rnd))],
            lambda: [assign(rnd, syntax, ["mailgun", "public", "key"], "pubkey-" + chars(rnd, HEX, 32))],
            lambda: [assign(rnd, syntax, ["aws", "secret", "access", "key"], "${AWS_SECRET_ACCESS_KEY}")],
            lambda: [assign(rnd, syntax, ["session", "id"], chars(rnd, ALNUM, 40))],
        ]
        i = rnd.randrange(len(kinds))
        lines = kinds[i]()
        return Block(lines, decoys=list(range(len(lines))))


def _copy_tree(dest: Path) -> int:
    total = 0
    parts = [SITE / p for p in PACKAGES] + [STDLIB / p for p in STDLIB_PARTS]
    for src in parts:
        if not src.exists():
            continue
        target = dest / "src" / src.name
        if src.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)
            total += target.stat().st_size
            continue
        for f in src.rglob("*"):
            if (
                "__pycache__" in f.parts
                or not f.is_file()
                or f.is_symlink()
                or f.suffix not in TEXT_SUFFIXES | {".key", ".pem", ".crt", ".html", ".js", ".css"}
            ):
                continue
            t = target / f.relative_to(src)
            t.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, t)
            total += t.stat().st_size
    return total


def build(dest: Path, seed: int, per_kind: int = 60, decoys: int = 400) -> Tree:
    """Copy the real tree into ``dest`` and plant ``per_kind`` credentials of every kind and
    ``decoys`` decoys."""
    rnd = Random(seed)
    keys = Keys()
    original = _copy_tree(dest)
    pl = Planter(rnd, keys)
    #: (syntax or a file of its own, block)
    blocks: list[tuple[str, Block, str | None]] = []
    count = dict.fromkeys(KINDS, 0)

    def add(block: Block | None, syntax: str, own: str | None = None) -> None:
        if block is None:
            return
        blocks.append((syntax, block, own))
        for _, p in block.marks:
            count[p.kind] += 1

    # AWS first: SES passwords are made from the secret keys planted here
    while count["aws-secret-key"] < per_kind or count["aws-access-key-id"] < per_kind:
        add(pl.aws_key(pl.syntax()), "")
    while count["ses-smtp-password"] < per_kind:
        if rnd.random() < 0.25:
            add(pl.ses_sasl(), "sasl")
        else:
            add(pl.ses(pl.syntax()), "")
        if all(id(s) in pl.used_secrets for s in pl.secrets):
            add(pl.aws_key("dotenv"), "")
    for kind in KINDS:
        while count[kind] < per_kind:
            if kind == "smtp-url":
                add(pl.smtp_url(pl.syntax()), "")
            elif kind == "smtp-password" and rnd.random() < 0.25:
                block, own = pl.mail_client_file()
                add(block, "mailrc", own)
            elif kind == "smtp-password":
                add(pl.smtp_password(pl.syntax()), "")
            elif kind == "sasl-password":
                add(pl.sasl(), "sasl")
            elif kind in ("dkim-private-key", "private-key"):
                syn = pl.syntax(("python", "yaml"))
                block, own = pl.private_key(kind == "dkim-private-key", syn)
                add(block, syn, own)
            elif kind.endswith(("api-key", "token")):
                add(pl.api_key(kind, pl.syntax()), "")
            else:
                break
    for _ in range(decoys):
        blocks.append(("decoy", Block([]), None))
    # a syntax for every block that has none yet (its lines were made for that syntax)
    resolved: list[tuple[str, Block, str | None]] = []
    for syn, block, own in blocks:
        if syn == "decoy":  # written now, in a syntax of its own
            syn = pl.syntax()
            block = pl.decoy(syn)
        elif not syn:
            syn = next((p.syntax for _, p in block.marks if p.syntax), "") or pl.syntax()
        resolved.append((syn, block, own))
    rnd.shuffle(resolved)
    return _write(dest, rnd, resolved, original)


def _write(dest: Path, rnd: Random, blocks: list[tuple[str, Block, str | None]], original: int) -> Tree:
    plants: list[Plant] = []
    decoys: list[tuple[str, int, str]] = []
    written: dict[str, set[int]] = {}
    new_files: set[str] = set()
    #: new files: path -> lines; and blocks bound for copied Python sources
    files: dict[str, list[str]] = {}
    pending: dict[str, list[tuple[int, Block]]] = {}
    sources = sorted(p for p in (dest / "src").rglob("*.py") if p.stat().st_size > 2000)
    n_files = {syn: 0 for syn in SYNTAXES} | {"sasl": 0}

    def place(path: str, block: Block, lines: list[str]) -> None:
        for _ in range(rnd.randint(10, 16)):
            lines.append(rnd.choice(FILLER.get(syntax_of[path], [""])))
        at = len(lines)
        lines.extend(block.lines)
        for i, p in block.marks:
            p.path, p.line = path, at + i + 1
            plants.append(p)
        for i in block.decoys:
            decoys.append((path, at + i + 1, block.lines[i][:60]))
        written.setdefault(path, set()).update(at + i + 1 for i in range(len(block.lines)))

    syntax_of: dict[str, str] = {}
    for syn, block, own in blocks:
        if own is not None:
            # a file of its own: a key file, a service account
            path = f"svc{n_files['sasl']:03d}/{own}"
            n_files["sasl"] += 1
            syntax_of[path] = "none"
            lines = ["{"] if own.endswith(".json") else []
            at = len(lines)
            lines.extend(block.lines)
            if own.endswith(".json"):
                lines.append("}")
            for i, p in block.marks:
                p.path, p.line = path, at + i + 1
                plants.append(p)
            files[path] = lines
            written[path] = set(range(1, len(lines) + 1))
            continue
        if syn == "python" and sources and rnd.random() < 0.35:
            src = rnd.choice(sources)
            pending.setdefault(src.relative_to(dest).as_posix(), []).append((0, block))
            continue
        if syn == "sasl":
            path = f"etc{n_files['sasl'] % 8}/postfix/sasl_passwd"
            n_files["sasl"] += 1
        else:
            names = SYNTAXES[syn][0]
            k = n_files[syn]
            n_files[syn] += 1
            # a few blocks per file, in one of the syntax's file names
            path = f"app{(k // 4) % 40:02d}/{names[(k // 4) % len(names)]}"
        syntax_of.setdefault(path, syn)
        place(path, block, files.setdefault(path, []))
    for path, lines in files.items():
        target = dest / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        new_files.add(path)
    # blocks inside copied sources: at line boundaries chosen from the seed, far apart
    for rel, items in pending.items():
        target = dest / rel
        lines = target.read_text(encoding="utf-8", errors="surrogateescape").split("\n")
        free = range(0, len(lines), 30)
        spots = sorted(rnd.sample(free, min(len(items), len(free))))
        # blocks beyond the spots available go at the end
        out: list[str] = []
        marks: list[tuple[int, Block]] = []
        j = 0
        for n, line in enumerate(lines):
            if j < len(spots) and n == spots[j]:
                marks.append((len(out), items[j][1]))
                out.extend(items[j][1].lines)
                j += 1
            out.append(line)
        for _, block in items[j:]:
            out.append("")
            marks.append((len(out), block))
            out.extend(block.lines)
        for at, block in marks:
            for i, p in block.marks:
                p.path, p.line = rel, at + i + 1
                plants.append(p)
            written.setdefault(rel, set()).update(at + i + 1 for i in range(len(block.lines)))
        target.write_text("\n".join(out), encoding="utf-8", errors="surrogateescape")
    return Tree(dest, plants, decoys, written, new_files, original)
