"""examples/dlp-policy.yaml: loaded by the real policy parser, it covers every kind of rule
and condition dlp/policy.py knows, and decides as its comments say on real messages."""

from __future__ import annotations

from pathlib import Path

from mailwarden.dlp.policy import ACTIONS, Policy, When, load_policy
from mailwarden.dlp.service import check_message
from tests.analyze.mail import message

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dlp-policy.yaml"


def my_number(body: str) -> str:
    digits = [int(d) for d in body]
    total = sum(p * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(reversed(digits), start=1))
    r = total % 11
    return body + str(0 if r <= 1 else 11 - r)


def policy() -> Policy:
    return load_policy(EXAMPLE)


def test_it_covers_every_action_condition_and_setting() -> None:
    p = policy()
    assert {r.action for r in p.rules} == set(ACTIONS)
    used = set().union(*(r.when.model_fields_set for r in p.rules))
    assert used == set(When.model_fields)
    assert any(r.unless and r.unless.senders and r.unless.recipients for r in p.rules)
    recipient_kinds = {r.when.recipients if isinstance(r.when.recipients, str) else "list" for r in p.rules}
    assert recipient_kinds >= {"external", "freemail", "internal", "list"}
    assert {n for r in p.rules for n in r.notify} == {"sender", "approver", "admin"}
    assert all(p.model_dump()[k] for k in Policy.model_fields if k != "test_mode")
    assert p.test_mode is True  # a copied example acts on nothing until it is meant to


def test_it_decides_as_its_comments_say() -> None:
    p = policy()
    number = my_number("12345678901")
    outside = check_message(
        message(f"マイナンバー {number} をお送りします。社外秘"), p, recipients=["tanaka@partner.example"]
    )
    decision = outside["decision"]
    assert decision["action"] == "block" and decision["test_mode"] is True
    rules = [m["rule"] for m in decision["matched_rules"]]
    assert rules[0] == "block-my-number" and {"delay-partner-mail", "tag-confidential"} <= set(rules)
    payroll = check_message(
        message("振込先：みずほ銀行 新宿支店 普通 7654321", from_="人事 <jinji@example.co.jp>"),
        p,
        recipients=["kyuyo@bank-partner.example"],
        sender="jinji@example.co.jp",
    )
    assert [m["rule"] for m in payroll["decision"]["matched_rules"]] == ["hold-bank-accounts-from-hr"]
    assert payroll["decision"]["action"] == "hold"
    inside = check_message(
        message("社内限りの資料です。"), p, recipients=["hanako@example.co.jp"], sender="ceo@example.co.jp"
    )
    assert {m["rule"] for m in inside["decision"]["matched_rules"]} == {
        "header-internal-only",
        "allow-executives-internal",
    }
    assert inside["decision"]["action"] == "add_header"


def test_its_exception_lets_hr_send_my_numbers_to_the_labour_consultant_only() -> None:
    p = policy()
    mail = message(
        f"マイナンバー {my_number('12345678901')} をお送りします。", from_="人事 <jinji@example.co.jp>"
    )

    def action(sender: str, *recipients: str) -> str:
        return check_message(mail, p, recipients=list(recipients), sender=sender)["decision"]["action"]

    assert action("jinji@example.co.jp", "office@sharoushi-office.example") != "block"
    assert action("jinji@example.co.jp", "tokyo@branch.sharoushi-office.example") != "block"  # subdomain
    assert action("eigyo@example.co.jp", "office@sharoushi-office.example") == "block"  # not HR
    assert action("jinji@example.co.jp", "office@sharoushi-office.example", "me@gmail.com") == "block"


def test_its_list_in_text_rule_counts_lines_not_tables() -> None:
    p = policy()
    lines = "\n".join(f"・顧客{i}様 090-{1000 + i:04d}-{2000 + i:04d} c{i}@example.net" for i in range(25))
    text = check_message(message(lines), p, recipients=["a@partner.example"])["decision"]
    assert "hold-list-in-text" in [m["rule"] for m in text["matched_rules"]]
    rows = "\n".join(f"顧客{i}\t090-{1000 + i:04d}-{2000 + i:04d}\tc{i}@example.net" for i in range(25))
    table = check_message(message("氏名\t電話\tメール\n" + rows), p, recipients=["a@partner.example"])
    assert table["personal_rows"] == 25
    assert "hold-list-in-text" not in [m["rule"] for m in table["decision"]["matched_rules"]]
