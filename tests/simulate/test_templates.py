import lxml.html
import pytest

from mailwarden.core.errors import InputError
from mailwarden.simulate.templates import (
    VARIABLES,
    load_templates,
    parse_template,
    render_landing,
    render_mail,
    submitted,
    substitute,
    variables_in,
)

VALUES = {
    "name": "山田 太郎",
    "email": "taro@example.co.jp",
    "department": "営業部",
    "manager": "佐藤 花子",
    "company": "例示株式会社",
    "link": "https://sim.example/l/abc",
    "date": "2026-12-10",
}


def test_ten_shipped_lures_each_in_japanese_and_english():
    templates = load_templates()
    assert len(templates) >= 10
    for t in templates.values():
        assert set(t.parts) == {"ja", "en"}, t.id
        for lang in ("ja", "en"):
            p = t.parts[lang]
            for text in (p.sender_name, p.subject, p.body, p.landing):
                assert variables_in(text) <= VARIABLES
            assert "{link}" in p.body, t.id
            mail = render_mail(t, lang, VALUES)
            assert "https://sim.example/l/abc" in mail.body
            assert "{" not in mail.subject + mail.body
            page = render_landing(t, lang, VALUES)
            assert "password" not in page.lower()


def test_substitution_is_not_code():
    assert substitute("{name} {{name}} {date}", {"name": "<b>"}) == "<b> {name} "
    assert substitute("{name}", {"name": "<b>"}, escape=True) == "&lt;b&gt;"
    bad = {"id": "x", "en": {"sender_name": "a", "subject": "{name.__class__}", "body": "b"}}
    with pytest.raises(InputError, match="unknown variables"):
        parse_template(bad, "x.yaml")
    with pytest.raises(InputError, match="English"):
        parse_template({"id": "x", "ja": {"sender_name": "a", "subject": "s", "body": "b"}}, "x.yaml")


ODD = """<html><body>
<form action="/a"><INPUT TYPE="PASSWORD" name="p1"><input type=" Password " name="p2">
  <form><input name="user"><input autocomplete="current-password" name="x1"></form>
</form>
<input name="Passwd"><input id="user_pwd"><input name="パスワード"><input autocomplete="new-password">
<div><input type="text" name="login_password_confirm"></div>
<input name="email" type="email"><textarea name="comment"></textarea>
</body></html>"""


def test_landing_page_loses_every_password_field():
    page = render_landing(ODD)
    doc = lxml.html.document_fromstring(page)
    names = [(i.get("name"), i.get("id")) for i in doc.iter("input")]
    assert names == [("user", None), ("email", None)]
    assert "password" not in page.lower() and "pwd" not in page.lower()


def test_submitted_keeps_names_never_values():
    s = submitted({"user": "taro", "password": "hunter2"})
    assert s.submitted and s.fields == ("password", "user")
    assert "hunter2" not in repr(s) and "taro" not in repr(s)
