"""deploy/: the systemd units pass `systemd-analyze verify` and the nginx example passes
`nginx -t` (with a test certificate in place of the real one) and then, run for real on
loopback in front of `mailwarden serve`, speaks TLS and passes the client's address on.
Each is skipped, with the reason, where its tool is missing."""

from __future__ import annotations

import os
import re
import shutil
import ssl
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.support.nsd import free_port
from tests.support.serve import serve
from tests.support.smtpsink import wait_until

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)


def test_the_units_are_there():
    assert [u.name for u in UNITS] == [
        "mailwarden-console.service",
        "mailwarden-gateway.service",
        "mailwarden-worker.service",
    ]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.name)
def test_unit_passes_systemd_analyze_verify(unit, tmp_path):
    # the unit as installed, but with this checkout's command and an environment file that
    # exists (verify checks that ExecStart is executable)
    env = tmp_path / "mailwarden.env"
    env.write_text("MAILWARDEN_SECRET_KEY=test\n")
    text = unit.read_text()
    assert "/opt/mailwarden/venv/bin/mailwarden" in text and "/etc/mailwarden/mailwarden.env" in text
    text = text.replace(
        "/opt/mailwarden/venv/bin/mailwarden", str(Path(sys.executable).parent / "mailwarden")
    )
    text = text.replace("/etc/mailwarden/mailwarden.env", str(env))
    (tmp_path / unit.name).write_text(text)
    done = subprocess.run(
        ["systemd-analyze", "verify", f"./{unit.name}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and done.stdout + done.stderr == "", done.stdout + done.stderr
    for hardening in ("NoNewPrivileges=yes", "ProtectSystem=strict", "CapabilityBoundingSet=\n"):
        assert hardening in text
    assert "SECRET" not in text and "PASSWORD" not in text  # secrets only in the environment file


def nginx_conf(tmp_path: Path, test_ca, https_port: int, http_port: int, console_port: int) -> Path:
    cert = test_ca.issue_cert("mailwarden.example.com", "127.0.0.1")
    cert.private_key_and_cert_chain_pem.write_to_path(str(tmp_path / "tls.pem"))
    site = (DEPLOY / "nginx" / "mailwarden.conf").read_text()
    live = "/etc/letsencrypt/live/mailwarden.example.com/"
    assert live + "fullchain.pem" in site and live + "privkey.pem" in site
    site = site.replace(live + "fullchain.pem", str(tmp_path / "tls.pem"))
    site = site.replace(live + "privkey.pem", str(tmp_path / "tls.pem"))
    # loopback ports of the test's own; nothing else changes
    site = re.sub(r"listen \[::\]:\d+[^;]*;\n", "", site)
    site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    site = site.replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{console_port};")
    (tmp_path / "site.conf").write_text(site)
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"daemon off;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events {}\n"
        f"http {{\n  access_log {tmp_path}/access.log;\n"
        + "".join(
            f"  {name}_temp_path {tmp_path}/{name};\n"
            for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + f"  include {tmp_path}/site.conf;\n}}\n"
    )
    return main


def nginx(*args: str, tmp_path: Path) -> list[str]:
    assert NGINX is not None
    return [NGINX, "-e", str(tmp_path / "error.log"), "-p", str(tmp_path), *args]


@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (make system-deps installs nginx-light)")
def test_nginx_example_passes_nginx_t(tmp_path, test_ca):
    conf = nginx_conf(tmp_path, test_ca, free_port(), free_port(), 8000)
    done = subprocess.run(
        nginx("-t", "-c", str(conf), tmp_path=tmp_path), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and "test is successful" in done.stderr, done.stderr


@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (make system-deps installs nginx-light)")
@pytest.mark.https
def test_nginx_example_in_front_of_the_console(tmp_path, test_ca, ca_file):
    https_port, http_port = free_port(), free_port()
    env = {
        **os.environ,
        "MAILWARDEN_DATA_DIR": str(tmp_path / "data"),
        "MAILWARDEN_DATABASE_URL": f"sqlite:///{tmp_path / 'mw.db'}",
        "MAILWARDEN_LANG": "en",
        "MAILWARDEN_CONSOLE_URL": "https://mailwarden.example.com",
        "MAILWARDEN_METRICS_TOKEN": "scrape-me",
    }
    with serve(env) as served:
        console_port = int(served.base.rsplit(":", 1)[1])
        conf = nginx_conf(tmp_path, test_ca, https_port, http_port, console_port)
        proc = subprocess.Popen(nginx("-c", str(conf), tmp_path=tmp_path), stderr=subprocess.PIPE)
        try:
            # to nginx's loopback address, naming the console's host as a browser would
            with httpx.Client(verify=ssl.create_default_context(cafile=str(ca_file)), timeout=10) as client:

                def up() -> bool:
                    try:
                        client.get(f"https://127.0.0.1:{https_port}/readyz", headers={"Host": "x"})
                        return True
                    except httpx.TransportError:
                        return False

                wait_until(up, 30)
                r = client.get(
                    f"https://127.0.0.1:{https_port}/login",
                    headers={"Host": "mailwarden.example.com", "X-Forwarded-For": "203.0.113.9"},
                )
                assert r.status_code == 200 and "Strict-Transport-Security" in r.headers
                # the session cookie is Secure: the console knows it is reached over HTTPS
                assert "secure" in r.headers.get("set-cookie", "").lower()
                plain = httpx.get(
                    f"http://127.0.0.1:{http_port}/login", headers={"Host": "mailwarden.example.com"}
                )
                assert plain.status_code == 301 and plain.headers["location"].startswith("https://")
                auth = {"Host": "mailwarden.example.com", "Authorization": "Bearer scrape-me"}
                metrics = client.get(f"https://127.0.0.1:{https_port}/metrics", headers=auth)
                assert metrics.status_code == 200 and 'route="/login",status="200"' in metrics.text
            # the console's access log names the client as nginx saw it (loopback), not the
            # address the client claimed
            wait_until(lambda: any('"GET /login HTTP/1.1" 200' in line for line in served.lines))
            assert "203.0.113.9" not in served.output
        finally:
            proc.terminate()
            proc.wait(30)
