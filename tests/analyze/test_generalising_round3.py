"""The third round of generalising signals: phrases cut by the sender's line length, an
executive's name written in Latin letters, registered organisations' domains, BEC asks in
newsletters, shared-document lures from strangers and text pushed out of sight."""

from __future__ import annotations

import pytest

from mailwarden.analyze.engine import analyze
from mailwarden.analyze.romaji import hepburn, latin_name_matches
from mailwarden.analyze.rules import load_rules
from mailwarden.analyze.text import unwrapped

from .mail import AUTH, found, message

CALLBACK = (
    "株式会社みなと精機 御中\r\n\r\n"
    "ご契約中のライセンスの年間更新手続きが完了いたしました。\r\n"
    "・更新料金：1,320,000円（税込）\r\n\r\n"
    "今回の更新をご希望でない場合は、引き落とし日の3営業日前までに\r\n"
    "ライセンス管理センター（03-6268-1596）までご連絡ください。\r\n"
)


def test_a_paragraph_reads_as_one_line():
    text = "ご希望でない場合は、3営業日前までに\r\nセンター(03-1)までご連絡\n"
    text += "verify your\naccount\n\n・一\n・二\n"
    out = unwrapped(text)
    assert "3営業日前までにセンター" in out  # Japanese: the break dropped
    assert "verify your account" in out  # elsewhere: a space
    assert "\n\n・一\n・二" in out  # a blank line and list items keep their breaks


def test_a_callback_scam_whose_phrase_the_line_length_cut(org_rules):
    d = "cloudoffice-support.com"
    mail = message(CALLBACK, from_=f"更新窓口 <support@{d}>", extra_headers=AUTH.format(d=d))
    v, hits = found(mail, org_rules)
    assert "text.callback-charge" in hits
    assert hits["bec.request"]["sender"] == "first-contact"
    # flagged: since round 9's fit (English junk and a third business set among the tuning
    # data) a BEC request from a first contact weighs under the phishing line by itself
    assert v.verdict in ("suspicious", "phishing", "malicious")


def test_a_registered_company_is_not_an_outsider_only_for_being_new(org_rules):
    # the same notice, authenticated for a co.jp domain: a company writing, not a throwaway domain
    d = "bizdirect.tokyomirai-bank.co.jp"
    _, hits = found(message(CALLBACK, from_=f"銀行 <info@{d}>", extra_headers=AUTH.format(d=d)), org_rules)
    assert "text.callback-charge" in hits and "header.first-contact" in hits
    assert "bec.request" not in hits
    # unauthenticated, the co.jp name proves nothing
    _, hits = found(message(CALLBACK, from_=f"銀行 <info@{d}>"), org_rules)
    assert "bec.request" in hits
    # and a co.jp lookalike of a correspondent stays an outsider
    d = "daiwa-syoji.co.jp"
    _, hits = found(message(CALLBACK, from_=f"大和 <info@{d}>", extra_headers=AUTH.format(d=d)), org_rules)
    assert "correspondent-lookalike" in hits["bec.request"]["sender"]


@pytest.mark.parametrize(
    ("display", "name", "match"),
    [
        ("Kenichi Takahashi", "高橋 健一", True),
        ("TAKAHASHI Kenichi", "高橋 健一", True),
        ("Yumi Itoh", "伊藤 由美", True),  # a long vowel written oh
        ("Yumi Itou", "伊藤 由美", True),
        ("Ken Takahashi", "高橋 健一", False),
        ("Takashi Hashimoto", "高橋 健一", False),
        ("高橋 健一", "高橋 健一", False),  # not Latin: the plain comparison handles it
    ],
)
def test_a_japanese_name_written_in_latin_letters(display, name, match):
    assert latin_name_matches(display, name) is match


def test_hepburn():
    assert hepburn("タカハシ") == "takahashi" and hepburn("ショウ") == "shou"
    assert hepburn("ハットリ") == "hattori" and hepburn("マッチャ") == "matcha"


def test_an_executive_in_latin_letters_from_free_mail(org_rules):
    body = "山本さん\n得意先の一覧（会社名、担当者、売掛金残高）を今日中にこのアドレスへ送ってもらえますか。"
    _, hits = found(message(body, from_="Kenichi Takahashi <takahashi.kenichi70@gmail.com>"), org_rules)
    assert hits["header.display-name-impersonation"]["target"] == "高橋 健一"
    assert "data-request" in hits["bec.request"]["asks"]


def test_no_lookalike_below_a_suffix_only_registered_bodies_hold(org_rules):
    # a brand's name inside an or.jp domain (only registered bodies hold one, proven by its
    # signature) is an association's, not a combosquat; the same name in a .com is one
    d = "rakuten-users-cci.or.jp"
    mail = message("会員メールニュース", from_=f"商工会議所 <news@{d}>", extra_headers=AUTH.format(d=d))
    _, hits = found(mail, org_rules)
    assert "header.lookalike-domain" not in hits
    _, hits = found(message("会員メールニュース", from_="商工会議所 <news@rakuten-users-cci.com>"), org_rules)
    assert "header.lookalike-domain" in hits
    # a city's name is no brand at all (tokyo.lg.jp is named after its place)
    _, hits = found(message("会員メールニュース", from_="商工会議所 <news@tokyo-minato-cci.com>"), org_rules)
    assert "header.lookalike-domain" not in hits


def test_a_newsletters_prize_draw_is_no_bec_request(org_rules):
    d = "list.bizbook.example"
    head = (
        f"List-Id: <news.{d}>\r\nList-Unsubscribe: <https://{d}/u>\r\n"
        f"Authentication-Results: mx1.minato-seiki.co.jp; spf=pass smtp.mailfrom=bounce@{d}\r\n"
    )
    body = "読者アンケートにご協力ください。抽選でAmazonギフトカードをプレゼントします。"
    args = {"from_": "編集部 <editor@bizbook.example>", "return_path": f"bounce@{d}"}
    _, hits = found(message(body, extra_headers=head, **args), org_rules)
    assert "bulk.mailing-list" in hits and "text.gift-card" in hits
    assert "bec.request" not in hits
    # the same words one to one, from a stranger: asked
    _, hits = found(message(body, **args), org_rules)
    assert "bec.request" in hits


def test_a_shared_document_from_a_stranger(org_rules):
    html = '<a href="https://drive.google.com/file/d/1vEl/preview">請求書.pdf</a>'
    _, hits = found(message("ご確認ください", html=html, from_="Mary <kekka89@gmail.com>"), org_rules)
    assert hits["url.shared-by-stranger"]["host"] == "drive.google.com"
    # from a correspondent, authenticated: ordinary
    d = "daiwa-shoji.co.jp"
    _, hits = found(
        message("ご確認ください", html=html, from_=f"松本 <t@{d}>", extra_headers=AUTH.format(d=d)), org_rules
    )
    assert "url.shared-by-stranger" not in hits
    # a link to the sender's own service is not a share of someone else's
    html = '<a href="https://docs.google.com/document/d/1/edit">doc</a>'
    _, hits = found(message("共有しました", html=html, from_="Google <drive-shares@google.com>"), org_rules)
    assert "url.shared-by-stranger" not in hits


def test_text_pushed_out_of_sight():
    html = "<style>.belowView { margin-top: 470500px; }</style><p>Save energy</p><div class=belowView>x</div>"
    _, hits = found(message("", html=html, from_="Eco <a@b.example>"), load_rules())
    assert hits["text.offscreen"]["style"].startswith("margin-top: 470500px")
    html = "<style>p { margin-top: 12px; height: 100vh }</style><p>Save energy</p>"
    _, hits = found(message("", html=html, from_="Eco <a@b.example>"), load_rules())
    assert "text.offscreen" not in hits


def test_a_from_line_that_cuts_the_name_from_the_address(org_rules):
    data = message("Angebot", from_='"DIE Lösung! Endlich!", <service@mailer.example>')
    _, hits = found(data, org_rules)
    assert hits["header.from-malformed"]["value"].startswith('"DIE Lösung! Endlich!",')
    # a quoted name with a comma inside, and an unquoted one, are ordinary
    for from_ in ('"Yamada, Taro" <t@x.example>', "Yamada Taro <t@x.example>"):
        _, hits = found(message("ご連絡", from_=from_), org_rules)
        assert "header.from-malformed" not in hits


def test_a_share_notification_proves_the_service_not_the_sharer(org_rules):
    auth = AUTH.format(d="google.com")
    html = '<a href="https://docs.google.com/presentation/d/1/edit">Open</a>'
    args = {"html": html, "from_": "Someone (via Google Slides) <drive-shares-noreply@google.com>"}
    _, hits = found(
        message("共有されました", reply_to="x <a@zeq.example>", extra_headers=auth, **args), org_rules
    )
    assert "sender.known-authenticated" not in hits
    assert hits["url.shared-by-stranger"]["host"] == "docs.google.com"
    # shared by a correspondent (Google puts the sharer in Reply-To): ordinary
    _, hits = found(
        message("共有されました", reply_to="松本 <t@daiwa-shoji.co.jp>", extra_headers=auth, **args),
        org_rules,
    )
    assert "url.shared-by-stranger" not in hits
    # Google's own mail keeps its credit
    _, hits = found(message("お知らせ", from_="Google <no-reply@google.com>", extra_headers=auth), org_rules)
    assert hits["sender.known-authenticated"]["kind"] == "brand"


def test_a_hostile_from_line_is_read_in_linear_time(org_rules):
    # "a@a@a@…": the first form of the malformed-From pattern backtracked quadratically
    # (2.5 s for 8,000 pairs: about 25 minutes for these 200,000)
    import threading

    data = message("x", from_='"x", ' + "a@" * 200_000 + " y")
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(analyze(data, org_rules)), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert done, "the analysis of one long From line did not finish within a minute"
    assert "header.from-malformed" not in {s["code"] for s in done[0].signals}  # type: ignore[attr-defined]


def _finishes(call, seconds: float = 60) -> list[object]:
    import threading

    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(call()), daemon=True)
    worker.start()
    worker.join(timeout=seconds)
    return done


def test_a_word_boundary_pattern_goes_on_after_the_word_not_one_letter_on():
    # r"\baphrodisia\w*" inside a run of letters: every retry one letter on read the run to its
    # end (quadratic: 9.5 s for 200,000 letters, minutes for this)
    from mailwarden.analyze.multimatch import compile_phrase, search

    text = "x" + "aphrodisia" * 100_000 + " aphrodisiac"
    done = _finishes(lambda: search(text, compile_phrase(r"\baphrodisia\w*")))
    assert done and done[0] is not None and done[0].group(0) == "aphrodisiac"  # type: ignore[attr-defined]
    assert search("xfoo foo", compile_phrase(r"\bfoo")).start() == 5  # type: ignore[union-attr]


def test_a_leading_word_boundary_is_not_taken_for_every_alternative():
    from mailwarden.analyze.multimatch import compile_phrase, search

    pattern = r"\b(?:lewd)\b|private (?:photos)\b"
    assert compile_phrase(pattern)[1] is False
    assert search("seeprivate photos", compile_phrase(pattern)) is not None  # as re.search finds it


def test_a_paragraph_keeps_items_and_quotations_apart():
    out = unwrapped("1. 振込先\n2. 変更日\n> quoted line\nMy reply\n• one\n【件名】\nあ\n  い")
    assert out == "1. 振込先\n2. 変更日\n> quoted line\nMy reply\n• one\n【件名】あい"
    long_paragraph = "word\n" * 200_000  # one paragraph of 200,000 lines: joined in linear time
    done = _finishes(lambda: unwrapped(long_paragraph))
    assert done and done[0] == ("word " * 200_000).rstrip() + "\n"


def test_a_booking_cancelled_by_telephone_is_no_callback_scam(org_rules):
    body = "ご予約ありがとうございます。\nご予約のキャンセルはお電話にてお願いいたします。\nTEL 03-1234-5678"
    d = "hotel-minato.jp"
    _, hits = found(message(body, from_=f"ホテル <info@{d}>", extra_headers=AUTH.format(d=d)), org_rules)
    assert "text.callback-charge" not in hits and "bec.request" not in hits


@pytest.mark.parametrize(
    ("display", "name"),
    [("Kazuo Ono", "大野 和夫"), ("Kazuo Ohno", "大野 和夫"), ("Ono Kazuo", "大野 和夫")],
)
def test_a_long_vowel_at_the_seam_of_a_latin_name(display, name):
    assert latin_name_matches(display, name)


def test_katakana_names_with_small_kana():
    assert (
        hepburn("ティーナ") == "tiina"
        and hepburn("ジェームズ") == "jeemuzu"
        and hepburn("ウォーカー") == "wookaa"
    )
    assert latin_name_matches("John Smith", "ティーナ 高橋") is False  # read, no crash


def test_an_unauthenticated_name_below_or_jp_is_still_checked(org_rules):
    _, hits = found(message("ご確認ください", from_="Amazon <account@amazon-security.or.jp>"), org_rules)
    assert "header.lookalike-domain" in hits
    # SPF passing for the body's own domain is proof enough that its servers sent it
    d = "tokyo-minato-cci.or.jp"
    spf = f"Authentication-Results: mx1.minato-seiki.co.jp; spf=pass smtp.mailfrom=news@{d}; dmarc=none\r\n"
    _, hits = found(
        message("会員メールニュース", from_=f"商工会議所 <news@{d}>", extra_headers=spf), org_rules
    )
    assert "header.lookalike-domain" not in hits


def test_a_forged_share_notification_earns_no_relay_treatment(org_rules):
    html = '<a href="https://evil.example/login">Open</a>'
    args = {"html": html, "from_": "Someone (via Google Slides) <drive-shares-noreply@google.com>"}
    _, hits = found(message("共有されました", reply_to="松本 <t@daiwa-shoji.co.jp>", **args), org_rules)
    assert "sender.known-authenticated" not in hits  # not authenticated: no credit either way
