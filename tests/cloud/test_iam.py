"""The IAM area on a moto account: every check failing, passing and undetermined."""

from __future__ import annotations

import json
from typing import Any

import pytest

from mailwarden.cloud import iam, iam_policy
from mailwarden.cloud.model import Status

from ._iam_support import add_root_row, allow, deny, doc, failing, load_aws_policy, run, user_arn

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_a_clean_account_passes_everything(aws: Any) -> None:
    client = aws.client("iam")
    client.create_user(UserName="alice")
    client.create_access_key(UserName="alice")
    policy = client.create_policy(
        PolicyName="read", PolicyDocument=doc(allow("s3:GetObject", "arn:aws:s3:::b/*"))
    )
    client.attach_user_policy(UserName="alice", PolicyArn=policy["Policy"]["Arn"])
    ctx = aws.context()
    add_root_row(ctx)
    results = run(ctx)
    assert {c: str(r.status) for c, r in results.items()} == dict.fromkeys(results, "pass")
    assert results["cloud.iam-access-key-old"].checked == 1
    assert results["cloud.iam-policy-admin"].checked >= 1
    assert set(iam.ACTIONS) == {c.action for c in ctx.calls if c.service == "iam"}


def test_root_access_key_from_the_report_and_from_the_summary(aws: Any) -> None:
    ctx = aws.context()
    add_root_row(ctx, keys=True)
    root = run(ctx)["cloud.iam-root-access-key"]
    assert root.status == Status.FAIL
    assert [f.subject for f in root.findings] == ["arn:aws:iam::123456789012:root"]
    assert root.findings[0].params["resource_type"] == "AwsAccount"

    # report refused: the account summary answers (moto: no root keys)
    ctx = aws.context()
    deny(ctx, "GetCredentialReport")
    assert run(ctx)["cloud.iam-root-access-key"].status == Status.PASS

    ctx = aws.context()
    deny(ctx, "GetCredentialReport")
    deny(ctx, "GetAccountSummary")
    root = run(ctx)["cloud.iam-root-access-key"]
    assert root.status == Status.UNDETERMINED
    assert "iam:GetCredentialReport: AccessDenied" in root.undetermined


def test_root_row_missing_is_undetermined_not_pass(aws: Any) -> None:
    ctx = aws.context()
    deny(ctx, "GetAccountSummary")
    assert run(ctx)["cloud.iam-root-access-key"].status == Status.UNDETERMINED


def test_old_doubled_keys_and_unused_credentials(aws: Any) -> None:
    client = aws.client("iam")
    client.create_user(UserName="alice")
    client.create_access_key(UserName="alice")
    client.create_access_key(UserName="alice")
    client.create_user(UserName="bob")
    client.create_login_profile(UserName="bob", Password="Pa55word!long")
    ctx = aws.context()
    add_root_row(ctx)

    soon = run(ctx, days_later=10)
    assert all(
        soon[c].status == Status.PASS for c in ("cloud.iam-access-key-old", "cloud.iam-credentials-unused-45")
    )
    assert soon["cloud.iam-two-active-keys"].status == Status.FAIL
    assert list(failing(soon["cloud.iam-two-active-keys"])) == [user_arn("alice")]

    mid = run(ctx, days_later=50)
    unused45 = failing(mid["cloud.iam-credentials-unused-45"])
    assert sorted(p["credential"] for p in unused45[user_arn("alice")]) == ["access key 1", "access key 2"]
    assert [p["credential"] for p in unused45[user_arn("bob")]] == ["password"]
    assert mid["cloud.iam-credentials-unused-90"].status == Status.PASS
    assert mid["cloud.iam-access-key-old"].status == Status.PASS

    late = run(ctx, days_later=100)
    assert late["cloud.iam-credentials-unused-45"].status == Status.PASS  # the 90 finding only
    assert set(failing(late["cloud.iam-credentials-unused-90"])) == {user_arn("alice"), user_arn("bob")}
    old = late["cloud.iam-access-key-old"]
    assert sorted(f.params["slot"] for f in old.findings) == [1, 2]
    assert {f.params["resource_type"] for f in old.findings} == {"AwsIamAccessKey"}
    assert "aws iam create-access-key --user-name alice" in old.findings[0].remediation


def test_a_recently_used_key_is_not_unused(aws: Any) -> None:
    from datetime import timedelta

    client = aws.client("iam")
    client.create_user(UserName="carol")
    key = client.create_access_key(UserName="carol")["AccessKey"]["AccessKeyId"]
    ctx = aws.context()
    add_root_row(ctx)
    # moto cannot be told a key was used: set it in moto's state (what the API cannot arrange)
    user = aws.backend("iam").users["carol"]
    found = next(k for k in user.access_keys if k.access_key_id == key)
    found.last_used = ctx.now + timedelta(days=95)
    late = run(ctx, days_later=100)
    assert late["cloud.iam-credentials-unused-90"].status == Status.PASS
    assert late["cloud.iam-credentials-unused-45"].status == Status.PASS
    assert late["cloud.iam-access-key-old"].status == Status.FAIL


def test_console_without_mfa(aws: Any) -> None:
    client = aws.client("iam")
    for name in ("nomfa", "withmfa"):
        client.create_user(UserName=name)
        client.create_login_profile(UserName=name, Password="Pa55word!long")
    serial = client.create_virtual_mfa_device(VirtualMFADeviceName="withmfa")["VirtualMFADevice"][
        "SerialNumber"
    ]
    client.enable_mfa_device(
        UserName="withmfa", SerialNumber=serial, AuthenticationCode1="123456", AuthenticationCode2="654321"
    )
    ctx = aws.context()
    add_root_row(ctx)
    result = run(ctx)["cloud.iam-console-no-mfa"]
    assert list(failing(result)) == [user_arn("nomfa")]
    assert result.checked == 2


def test_report_refused_leaves_key_checks_undetermined(aws: Any) -> None:
    client = aws.client("iam")
    client.create_user(UserName="ses-smtp-user.x")
    client.create_access_key(UserName="ses-smtp-user.x")
    ctx = aws.context()
    deny(ctx, "GetCredentialReport")
    results = run(ctx, days_later=200)
    for code in (
        "cloud.iam-access-key-old",
        "cloud.iam-credentials-unused-45",
        "cloud.iam-credentials-unused-90",
        "cloud.iam-two-active-keys",
        "cloud.iam-console-no-mfa",
        "cloud.ses-smtp-key-old",
        "cloud.ses-smtp-key-unused",
    ):
        assert results[code].status == Status.UNDETERMINED, code
        assert results[code].undetermined == ["iam:GetCredentialReport: AccessDenied"]
    assert results["cloud.iam-policy-admin"].status == Status.PASS


def test_admin_and_ses_wildcard_policies(aws: Any) -> None:
    client = aws.client("iam")
    admin = client.create_policy(PolicyName="admin", PolicyDocument=doc(allow("*")))["Policy"]["Arn"]
    sesall = client.create_policy(PolicyName="sesall", PolicyDocument=doc(allow(["ses:*"])))["Policy"]["Arn"]
    sendonly = client.create_policy(PolicyName="send", PolicyDocument=doc(allow("ses:Send*")))["Policy"][
        "Arn"
    ]
    client.create_role(RoleName="ops", AssumeRolePolicyDocument=doc(allow("sts:AssumeRole")))
    client.attach_role_policy(RoleName="ops", PolicyArn=admin)
    client.create_group(GroupName="mailers")
    client.attach_group_policy(GroupName="mailers", PolicyArn=sesall)
    client.attach_group_policy(GroupName="mailers", PolicyArn=sendonly)
    client.create_user(UserName="dave")
    client.put_user_policy(
        UserName="dave",
        PolicyName="all",
        PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": allow("*")}),
    )
    client.create_user(UserName="erin")
    client.attach_user_policy(
        UserName="erin", PolicyArn=load_aws_policy(aws.backend("iam"), "AdministratorAccess")
    )
    ctx = aws.context()
    add_root_row(ctx)
    results = run(ctx)
    admins = failing(results["cloud.iam-policy-admin"])
    assert set(admins) == {admin, user_arn("dave"), user_arn("erin")}
    assert admins[admin][0]["attached_to"] == "arn:aws:iam::123456789012:role/ops"
    assert admins[user_arn("dave")][0]["resource_type"] == "AwsIamUser"
    assert list(failing(results["cloud.iam-policy-ses-wildcard"])) == [sesall]

    ctx = aws.context()
    deny(ctx, "GetAccountAuthorizationDetails")
    results = run(ctx)
    for code in ("cloud.iam-policy-admin", "cloud.iam-policy-ses-wildcard", "cloud.ses-smtp-key-creators"):
        assert results[code].status == Status.UNDETERMINED
    assert iam.smtp_users(iam.collect(ctx)) == []


def _smtp_account(aws: Any, restrict: bool) -> Any:
    client = aws.client("iam")
    cond = {"Condition": {"StringLike": {"ses:FromAddress": "*@example.com"}}} if restrict else {}
    client.create_user(UserName="ses-smtp-user.20240101")
    client.put_user_policy(
        UserName="ses-smtp-user.20240101",
        PolicyName="send",
        PolicyDocument=doc(allow("ses:SendRawEmail", **cond)),
    )
    client.create_access_key(UserName="ses-smtp-user.20240101")
    client.create_user(UserName="mailer")  # SMTP by its permissions alone
    client.put_user_policy(
        UserName="mailer",
        PolicyName="send",
        PolicyDocument=doc(allow(["ses:SendEmail", "ses:SendRawEmail"], **cond)),
    )
    return client


def test_smtp_users_old_unused_unrestricted_and_who_can_make_keys(aws: Any) -> None:
    client = _smtp_account(aws, restrict=False)
    client.create_user(UserName="deployer")
    client.put_user_policy(
        UserName="deployer", PolicyName="k", PolicyDocument=doc(allow("iam:CreateAccessKey"))
    )
    client.create_role(RoleName="rotator", AssumeRolePolicyDocument=doc(allow("sts:AssumeRole")))
    client.put_role_policy(
        RoleName="rotator",
        PolicyName="k",
        PolicyDocument=doc(allow("iam:Create*", "arn:aws:iam::123456789012:user/ses-smtp-*")),
    )
    client.create_group(GroupName="blocked")
    client.put_group_policy(
        GroupName="blocked",
        PolicyName="k",
        PolicyDocument=doc(
            allow("iam:*"), {"Effect": "Deny", "Action": "iam:CreateAccessKey", "Resource": "*"}
        ),
    )
    ctx = aws.context()
    add_root_row(ctx)
    facts = iam.collect(ctx)
    assert iam.smtp_users(facts) == ["mailer", "ses-smtp-user.20240101"]

    results = run(ctx, days_later=100)
    smtp = user_arn("ses-smtp-user.20240101")
    assert list(failing(results["cloud.ses-smtp-key-old"])) == [smtp]
    assert failing(results["cloud.ses-smtp-key-unused"])[smtp][0]["last_used"] == "never"
    assert set(failing(results["cloud.ses-smtp-unrestricted"])) == {smtp, user_arn("mailer")}
    creators = failing(results["cloud.ses-smtp-key-creators"])
    assert creators[smtp][0]["principals"] == (
        "arn:aws:iam::123456789012:role/rotator, arn:aws:iam::123456789012:user/deployer"
    )
    assert creators[user_arn("mailer")][0]["principals"] == "arn:aws:iam::123456789012:user/deployer"


def test_smtp_users_restricted_fresh_and_alone_pass(aws: Any) -> None:
    _smtp_account(aws, restrict=True)
    ctx = aws.context()
    add_root_row(ctx)
    results = run(ctx, days_later=1)
    for code in ("cloud.ses-smtp-unrestricted", "cloud.ses-smtp-key-creators", "cloud.ses-smtp-key-old"):
        assert results[code].status == Status.PASS, code
        assert results[code].checked >= 1
    assert results["cloud.ses-smtp-key-unused"].status == Status.FAIL  # never used yet


def test_a_huge_garbage_policy_is_undetermined_not_a_crash(aws: Any) -> None:
    client = aws.client("iam")
    client.create_user(UserName="frank")
    client.put_user_policy(UserName="frank", PolicyName="ok", PolicyDocument=doc(allow("s3:GetObject")))
    ctx = aws.context()
    add_root_row(ctx)

    def garble(parsed: dict[str, Any], **_: Any) -> None:
        for user in parsed.get("UserDetailList", []):
            user["UserPolicyList"].append({"PolicyName": "junk", "PolicyDocument": "%7B" + "x" * 1_000_000})

    ctx.client("iam").meta.events.register("after-call.iam.GetAccountAuthorizationDetails", garble)
    results = run(ctx)
    admin = results["cloud.iam-policy-admin"]
    assert admin.status == Status.UNDETERMINED
    assert "inline junk: policy document not read" in admin.undetermined[0]


@pytest.mark.parametrize(
    ("statement", "action", "resource", "expected"),
    [
        (
            {"Effect": "Allow", "Action": "IAM:createaccesskey", "Resource": "*"},
            "iam:CreateAccessKey",
            "u",
            True,
        ),
        ({"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}, "iam:CreateAccessKey", "u", True),
        ({"Effect": "Allow", "NotAction": ["iam:*"], "Resource": "*"}, "iam:CreateAccessKey", "u", False),
        ({"Effect": "Allow", "Action": "iam:*", "NotResource": "u"}, "iam:CreateAccessKey", "u", False),
        ({"Effect": "Allow", "Action": "iam:*", "Resource": ["x", "u*"]}, "iam:CreateAccessKey", "u1", True),
        ({"Effect": "Allow", "Action": 7, "Resource": "*"}, "iam:CreateAccessKey", "u", False),
    ],
)
def test_statement_matching(statement: dict[str, Any], action: str, resource: str, expected: bool) -> None:
    assert iam_policy.allows(iam_policy.statements({"Statement": statement}), action, resource) is expected


def test_documents_decoded_and_bounded() -> None:
    from urllib.parse import quote

    encoded = quote(json.dumps({"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}))
    assert iam_policy.is_admin(iam_policy.statements(encoded)[0])
    for bad in ("not json", "[1, 2]", "{" * 2_000_000, {"Statement": "x" * 200_000}):
        with pytest.raises(iam_policy.BadPolicy):
            iam_policy.statements(bad)
    deny_all = [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Deny", "Action": "iam:Create*", "Resource": "*"},
    ]
    assert not iam_policy.allows(deny_all, "iam:CreateAccessKey", "arn:aws:iam::1:user/x")
    assert iam_policy.allows(deny_all, "iam:ListUsers", "*")
