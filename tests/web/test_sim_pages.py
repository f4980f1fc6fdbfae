"""The training, quiz and survey pages of a simulation (web/sim_pages.py), served by the
tracking app as the console mounts it: genuine ids only, nothing loaded from anywhere, forms
that only their own page can post, bodies bounded."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import lxml.html
import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from mailwarden.core.config import Settings
from mailwarden.simulate import ids, tells, training
from mailwarden.simulate.compose import links
from mailwarden.simulate.ids import link_id
from mailwarden.simulate.models import (
    SimAssignment,
    SimCampaign,
    SimProfile,
    SimRecipient,
    SimSurvey,
    SimTarget,
)
from mailwarden.simulate.tells import aware
from mailwarden.web import sim_pages
from mailwarden.web.app import create_app
from mailwarden.web.tracking import create_tracking_app

KEY = "a-test-secret-key-of-some-length-for-sim-pages"
BASE = "https://sim.example.net"
SENT = datetime(2026, 12, 4, 1, 2, 3, tzinfo=UTC)
EXPECTED_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)


@pytest.fixture
def sim(store, tmp_path):  # type: ignore[no-untyped-def]
    """A sent campaign of one recipient (with an open assignment), and a client of the
    tracking app; ``sim.make(...)`` adds another campaign."""

    class Sim:
        pass

    s = Sim()
    s.store = store  # type: ignore[attr-defined]
    settings = Settings(data_dir=tmp_path, secret_key=KEY, lang=None)
    s.client = TestClient(create_tracking_app(settings, store))  # type: ignore[attr-defined]

    def make(
        template: str = "delivery-absence", lang: str = "ja", survey: bool = False, name: str = "山田 太郎"
    ) -> tuple[int, str]:
        token = ids.new_token()
        with store.session(write=True) as ss:
            profile = SimProfile(name=f"p-{token}", relay="127.0.0.1:25", mail_from="notice@example-sim.jp")
            target = SimTarget(name="山田 太郎", address=f"{token.lower()}@example.jp")
            ss.add_all([profile, target])
            ss.flush()
            campaign = SimCampaign(
                name="c",
                template=template,
                lang=lang,
                profile_id=profile.id,
                base_url=BASE,
                company="例株式会社",
                survey=survey,
            )
            ss.add(campaign)
            ss.flush()
            r = SimRecipient(
                campaign_id=campaign.id,
                target_id=target.id,
                address=target.address,
                name=name,
                token=token,
                status="sent",
                sent_at=SENT,
            )
            ss.add_all([r, SimAssignment(target_id=target.id, reason="repeat")])
            ss.flush()
            return r.id, link_id(KEY, token)

    s.make = make  # type: ignore[attr-defined]
    yield s
    s.client.close()  # type: ignore[attr-defined]


def row(store, rid: int) -> SimRecipient:  # type: ignore[no-untyped-def]
    with store.session() as s:
        r = s.get(SimRecipient, rid)
        s.expunge(r)
        return r  # type: ignore[no-any-return]


def assignments_open(store) -> int:  # type: ignore[no-untyped-def]
    with store.session() as s:
        return len(s.scalars(select(SimAssignment).where(SimAssignment.completed_at.is_(None))).all())


def inert(page: str) -> lxml.html.HtmlElement:
    """The page parsed, after checking it loads nothing and runs nothing."""
    doc = lxml.html.document_fromstring(page)
    assert not doc.xpath(
        "//script | //iframe | //object | //embed | //img | //link | //base | //meta[@http-equiv]"
    )
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for attr, value in el.attrib.items():
            assert not attr.lower().startswith("on"), (el.tag, attr)
            if attr.lower() in ("href", "src", "action", "srcset", "background", "poster", "formaction"):
                assert "//" not in value and ":" not in value, (el.tag, attr, value)
    assert "<script" not in page.lower() and "url(" not in page.lower() and "@import" not in page.lower()
    return doc


def form_fields(doc: lxml.html.HtmlElement, form_id: str) -> dict[str, str]:
    form = doc.get_element_by_id(form_id)
    return {i.get("name"): i.get("value") for i in form.iter("input") if i.get("type") == "hidden"}


def check_headers(response) -> None:  # type: ignore[no-untyped-def]
    assert response.headers["content-security-policy"] == EXPECTED_CSP
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-robots-tag"] == "noindex"


def test_training_page_shows_this_mail_with_its_tells_marked(sim) -> None:  # type: ignore[no-untyped-def]
    rid, lid = sim.make("delivery-absence", "ja")
    r = sim.client.get(f"/x/{lid}")
    assert r.status_code == 200
    check_headers(r)
    doc = inert(r.text)
    assert doc.get("lang") == "ja"
    body = doc.get_element_by_id("mail-body")
    marks = [m.text_content() for m in body.iter("mark")]
    assert "2026/12/04 までに" in marks and "お荷物のお届け" in marks and "sim.example.net" in marks
    # the link is text, not an anchor
    assert links(BASE, KEY, lid.split(".")[0]).click in body.text_content() and not list(body.iter("a"))
    sender = doc.get_element_by_id("mail-from")
    assert [m.text_content() for m in sender.iter("mark")] == ["example-sim.jp"]
    assert "ヤマト配送センター" in sender.text_content()
    tells = doc.get_element_by_id("tells")
    codes = [li.get("data-code") for li in tells.iter("li")]
    assert codes[:2] == ["header.lookalike-domain", "text.delivery"] and "generic.deadline" in codes
    # the number after each mark is the tell's place in the list
    n = codes.index("generic.deadline") + 1
    assert str(n) in [m.get("data-n") for m in body.iter("mark")]
    assert aware(row(sim.store, rid).trained_at) is not None  # type: ignore[arg-type]


def test_english_page_and_the_language_switch(sim) -> None:  # type: ignore[no-untyped-def]
    _, lid = sim.make("m365-password-expiry", "en")
    r = sim.client.get(f"/x/{lid}")
    doc = inert(r.text)
    assert doc.get("lang") == "en" and doc.findtext(".//h1") == "This was a phishing exercise"
    subject = [m.text_content() for m in doc.get_element_by_id("mail-subject").iter("mark")]
    assert subject == ["Microsoft", "password expire"]
    assert doc.get_element_by_id("mail-subject").text_content() == "Your Microsoft 365 password expires soon"
    assert "Quiz" in r.text
    ja = sim.client.get(f"/x/{lid}?lang=ja")
    doc = inert(ja.text)
    assert doc.get("lang") == "ja"
    # the mail is as it was sent (English); the page around it and the quiz speak Japanese
    assert doc.get_element_by_id("mail-subject").text_content() == "Your Microsoft 365 password expires soon"
    assert "パスワードの有効期限が切れます" in doc.get_element_by_id("quiz").text_content()
    assert "送信者のドメインが既知のドメインを模倣しています" in ja.text


def test_qr_and_pdf_attachments_are_named_and_marked(sim) -> None:  # type: ignore[no-untyped-def]
    _, lid = sim.make("qr-code-mfa", "ja")
    doc = inert(sim.client.get(f"/x/{lid}").text)
    att = doc.get_element_by_id("mail-attachments")
    assert [m.text_content() for m in att.iter("mark")] == ["MFA設定_QRコード.png"]
    _, lid = sim.make("invoice-check", "en")
    doc = inert(sim.client.get(f"/x/{lid}").text)
    assert [m.text_content() for m in doc.get_element_by_id("mail-attachments").iter("mark")] == [
        "invoice.pdf"
    ]


def _bad_ids(lid: str) -> list[str]:
    token, _, mac = lid.partition(".")
    other = link_id("another key entirely", token)
    flipped = mac[:-1] + ("A" if mac[-1] != "A" else "B")
    return [
        lid[:-1],  # truncated
        f"{token}.{flipped}",  # altered
        other,  # forged with another key
        "nothing-like-an-id",
        link_id(KEY, ids.new_token()),  # genuine, but names nobody
    ]


def test_forged_truncated_or_unknown_ids_are_404_and_record_nothing(sim) -> None:  # type: ignore[no-untyped-def]
    rid, lid = sim.make(survey=True)
    for bad in _bad_ids(lid):
        for path in (f"/x/{bad}", f"/v/{bad}"):
            r = sim.client.get(path)
            assert r.status_code == 404, (path, r.status_code)
            assert "ページが見つかりません" in r.text and "Page not found" in r.text
            check_headers(r)
            inert(r.text)
            post = sim.client.post(
                path, data={"token": sim_pages.form_token(KEY, "quiz", bad), "fair": "yes"}
            )
            assert post.status_code == 404
    r = row(sim.store, rid)
    assert r.trained_at is None and r.quiz_score is None and r.completed_at is None
    with sim.store.session() as s:
        assert s.scalars(select(SimSurvey)).all() == []


def _answer(doc: lxml.html.HtmlElement, right: int) -> dict[str, str]:
    """The quiz form filled from the page: ``right`` right answers (the page does not say
    which are right: the quiz file does)."""
    data = form_fields(doc, "quiz")
    quiz = training.load_quiz()
    answers = {
        q["id"]: str(q["answer"]) for qs in [quiz["generic"], *quiz["categories"].values()] for q in qs
    }
    fieldsets = [f for f in doc.get_element_by_id("quiz").iter("fieldset")]
    for i, fs in enumerate(fieldsets):
        qid = fs.get("id").removeprefix("q-")
        choices = [inp.get("value") for inp in fs.iter("input")]
        wrong = next(c for c in choices if c != answers[qid])
        data[f"q.{qid}"] = answers[qid] if i < right else wrong
    return data


def test_quiz_retry_best_score_and_completion_closes_the_assignment(sim) -> None:  # type: ignore[no-untyped-def]
    rid, lid = sim.make("delivery-absence", "en")
    doc = inert(sim.client.get(f"/x/{lid}").text)
    assert len(list(doc.get_element_by_id("quiz").iter("fieldset"))) == 5
    assert assignments_open(sim.store) == 1

    failed = sim.client.post(f"/x/{lid}", data=_answer(doc, 3))
    assert failed.status_code == 200
    check_headers(failed)
    page = inert(failed.text)
    assert page.get_element_by_id("score").text_content() == "3 of 5 right (60%)."
    assert page.get_element_by_id("failed") is not None and page.get_element_by_id("quiz") is not None
    r = row(sim.store, rid)
    assert r.quiz_score == 60 and r.completed_at is None and assignments_open(sim.store) == 1

    passed = sim.client.post(f"/x/{lid}", data=_answer(page, 4))
    page = inert(passed.text)
    assert page.get_element_by_id("passed") is not None
    r = row(sim.store, rid)
    assert r.quiz_score == 80 and r.completed_at is not None and assignments_open(sim.store) == 0
    completed = r.completed_at

    page = inert(sim.client.get(f"/x/{lid}").text)  # the quiz is there to try again
    sim.client.post(f"/x/{lid}", data=_answer(page, 1))  # a worse retry lowers nothing
    sim.client.post(f"/x/{lid}", data=_answer(page, 5))
    r = row(sim.store, rid)
    assert r.quiz_score == 100 and r.completed_at == completed
    again = inert(sim.client.get(f"/x/{lid}").text)
    assert "100%" in again.get_element_by_id("completed").text_content()


def test_the_form_token_is_required(sim) -> None:  # type: ignore[no-untyped-def]
    rid, lid = sim.make("delivery-absence", "en", survey=True)
    _, other = sim.make("delivery-absence", "en", survey=True)
    doc = inert(sim.client.get(f"/x/{lid}").text)
    good = _answer(doc, 5)
    for token in (
        None,
        "",
        sim_pages.form_token(KEY, "quiz", other),
        sim_pages.form_token(KEY, "survey", lid),
    ):
        data = dict(good)
        if token is None:
            data.pop("token")
        else:
            data["token"] = token
        r = sim.client.post(f"/x/{lid}", data=data)
        assert r.status_code == 403
        check_headers(r)
    for token in (
        None,
        "",
        sim_pages.form_token(KEY, "survey", other),
        sim_pages.form_token(KEY, "quiz", lid),
    ):
        answers = {"fair": "yes"} if token is None else {"token": token, "fair": "yes"}
        assert sim.client.post(f"/v/{lid}", data=answers).status_code == 403
    r = row(sim.store, rid)
    assert r.quiz_score is None and r.completed_at is None
    with sim.store.session() as s:
        assert s.scalars(select(SimSurvey)).all() == []


def test_bodies_are_bounded_and_must_be_forms(sim) -> None:  # type: ignore[no-untyped-def]
    rid, lid = sim.make()
    doc = inert(sim.client.get(f"/x/{lid}").text)
    data = _answer(doc, 5)
    big = sim.client.post(f"/x/{lid}", data={**data, "pad": "x" * (sim_pages.MAX_BODY + 1)})
    assert big.status_code == 413
    as_json = sim.client.post(f"/x/{lid}", json=data)
    assert as_json.status_code == 415

    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(40):  # no Content-Length: cut off while read
            yield b"pad=" + b"x" * 1024 + b"&"

    streamed = sim.client.post(
        f"/x/{lid}", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert streamed.status_code == 413
    assert row(sim.store, rid).quiz_score is None


def test_survey_offered_after_passing_stored_once_known_fields_bounded_comment(sim) -> None:  # type: ignore[no-untyped-def]
    rid, lid = sim.make("payslip", "ja", survey=True)
    doc = inert(sim.client.get(f"/x/{lid}").text)
    passed = inert(sim.client.post(f"/x/{lid}", data=_answer(doc, 5)).text)
    form = passed.get_element_by_id("survey")
    assert form.get("action") == f"../v/{lid}?lang=ja"
    assert "今回の訓練は公正だと思いましたか？" in form.text_content()
    token = form_fields(passed, "survey")["token"]

    page = sim.client.get(f"/v/{lid}?lang=en")
    assert page.status_code == 200
    check_headers(page)
    assert "Was this exercise fair?" in inert(page.text).text_content()
    r = sim.client.post(
        f"/v/{lid}",
        data={
            "token": token,
            "fair": "partly",
            "knew_report": "perhaps",  # not one of its choices
            "helpful": "yes",
            "salary": "1000000",  # not a question
            "comment": "とても" * 600,
        },
    )
    assert r.status_code == 200 and inert(r.text).get_element_by_id("stored") is not None
    r = sim.client.post(f"/v/{lid}", data={"token": token, "fair": "no", "comment": "二回目"})
    assert r.status_code == 200
    with sim.store.session() as s:
        rows = s.scalars(select(SimSurvey).where(SimSurvey.recipient_id == rid)).all()
        assert [x.answers for x in rows] == [{"fair": "no", "comment": "二回目"}]
    # the first answer was cut to 1,000 characters and kept only known fields (checked before
    # it was replaced, on a second recipient)
    rid2, lid2 = sim.make("payslip", "ja", survey=True)
    token2 = sim_pages.form_token(KEY, "survey", lid2)
    sim.client.post(f"/v/{lid2}", data={"token": token2, "fair": "yes", "x": "y", "comment": "あ" * 1500})
    with sim.store.session() as s:
        got = s.scalar(select(SimSurvey.answers).where(SimSurvey.recipient_id == rid2))
        assert got == {"fair": "yes", "comment": "あ" * 1000}


def test_no_survey_unless_the_campaign_asks(sim) -> None:  # type: ignore[no-untyped-def]
    _, lid = sim.make("payslip", "en", survey=False)
    assert sim.client.get(f"/v/{lid}").status_code == 404
    token = sim_pages.form_token(KEY, "survey", lid)
    assert sim.client.post(f"/v/{lid}", data={"token": token, "fair": "yes"}).status_code == 404
    doc = inert(sim.client.get(f"/x/{lid}").text)
    passed = inert(sim.client.post(f"/x/{lid}", data=_answer(doc, 5)).text)
    with pytest.raises(KeyError):
        passed.get_element_by_id("survey")


def test_a_prefetch_or_head_does_not_count_as_shown(sim) -> None:  # type: ignore[no-untyped-def]
    rid, lid = sim.make()
    assert sim.client.head(f"/x/{lid}").status_code == 200
    assert sim.client.get(f"/x/{lid}", headers={"sec-purpose": "prefetch"}).status_code == 200
    assert row(sim.store, rid).trained_at is None
    sim.client.get(f"/x/{lid}")
    assert row(sim.store, rid).trained_at is not None


def test_the_page_is_made_off_the_event_loop(sim, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _, lid = sim.make()
    started, release = threading.Event(), threading.Event()
    real = tells.tells

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.set()
        assert release.wait(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(tells, "tells", slow)
    got: dict[str, int] = {}
    first = threading.Thread(target=lambda: got.setdefault("page", sim.client.get(f"/x/{lid}").status_code))
    first.start()
    try:
        assert started.wait(60), "the page never reached the analyser"
        other = threading.Thread(
            target=lambda: got.setdefault("other", sim.client.get("/x/bogus").status_code)
        )
        other.start()
        other.join(60)
        assert got.get("other") == 404
    finally:
        release.set()
        first.join(60)
    assert got["page"] == 200


def test_what_the_mail_carries_is_shown_as_text(sim) -> None:  # type: ignore[no-untyped-def]
    _, lid = sim.make(
        "delivery-absence", "en", name='<script>alert(1)</script><img src="https://x.example/p">'
    )
    r = sim.client.get(f"/x/{lid}")
    doc = inert(r.text)  # no script, no image: the name is text
    assert "<script>alert(1)</script>" in doc.get_element_by_id("mail-body").text_content()


def test_served_under_the_consoles_t_mount(store, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MAILWARDEN_TRUSTED_HOSTS", "*")
    token = ids.new_token()
    with store.session(write=True) as s:
        profile = SimProfile(name="p", relay="127.0.0.1:25", mail_from="notice@example-sim.jp")
        s.add(profile)
        s.flush()
        campaign = SimCampaign(name="c", template="payslip", lang="ja", profile_id=profile.id, base_url=BASE)
        s.add(campaign)
        s.flush()
        s.add(SimRecipient(campaign_id=campaign.id, address="taro@example.jp", token=token, sent_at=SENT))
    app = create_app(Settings(data_dir=tmp_path, secret_key=KEY, lang=None), store=store)
    with TestClient(app) as c:
        r = c.get(f"/t/x/{link_id(KEY, token)}")
        assert r.status_code == 200 and r.headers["content-security-policy"] == EXPECTED_CSP
        assert inert(r.text).get_element_by_id("quiz") is not None
        assert c.get(f"/t/x/{link_id(KEY, token)[:-2]}").status_code == 404
