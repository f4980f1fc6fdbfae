"""Training at the moment of failure: tells marked in *this* message, the quiz, completion
and assignments, the survey (simulate/training.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from mailwarden.analyze.rules import load_rules
from mailwarden.core.errors import ConfigError
from mailwarden.simulate import ids, tells, training
from mailwarden.simulate.compose import links
from mailwarden.simulate.models import (
    SimAssignment,
    SimCampaign,
    SimProfile,
    SimRecipient,
    SimSurvey,
    SimTarget,
)
from mailwarden.simulate.tells import aware
from mailwarden.simulate.templates import load_templates

KEY = "a-test-secret-key-of-some-length"
BASE = "https://sim.example.net"
SENT = datetime(2026, 12, 4, 1, 2, 3, tzinfo=UTC)
FROM = "notice@example-sim.jp"


def marked(template: str, lang: str, reader: str | None = None) -> tuple[tells.MarkedMessage, SimRecipient]:
    campaign = SimCampaign(id=7, name="c", template=template, lang=lang, company="例株式会社")
    profile = SimProfile(mail_from=FROM)
    recipient = SimRecipient(
        address="taro@example.jp",
        name="山田 太郎",
        department="営業部",
        manager="佐藤 花子",
        token=ids.new_token(),
        sent_at=SENT,
    )
    m = tells.tells(
        campaign,
        profile,
        recipient,
        load_templates()[template],
        key=KEY,
        base_url=BASE,
        rules=load_rules(),
        lang=reader or lang,
    )
    return m, recipient


def spans(m: tells.MarkedMessage, code: str) -> list[tuple[str, str]]:
    """(field, marked text) of the tell ``code``."""
    tell = next(t for t in m.tells if t.code == code)
    return [(s.field, m.shown.text(s.field)[s.start : s.end]) for s in tell.spans]


def test_m365_lure_brand_in_name_and_subject_credential_phrase_and_lookalike_sender() -> None:
    m, _ = marked("m365-password-expiry", "ja")
    assert m.shown.from_name == "Microsoft 365 管理センター" and m.shown.from_address == FROM
    assert spans(m, "brand.in-display-name") == [("from_name", "Microsoft"), ("from_address", FROM)]
    assert ("subject", "Microsoft") in spans(m, "brand.in-subject")
    assert spans(m, "text.credential-request") == [("subject", "パスワードの有効期限")]
    # the recipient's own domain is the organisation's: the sender's is named a look-alike
    assert spans(m, "header.lookalike-domain") == [("from_address", "example-sim.jp")]
    assert not any(t.generic for t in m.tells if t.code.startswith(("brand.", "header.", "text.")))


def test_delivery_lure_phrase_link_host_and_deadline() -> None:
    m, r = marked("delivery-absence", "ja")
    assert ("body", "お荷物のお届け") in spans(m, "text.delivery")
    # generic: the analyser has nothing to say about a link to a plain host
    assert spans(m, "generic.link-host") == [("body", "sim.example.net")]
    link = next(t for t in m.tells if t.code == "generic.link-host")
    assert link.generic and "sim.example.net" in link.explanation and "example.jp" in link.explanation
    assert spans(m, "generic.deadline") == [("body", "2026/12/04 までに")]
    assert links(BASE, KEY, r.token).click in m.shown.body


def test_english_delivery_lure_marks_the_english_deadline() -> None:
    m, _ = marked("delivery-absence", "en")
    assert spans(m, "generic.deadline") == [("body", "before Dec 4, 2026")]
    titles = {t.code: t.title for t in m.tells}
    assert titles["header.lookalike-domain"] == "The sender domain imitates a known domain"
    assert titles["generic.deadline"] == "A deadline to hurry you"


def test_qr_lure_marks_the_attachment_and_invoice_lure_its_pdf() -> None:
    m, _ = marked("qr-code-mfa", "ja")
    assert ("attachment:0", "MFA設定_QRコード.png") in spans(m, "url.qr-code")
    inv, _ = marked("invoice-check", "en")
    assert spans(inv, "generic.attachment") == [("attachment:0", "invoice.pdf")]
    assert inv.shown.attachments == (("invoice.pdf", "application/pdf"),)


def test_shared_file_brand_is_found_under_its_alias() -> None:
    m, _ = marked("shared-file", "en")
    assert ("from_name", "OneDrive") in spans(m, "brand.in-display-name")


def test_year_end_lure_deadline_in_subject_and_body() -> None:
    m, _ = marked("year-end-tax", "ja")
    got = spans(m, "generic.deadline")
    assert ("subject", "期限 2026/12/04") in got and ("body", "2026/12/04 までに") in got


def test_the_reader_language_is_the_tells_language() -> None:
    ja, _ = marked("delivery-absence", "en", reader="ja")
    titles = {t.code: t.title for t in ja.tells}
    assert titles["header.lookalike-domain"] == "送信者のドメインが既知のドメインを模倣しています"
    # the mail itself stays as it was sent: English
    assert ja.shown.subject.startswith("Delivery attempt failed")


def test_segments_cut_at_marks_and_number_them() -> None:
    m, _ = marked("delivery-absence", "ja")
    segs = m.segments("body")
    assert "".join(s.text for s in segs) == m.shown.body
    n = [t.code for t in m.tells].index("generic.deadline") + 1
    hit = [s for s in segs if n in s.tells]
    assert "".join(s.text for s in hit) == "2026/12/04 までに" and n in hit[-1].ends


def test_a_sender_inside_the_organisation_gets_the_display_name_tell() -> None:
    campaign = SimCampaign(id=1, name="c", template="hr-evaluation", lang="en", company="X")
    recipient = SimRecipient(address="taro@example.jp", name="Taro", token=ids.new_token(), sent_at=SENT)
    m = tells.tells(
        campaign,
        SimProfile(mail_from="hr@example.jp"),
        recipient,
        load_templates()["hr-evaluation"],
        key=KEY,
        base_url="https://training.example.jp",
        rules=load_rules(),
        lang="en",
    )
    codes = [t.code for t in m.tells]
    assert "generic.sender-name" in codes and "generic.sender-outside" not in codes
    # the link is on the organisation's own domain: no "goes elsewhere" tell
    assert "generic.link-host" not in codes


def test_find_is_width_and_case_insensitive() -> None:
    assert tells.find("ＭＩＣＲＯＳＯＦＴ 365", "microsoft") == (0, 9)
    assert tells.find("please\n\n  pay now", "please pay") == (0, 13)
    assert tells.find("abc", "x") is None


# -- quiz -------------------------------------------------------------------------------------


def test_every_category_has_three_to_five_questions_in_both_languages() -> None:
    categories = {t.category for t in load_templates().values()}
    for cat in categories:
        for lang in ("ja", "en"):
            quiz = training.quiz_for(cat, lang, "seed")
            assert 3 <= len(quiz.questions) <= 5
            assert all(q.text and len(q.choices) >= 2 and q.why for q in quiz.questions)
    ja = training.quiz_for("credentials", "ja", "s")
    en = training.quiz_for("credentials", "en", "s")
    assert [q.id for q in ja.questions] == [q.id for q in en.questions]
    assert ja.questions[0].text != en.questions[0].text


def test_choice_order_follows_the_seed_and_not_the_answer() -> None:
    orders = {
        tuple(c for c, _ in training.quiz_for("hr", "en", str(i)).questions[0].choices) for i in range(20)
    }
    assert len(orders) > 1
    a = training.quiz_for("hr", "en", "same").questions[0].choices
    assert a == training.quiz_for("hr", "en", "same").questions[0].choices


def _answers(quiz: training.Quiz, right: int) -> dict[str, str]:
    form = {}
    for i, q in enumerate(quiz.questions):
        wrong = next(c for c, _ in q.choices if c != q.answer)
        form[f"q.{q.id}"] = q.answer if i < right else wrong
    return form


def test_scoring_and_pass_mark() -> None:
    quiz = training.quiz_for("delivery", "ja", "x")
    assert len(quiz.questions) == 5 and quiz.pass_mark == 4
    assert training.score(quiz, _answers(quiz, 5)) == training.QuizResult(
        100, 5, 5, True, {q.id: q.answer for q in quiz.questions}
    )
    four = training.score(quiz, _answers(quiz, 4))
    assert (four.score, four.passed) == (80, True)
    three = training.score(quiz, _answers(quiz, 3))
    assert (three.score, three.passed) == (60, False)
    nothing = training.score(quiz, {"q.unknown": "a", "other": "x"})
    assert (nothing.score, nothing.right, nothing.passed) == (0, 0, False)


def test_a_broken_quiz_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError):
        training._check_question(
            {"id": "x", "answer": "z", "ja": {"question": "q", "choices": {"a": "1", "b": "2"}}}, "t"
        )


# -- survey -----------------------------------------------------------------------------------


def test_survey_keeps_known_questions_and_allowed_values_and_bounds_the_comment() -> None:
    got = training.clean_survey(
        {
            "fair": "yes",
            "knew_report": "maybe",
            "helpful": "no",
            "evil": "x",
            "comment": "a\x00b" + "c" * 2000,
        }
    )
    assert got == {"fair": "yes", "helpful": "no", "comment": "ab" + "c" * 998}
    assert len(got["comment"]) == 1000
    ja = training.survey_questions("ja")
    assert [q.id for q in ja] == ["fair", "knew_report", "helpful", "comment"]
    assert ja[0].text == "今回の訓練は公正だと思いましたか？"


# -- the store (SQLite and PostgreSQL) --------------------------------------------------------


def _setup(store, survey: bool = False) -> tuple[int, int, str]:  # type: ignore[no-untyped-def]
    token = ids.new_token()
    with store.session(write=True) as s:
        profile = SimProfile(name="p", relay="127.0.0.1:25", mail_from=FROM)
        target = SimTarget(name="山田 太郎", address="taro@example.jp")
        s.add_all([profile, target])
        s.flush()
        campaign = SimCampaign(name="c", template="delivery-absence", profile_id=profile.id, survey=survey)
        s.add(campaign)
        s.flush()
        r = SimRecipient(
            campaign_id=campaign.id, target_id=target.id, address=target.address, token=token, sent_at=SENT
        )
        s.add(r)
        s.add(SimAssignment(target_id=target.id, campaign_id=campaign.id))
        s.flush()
        return r.id, target.id, token


def _recipient(store, rid: int) -> SimRecipient:  # type: ignore[no-untyped-def]
    with store.session() as s:
        r = s.get(SimRecipient, rid)
        assert r is not None
        s.expunge(r)
        return r


def _result(score: int, passed: bool) -> training.QuizResult:
    return training.QuizResult(score, score // 20, 5, passed)


def test_shown_once_best_score_kept_and_completion_closes_the_assignment(store) -> None:  # type: ignore[no-untyped-def]
    rid, target, token = _setup(store)
    found = training.find_recipient(store, token)
    assert (
        found is not None
        and found.profile.mail_from == FROM
        and found.campaign.template == "delivery-absence"
    )
    assert training.find_recipient(store, ids.new_token()) is None
    first = datetime(2026, 12, 5, tzinfo=UTC)
    training.record_shown(store, rid, now=first)
    training.record_shown(store, rid, now=datetime(2026, 12, 6, tzinfo=UTC))
    assert aware(_recipient(store, rid).trained_at) == first  # type: ignore[arg-type]

    assert training.record_quiz(store, rid, _result(60, False)) is False
    r = _recipient(store, rid)
    assert r.quiz_score == 60 and r.completed_at is None
    with store.session() as s:
        assert s.scalar(select(SimAssignment.completed_at).where(SimAssignment.target_id == target)) is None

    done = datetime(2026, 12, 7, tzinfo=UTC)
    assert training.record_quiz(store, rid, _result(80, True), now=done) is True
    assert training.record_quiz(store, rid, _result(40, False)) is False  # a worse retry
    assert (
        training.record_quiz(store, rid, _result(100, True), now=datetime(2026, 12, 8, tzinfo=UTC)) is False
    )
    r = _recipient(store, rid)
    assert r.quiz_score == 100 and aware(r.completed_at) == done  # type: ignore[arg-type]
    with store.session() as s:
        closed = s.scalar(select(SimAssignment.completed_at).where(SimAssignment.target_id == target))
        assert closed is not None and aware(closed) == done


def test_survey_stored_once_per_recipient_and_replaced(store) -> None:  # type: ignore[no-untyped-def]
    rid, _, _ = _setup(store, survey=True)
    assert training.save_survey(store, rid, {}) is False
    assert training.save_survey(store, rid, {"fair": "yes"}) is True
    assert training.save_survey(store, rid, {"fair": "no", "comment": "短い"}) is True
    with store.session() as s:
        rows = s.scalars(select(SimSurvey).where(SimSurvey.recipient_id == rid)).all()
        assert [r.answers for r in rows] == [{"fair": "no", "comment": "短い"}]


def test_the_first_pass_is_one_recipient_trained_event(store) -> None:  # type: ignore[no-untyped-def]
    from mailwarden.simulate import webhooks
    from mailwarden.simulate.models import SimWebhookDelivery

    rid, _, _ = _setup(store)
    webhooks.add_webhook(store, "http://127.0.0.1:9/hook", ["recipient.trained"])
    assert training.record_quiz(store, rid, _result(60, False)) is False
    assert training.record_quiz(store, rid, _result(80, True)) is True
    assert training.record_quiz(store, rid, _result(100, True)) is False  # passed again: no new event
    with store.session() as s:
        events = s.scalars(select(SimWebhookDelivery)).all()
        assert [e.event for e in events] == ["recipient.trained"]
        assert events[0].payload["recipient"]["id"] == rid


def test_a_zero_weight_is_a_tell_only_for_a_lures_wording() -> None:
    signal = {"code": "x", "category": "text", "weight": 0.0}
    assert tells._useful(signal)  # type: ignore[arg-type]
    for category in ("header", "url", "brand"):
        assert not tells._useful({**signal, "category": category})  # type: ignore[arg-type]
    assert tells._useful({**signal, "category": "header", "weight": 1.5})  # type: ignore[arg-type]
    assert not tells._useful({**signal, "category": "benign", "weight": 0.0})  # type: ignore[arg-type]
    assert not tells._useful({**signal, "weight": -1.0})  # type: ignore[arg-type]
