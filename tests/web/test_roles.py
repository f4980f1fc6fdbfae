"""The role matrix (docs/roles.md), enforced on the server: every writing route, every role."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.core.users import create_user
from mailwarden.web.app import create_app
from mailwarden.web.security import PERMISSIONS

from .test_sessions import login

PASSWORD = "a long test password"
REPORT = b"""<?xml version="1.0"?><feedback><report_metadata><org_name>r.example</org_name>
<email>a@r.example</email><report_id>1</report_id><date_range><begin>1700000000</begin>
<end>1700086399</end></date_range></report_metadata><policy_published><domain>example.jp</domain>
<p>none</p></policy_published></feedback>"""

# (permission, method, path, how to send the body): the API twin of each writing page
ROUTES = [
    ("survey", "post", "/api/surveys", {"json": {"name": "s", "domains": ["example.jp"]}}),
    ("ingest", "post", "/api/dmarc/reports", {"files": {"files": ("r.xml", REPORT, "text/xml")}}),
    ("decide", "post", "/api/gateway/queue/0123456789abcdef/cancel", {}),
    ("decide", "post", "/api/gateway/queue/0123456789abcdef/release", {}),
    ("decide", "post", "/api/reports/clusters/1/resolve", {"json": {"classification": "spam"}}),
    ("decide", "post", "/api/reports/clusters/1/take", {}),
    ("decide", "post", "/api/reports/clusters/1/notes", {"json": {"text": "a note"}}),
    ("decide", "post", "/api/reports/remediation/1", {"json": {"apply": False}}),
    ("decide", "post", "/api/reports/remediation/1/restore", {"json": {}}),
    (
        "decide",
        "post",
        "/api/reports/upload",
        {
            "files": {"file": ("m.eml", b"Subject: x\r\n\r\nhi", "message/rfc822")},
            "data": {"kind": "message"},
        },
    ),
    (
        "analyse",
        "post",
        "/api/messages/analyze",
        {"files": {"file": ("m.eml", b"Subject: x\r\n\r\nhi", "message/rfc822")}},
    ),
    (
        "analyse",
        "post",
        "/api/dlp/check",
        {"files": {"file": ("m.eml", b"Subject: x\r\n\r\nhi", "message/rfc822")}},
    ),
]


@pytest.fixture
def app(store, tmp_path):
    for role in ("admin", "approver", "viewer"):
        create_user(store, role, PASSWORD, role)
    (tmp_path / "mailboxes.txt").write_text("staff@example.jp\n", encoding="utf-8")
    settings = Settings(
        data_dir=tmp_path,
        secret_key="k" * 40,
        lang=None,
        gateway_spool=tmp_path / "spool",
        # remediation set up (no server is reached: cluster 1 does not exist)
        remediate_imap="127.0.0.1:9",
        remediate_imap_security="none",
        remediate_master_user="master",
        remediate_master_password="master-password",
        remediate_mailboxes=tmp_path / "mailboxes.txt",
    )
    return create_app(settings, store=store)


@pytest.mark.parametrize("role", ["admin", "approver", "viewer"])
@pytest.mark.parametrize(("permission", "method", "path", "body"), ROUTES, ids=[r[2] for r in ROUTES])
def test_each_writing_route_for_each_role(app, role, permission, method, path, body):
    with TestClient(app) as c:
        assert login(c, role) == 303
        csrf = c.get("/api/session").json()["csrf_token"]
        r = getattr(c, method)(path, headers={"x-csrf-token": csrf}, **body)
        if role in PERMISSIONS[permission]:
            assert r.status_code != 403, (role, path, r.text)
            assert r.status_code < 500, (role, path, r.text)
        else:
            assert r.status_code == 403, (role, path, r.status_code, r.text)


def test_the_matrix_is_written_down():
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "roles.md").read_text(encoding="utf-8")
    for permission, roles in PERMISSIONS.items():
        row = next(line for line in doc.splitlines() if line.startswith(f"| `{permission}` |"))
        for role in ("admin", "approver", "viewer"):
            assert (f"{role}" in row.split("|")[3]) == (role in roles), (permission, role, row)
