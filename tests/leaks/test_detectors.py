"""The leak scanner's rules on single buffers: what each finds, what it leaves, and how the
pieces of one AWS credential are tied together."""

from __future__ import annotations

import base64
import secrets

import pytest

from mailwarden.leaks import aws
from mailwarden.leaks.find import find_in, link


def _secret_key() -> str:
    while True:
        key = base64.b64encode(secrets.token_bytes(30)).decode()
        if any(c.isupper() for c in key) and any(c.islower() for c in key):
            return key


def _codes(text: str | bytes, path: str = "config/app.env") -> list[str]:
    data = text.encode() if isinstance(text, str) else text
    return [s.code for s in link(find_in(data, path))]


SG = "SG." + "a1B2c3D4e5F6g7H8i9J0kL" + "." + "Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBaZyXwVuT"


@pytest.mark.parametrize(
    ("text", "path", "code"),
    [
        ("aws_access_key_id = AKIAY34FZKBOKMUTVV7A\n", "a.ini", "leaks.aws-access-key-id"),
        ("token: ASIAY34FZKBOKMUTVV7A\n", "a.yml", "leaks.aws-temporary-key-id"),
        ("MAILER_DSN=smtp://apikey:Xk29fjQm77zz@smtp.sendgrid.net:587\n", ".env", "leaks.smtp-url"),
        ('EMAIL_HOST_PASSWORD = "Tr0ub4dor&3x"\n', "settings.py", "leaks.smtp-password"),
        ("MAIL_PASSWORD=q8Zr!pw0rd2024\n", ".env", "leaks.smtp-password"),
        ("spring.mail.password=Kq83jd0Lmz\n", "application.properties", "leaks.smtp-password"),
        ("$mail->Password = 'pH9!mailer-2024';\n", "send.php", "leaks.smtp-password"),
        (
            "config.action_mailer.smtp_settings = {\n  address: 'smtp.example.jp',\n"
            "  user_name: 'info',\n  password: 'Rz82kdPq1x'\n}\n",
            "production.rb",
            "leaks.smtp-password",
        ),
        (
            "[smtp.example.jp]:587 info@example.jp:Sasl-Pass-2024\n",
            "etc/postfix/sasl_passwd",
            "leaks.sasl-password",
        ),
        (f'SENDGRID_API_KEY="{SG}"\n', ".env", "leaks.sendgrid-api-key"),
        ("MAILGUN_KEY=key-3ax6xnjp29jd6fds4gc373sgvjxteol0\n", ".env", "leaks.mailgun-api-key"),
        ("mailgun: 0123456789abcdef0123456789abcdef-0a1b2c3d-4e5f6a7b\n", "m.yml", "leaks.mailgun-api-key"),
        ("POSTMARK_SERVER_TOKEN=6f1d2c3b-4a59-4e8f-9d0c-1b2a3c4d5e6f\n", ".env", "leaks.postmark-token"),
        ("RESEND_API_KEY=re_Ab3dEf9h_Qw8ErTy7UiOp6AsDf5GhJk4\n", ".env", "leaks.resend-api-key"),
        ("SPARKPOST_API_KEY=9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6\n", ".env", "leaks.sparkpost-api-key"),
        ("BREVO=xkeysib-" + "ab12" * 16 + "-Zx9Yw8Vu7Ts6Rq5P\n", ".env", "leaks.brevo-api-key"),
        (
            "BLASTENGINE_API_KEY=Zq8Xw7Vu6Ts5Rq4Po3Nm2Lk1Ji0HgFeDcBaZyXwVuTsRq\n",
            ".env",
            "leaks.blastengine-api-key",
        ),
        ("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n", "keys/dkim/mail.private", "leaks.dkim-private-key"),
        ("-----BEGIN PRIVATE KEY-----\nMIIEow\n", "certs/server.key", "leaks.private-key"),
        ("GITHUB_TOKEN=ghp_" + "Qz81Xk" + "B7c8D9e0F1g2H3i4J5k6L7m8N9o0P1\n", ".env", "leaks.cloud-token"),
    ],
)
def test_each_rule_finds_its_credential(text: str, path: str, code: str) -> None:
    assert code in _codes(text, path)


@pytest.mark.parametrize(
    "text",
    [
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n",  # AWS's documentation key
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
        "MAIL_PASSWORD=${MAIL_PASSWORD}\n",
        "MAIL_PASSWORD=your-password-here\n",
        'EMAIL_HOST_PASSWORD = os.environ["EMAIL_HOST_PASSWORD"]\n',
        "SMTP_PASSWORD=xxxxxxxx\n",
        "smtp://user:<password>@smtp.example.com\n",
        "commit 3f786850e387550fdab836ed7e6dc881de23001b\n",  # a SHA-1 is not a secret key
        "integrity sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n",
        "id: 6f1d2c3b-4a59-4e8f-9d0c-1b2a3c4d5e6f\n",  # a UUID without Postmark around it
        "SPARKPOST: see docs\n" + "\n" * 10 + "hash = 9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6\n",
        "-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n",
        "MAIL_PASSWORD=s3cret-but-fine  # mailwarden:allow\n",
        "# pragma: allowlist nextline secret\nMAIL_PASSWORD=s3cret-but-fine\n",
    ],
)
def test_examples_placeholders_and_lookalikes_are_left(text: str) -> None:
    assert _codes(text) == []


def test_a_secret_key_needs_its_name_or_its_key_id_near_it() -> None:
    key = _secret_key()
    assert _codes(f"value = {key}\n") == []
    assert _codes(f"AWS_SECRET_ACCESS_KEY={key}\n") == ["leaks.aws-secret-key"]
    # the key id two lines above: one finding, the whole credential, the account decoded
    found = link(
        find_in(f"id: AKIAY34FZKBOKMUTVV7A\nregion: ap-northeast-1\nsecret: {key}\n".encode(), "c.yml")
    )
    assert [s.code for s in found] == ["leaks.aws-credential-pair"]
    assert found[0].params["account"] == "609629065308" and found[0].line == 3


def test_an_ses_smtp_password_is_linked_to_the_secret_key_it_was_made_from_in_another_file() -> None:
    key = _secret_key()
    password = aws.smtp_password(key, "ap-northeast-1")
    found = link(
        find_in(f"AWS_SECRET_ACCESS_KEY={key}\n".encode(), "deploy/aws.env")
        + find_in(f"smtp_password: {password}\n".encode(), "config/mail.yml")
    )
    linked = [s for s in found if s.code == "leaks.ses-smtp-password-linked"]
    assert len(linked) == 1
    assert linked[0].params["region"] == "ap-northeast-1"
    assert (linked[0].params["secret_path"], linked[0].params["secret_line"]) == ("deploy/aws.env", "1")
    # the password is reported once, as the SES password (not also as a generic SMTP password)
    assert [s.code for s in found if s.path == "config/mail.yml"] == ["leaks.ses-smtp-password-linked"]


def test_an_ses_password_alone_is_known_by_shape_and_context() -> None:
    password = aws.smtp_password(_secret_key(), "eu-west-1")
    assert _codes(f"SES_SMTP_PASSWORD={password}\n") == ["leaks.ses-smtp-password"]
    assert _codes(f"value {password}\n", "data.txt") == ["leaks.ses-smtp-password-shape"]
    # 44 base64 characters that do not decode to version 4: not an SES password
    other = base64.b64encode(b"\x05" + secrets.token_bytes(32)).decode()
    assert _codes(f"smtp {other}\n", "x.txt") == []


def test_the_secret_is_never_in_what_is_shown() -> None:
    key = _secret_key()
    (s,) = link(find_in(f"AWS_SECRET_ACCESS_KEY={key}\n".encode(), "a.env"))
    assert key not in s.masked and key not in s.evidence and key not in repr(s)
    assert s.evidence.startswith("AWS_SECRET_ACCESS_KEY=")


def test_a_fingerprint_survives_moving_the_secret_within_its_file() -> None:
    a = find_in(b"MAIL_PASSWORD=q8Zr!pw0rd2024\n", "x.env")[0]
    b = find_in(b"# a comment\n\nMAIL_PASSWORD=q8Zr!pw0rd2024\n", "x.env")[0]
    c = find_in(b"MAIL_PASSWORD=q8Zr!pw0rd2025\n", "x.env")[0]
    assert a.fingerprint == b.fingerprint != c.fingerprint
    assert (a.line, b.line) == (1, 3)


def test_shift_jis_broken_utf8_and_a_minified_line() -> None:
    sjis = "# メール設定\nMAIL_PASSWORD=q8Zr!pw0rd2024\n".encode("shift_jis")
    assert _codes(sjis) == ["leaks.smtp-password"]
    broken = b"\xff\xfe\xc3(\nMAIL_PASSWORD=q8Zr!pw0rd2024\n"
    assert _codes(broken) == ["leaks.smtp-password"]
    minified = b"var a=" + b"x" * 3_000_000 + b';var k="' + SG.encode() + b'";' + b"y" * 3_000_000
    found = find_in(minified, "dist/app.min.js")
    assert [s.code for s in found] == ["leaks.sendgrid-api-key"]
    assert len(found[0].evidence) <= 240


# --- found by the quality benchmark (benchmarks/leaks_quality.py, tuning seed) ------------------


@pytest.mark.parametrize(
    ("text", "path"),
    [
        # nodemailer: auth {user, pass}
        (
            "const t = nodemailer.createTransport({\n  host: 'smtp.example.jp',\n  auth: {\n"
            "    user: 'noreply@example.jp',\n    pass: 'Xk29fjQm77zzQ',\n  },\n});\n",
            "config/mailer.js",
        ),
        # Spring's application.yml: a bare value in a configuration file
        ("spring:\n  mail:\n    host: smtp.example.jp\n    password: Xk29fjQm77zzQ\n", "application.yml"),
        # appsettings.json: a quoted "Password" under "Smtp"
        (
            '  "Smtp": {\n    "Host": "smtp.example.jp",\n    "Password": "Xk29fjQm77zzQ"\n  },\n',
            "appsettings.json",
        ),
        # smtplib, JavaMail and Go's net/smtp
        (
            "with smtplib.SMTP('smtp.example.jp', 587) as s:\n"
            "    s.login('noreply@example.jp', 'Xk29fjQm77zzQ')\n",
            "send.py",
        ),
        (
            "Session.getInstance(props, new javax.mail.Authenticator() {\n"
            "  return new PasswordAuthentication(\n"
            '      "noreply@example.jp", "Xk29fjQm77zzQ");\n',
            "Mail.java",
        ),
        ('auth := smtp.PlainAuth("", "noreply@example.jp", "Xk29fjQm77zzQ", "smtp.example.jp")\n', "main.go"),
        # a quoted name, then the value after a comma or value=
        ("define( 'WPMS_SMTP_PASS', 'Xk29fjQm77zzQ' );\n", "wp-config.php"),
        ('os.environ.setdefault("EMAIL_HOST_PASSWORD", "Xk29fjQm77zzQ")\n', "config.py"),
        ('props.put("mail.smtp.password", "Xk29fjQm77zzQ");\n', "MailConfig.java"),
        ('<property name="mail.smtp.password" value="Xk29fjQm77zzQ"/>\n', "applicationContext.xml"),
    ],
)
def test_smtp_passwords_in_code_and_json(text: str, path: str) -> None:
    assert _codes(text, path) == ["leaks.smtp-password"]


def test_an_smtp_url_whose_user_is_an_address_written_as_it_is() -> None:
    assert _codes("MAILER_DSN=smtp://noreply@example.jp:Xk29fjQm77zzQ@smtp.example.jp:587\n") == [
        "leaks.smtp-url"
    ]


def test_a_secret_key_named_with_dots() -> None:
    key = _secret_key()
    assert _codes(f"aws.secret.access.key = {key}\n", "application.properties") == ["leaks.aws-secret-key"]
    assert _codes(f'<property name="aws.secret.key" value="{key}"/>\n', "ctx.xml") == ["leaks.aws-secret-key"]


def test_a_key_ending_in_na_is_not_a_placeholder() -> None:
    # "n/a" was matched anywhere at the end of a value: a SendGrid key ending in "na" was left
    key = "SG." + "JV7ou0GQcyiM6So5V11yvH" + "." + "SwIrhjAnf-3DOpZHvCawZ-nlgCTppR0fNZ6wYNyGhna"
    assert _codes(f'sgMail.setApiKey("{key}");\n', "mail.js") == ["leaks.sendgrid-api-key"]
    assert _codes("MAIL_PASSWORD=n/a\n") == []


@pytest.mark.parametrize(
    ("text", "path"),
    [
        # type annotations and names in code near SMTP words (aiosmtpd's own sources)
        ("import smtplib\ndef auth(self, login: bytes, password: bytes) -> bool:\n", "smtp.py"),
        ("# smtp_settings\n    password: _TriStateType = None\n", "smtp.py"),
        ("# smtp.\n_, login, password = login_and_password.split(b'\\x00')\n", "smtp.py"),
        ('fields = ("smtp_password", "smtp_user")\n', "forms.py"),
        # a test fixture's password, and ftp (not mail)
        ('smtp = SMTP("localhost")\nsmtp.login("goodlogin", "goodpasswd")\n', "test_smtp.py"),
        ('ftp.login("user", "Xk29fjQm77zzQ")\n', "ftp.py"),
    ],
)
def test_names_types_and_fixtures_near_smtp_words_are_left(text: str, path: str) -> None:
    assert _codes(text, path) == []


@pytest.mark.parametrize(
    ("text", "path"),
    [
        (
            "mailhub=smtp.gmail.com:587\nAuthUser=noreply@example.jp\nAuthPass=Xk29fjQm77zzQ\n",
            "etc/ssmtp/ssmtp.conf",
        ),
        (
            "account default\nhost smtp.gmail.com\nauth on\nuser noreply\npassword Xk29fjQm77zzQ\n",
            "home/me/.msmtprc",
        ),
        ("machine smtp.gmail.com login noreply@example.jp password Xk29fjQm77zzQ\n", "home/me/.netrc"),
        ("machine smtp.gmail.com\n  login noreply@example.jp\n  password Xk29fjQm77zzQ\n", "home/me/.netrc"),
        (
            '[smtp]\nhost = "smtp.example.jp"\nusername = "noreply"\npassword = "Xk29fjQm77zzQ"\n',
            "config.toml",
        ),
        ("smtp: {host: smtp.example.jp, user: noreply, password: Xk29fjQm77zzQ}\n", "values.yaml"),
        ("gitlab_rails['smtp_password'] = \"Xk29fjQm77zzQ\"\n", "gitlab.rb"),
        ("app.config['MAIL_PASSWORD'] = 'Xk29fjQm77zzQ'\n", "app.py"),
    ],
)
def test_smtp_passwords_in_mail_clients_files_and_subscripts(text: str, path: str) -> None:
    assert _codes(text, path) == ["leaks.smtp-password"]


def test_a_netrc_password_of_another_host_is_left() -> None:
    # the host named before the password says whether it is a mail server's, not a line near it
    text = (
        "machine github.com login deploy password x-oauth-basic\n"
        "machine smtp.gmail.com login a password Xk29fjQm77\n"
    )
    found = link(find_in(text.encode(), ".netrc"))
    assert [(s.code, s.line) for s in found] == [("leaks.smtp-password", 2)]
    assert _codes("machine api.heroku.com login me password Xk29fjQm77zzQ\n", ".netrc") == []
    assert _codes("x = settings['smtp_password']\n", "app.py") == []


def test_a_path_of_words_near_aws_secret_names_is_no_secret_key() -> None:
    # cfn-lint's managed policies: an ARN's last 40 characters next to "AWSSecretsManager…"
    text = (
        '"AWSSecretsManagerClientReadOnlyAccess":\n'
        '  "arn:aws:iam::aws:policy/AWSSecretsManagerClientReadOnlyAccess",\n'
        '"AWSSecurityHubOrganizationsAccess": "arn:aws:iam::aws:policy/AWSSecurityHubOrganizationsAccess",\n'
    )
    assert _codes(text, "ManagedPolicies.json") == []


def test_a_password_read_from_a_variable_by_index_or_call_is_left() -> None:
    assert _codes("smtp.user, smtp.password = sim_auth[0], sim_auth[1]\n", "test_smtplib.py") == []
    assert _codes("SMTP_PASSWORD = get_password()\n", "config.py") == []
