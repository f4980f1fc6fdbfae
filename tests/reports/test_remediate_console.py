"""The console's remediation page on a real Dovecot: login, the link from a phishing cluster,
the dry run, the confirmation step, the move, the log and a restore; CSRF, roles, a cluster
that is not phishing, and the JSON twins."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.reports import service

from .test_remediate import AFTER, BEFORE, MASTER, counts, phishing_cluster, remediation_dovecot  # noqa: F401
from .test_web import _any_host, _login, console  # noqa: F401

pytestmark = pytest.mark.imap


@pytest.fixture
def settings(tmp_path, remediation_dovecot, ca_file):  # type: ignore[no-untyped-def]  # noqa: F811
    listed = tmp_path / "mailboxes.txt"
    listed.write_text("alice\nbob\ncarol\ndave\nno+such\n")
    return Settings(
        data_dir=tmp_path,
        secret_key="k" * 40,
        lang=None,
        remediate_imap=f"127.0.0.1:{remediation_dovecot.tls_port}",
        remediate_master_user=MASTER[0],
        remediate_master_password=MASTER[1],
        remediate_mailboxes=listed,
        ca_bundle=ca_file,
    )


def _csrf(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF field in the form"
    return m.group(1)


def _run_of(location: str) -> str:
    m = re.search(r"run=([0-9a-f]{32})", location)
    assert m, location
    return m.group(1)


def test_dry_run_confirm_apply_and_restore(console, store, remediation_dovecot):  # noqa: F811
    server, cid = remediation_dovecot, phishing_cluster(store)
    page_url = f"/reports/remediation/{cid}"
    with TestClient(console) as c:
        assert c.get(page_url, follow_redirects=False).status_code == 303  # login first
        _login(c, "boss")
        assert f'href="{page_url}"' in c.get(f"/reports/clusters/{cid}").text  # the link from the cluster
        page = c.get(page_url)
        assert page.status_code == 200 and 'id="rm-search"' in page.text
        csrf = _csrf(page.text)
        assert c.post(f"{page_url}/search", data={"csrf": "forged"}).status_code == 403
        # the dry run: found, nothing moved
        r = c.post(f"{page_url}/search", data={"csrf": csrf}, follow_redirects=False)
        assert r.status_code == 303 and "done=search" in r.headers["location"]
        dry = _run_of(r.headers["location"])
        shown = c.get(r.headers["location"]).text
        assert shown.count('class="rm-found"') == 3 and shown.count('class="rm-failed"') == 1
        assert 'id="rm-apply"' in shown and counts(server) == BEFORE
        # the first step of the move only asks
        ask = c.post(f"{page_url}/apply", data={"csrf": csrf, "run": dry})
        assert ask.status_code == 200 and 'id="rm-apply-confirm"' in ask.text and 'value="yes"' in ask.text
        assert counts(server) == BEFORE
        r = c.post(
            f"{page_url}/apply", data={"csrf": csrf, "run": dry, "confirm": "yes"}, follow_redirects=False
        )
        assert r.status_code == 303 and "done=apply" in r.headers["location"]
        moved = _run_of(r.headers["location"])
        assert counts(server) == AFTER
        log = c.get(f"/api/reports/remediation/{cid}").json()
        assert sorted(x["status"] for x in log if x["run"] == moved) == ["failed", "moved", "moved", "moved"]
        page = c.get(page_url).text
        assert page.count('class="rm-restore"') == 1  # only the run that moved something
        r = c.post(f"{page_url}/restore", data={"csrf": csrf, "run": moved}, follow_redirects=False)
        assert r.status_code == 303 and "done=restore" in r.headers["location"]
        assert counts(server) == BEFORE
        assert 'class="rm-restore"' not in c.get(page_url).text
        # the JSON twin: a dry run over named mailboxes, with the CSRF header
        token = c.get("/api/session").json()["csrf_token"]
        body = {"mailboxes": ["alice", "bob"]}
        assert c.post(f"/api/reports/remediation/{cid}", json=body).status_code == 403
        got = c.post(f"/api/reports/remediation/{cid}", json=body, headers={"X-CSRF-Token": token})
        assert got.status_code == 200 and (got.json()["found"], got.json()["applied"]) == (2, False)
        gone = c.post(
            f"/api/reports/remediation/{cid}/restore", json={"run": "0" * 32}, headers={"X-CSRF-Token": token}
        )
        assert gone.status_code == 404
        # reclassified: refused with the reason, on the page and in the API
        service.resolve_cluster(store, cid, "spam", "tester")
        assert 'id="rm-not-phishing"' in c.get(page_url).text
        assert f'href="{page_url}"' not in c.get(f"/reports/clusters/{cid}").text
        r = c.post(f"{page_url}/search", data={"csrf": csrf}, follow_redirects=False)
        assert "error=" in r.headers["location"] and "phishing" in c.get(r.headers["location"]).text
        no = c.post(
            f"/api/reports/remediation/{cid}",
            json={},
            headers={"X-CSRF-Token": token, "Accept-Language": "en"},
        )
        assert no.status_code == 409 and "not resolved as phishing" in no.json()["error"]["message"]
        ja = c.post(
            f"/api/reports/remediation/{cid}",
            json={},
            headers={"X-CSRF-Token": token, "Accept-Language": "ja"},
        )
        assert ja.status_code == 409 and "フィッシング" in ja.json()["error"]["message"]


def test_a_viewer_reads_but_does_not_act(console, store, remediation_dovecot):  # noqa: F811
    cid = phishing_cluster(store)
    with TestClient(console) as c:
        token = _login(c, "viewer")
        page = c.get(f"/reports/remediation/{cid}")
        assert page.status_code == 200 and 'id="rm-search"' not in page.text
        assert (
            c.post(f"/api/reports/remediation/{cid}", json={}, headers={"X-CSRF-Token": token}).status_code
            == 403
        )
        assert c.get("/reports/remediation/424242").status_code == 404
