"""The report buttons' manifests and packages.

No XML schema for the add-in-only Outlook manifest is published on PyPI or npm (Microsoft's
validator is an online service), so manifest.xml is checked here for what integrated spam
reporting needs. The unified JSON manifest and its Japanese strings are validated against the
JSON schemas Microsoft publishes on npm (@microsoft/app-manifest, installed under addins/ by
`make addins-deps`)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from .conftest import ADDINS

OUTLOOK = ADDINS / "outlook"
THUNDERBIRD = ADDINS / "thunderbird"
NS = {
    "o": "http://schemas.microsoft.com/office/appforoffice/1.1",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
    "v10": "http://schemas.microsoft.com/office/mailappversionoverrides",
    "v11": "http://schemas.microsoft.com/office/mailappversionoverrides/1.1",
}
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
SCHEMAS = ADDINS / "node_modules" / "@microsoft" / "app-manifest" / "build" / "json-schemas" / "teams"


def _xml() -> Any:
    return etree.parse(str(OUTLOOK / "manifest.xml")).getroot()


def _reasons() -> list[str]:
    found = re.search(r"var REASONS = \[([^\]]*)\]", (OUTLOOK / "src" / "commands.js").read_text())
    assert found
    return re.findall(r'"([a-z_]+)"', found.group(1))


def _strings(root: Any) -> dict[str, tuple[str, str | None, str]]:
    """resid → (English, Japanese override, short|long)."""
    out = {}
    for kind in ("ShortStrings", "LongStrings"):
        for s in root.iterfind(f".//v11:Resources/bt:{kind}/bt:String", NS):
            ja = s.find("bt:Override[@Locale='ja-JP']", NS)
            out[s.get("id")] = (s.get("DefaultValue"), None if ja is None else ja.get("Value"), kind)
    return out


def test_xml_manifest_is_an_integrated_spam_reporting_add_in():
    root = _xml()
    assert root.tag == f"{{{NS['o']}}}OfficeApp" and root.get(XSI_TYPE) == "MailApp"
    assert root.findtext("o:Permissions", namespaces=NS) == "ReadItem"
    assert root.find("o:Hosts/o:Host", NS).get("Name") == "Mailbox"
    v11 = root.find("v10:VersionOverrides/v11:VersionOverrides", NS)
    assert v11 is not None and v11.get(XSI_TYPE) == "VersionOverridesV1_1"
    sets = v11.find("v11:Requirements/bt:Sets", NS)
    assert sets.get("DefaultMinVersion") == "1.14"
    assert [(s.get("Name"), s.get("MinVersion")) for s in sets.iterfind("bt:Set", NS)] == [
        ("Mailbox", "1.14")
    ]
    points = v11.findall(".//v11:DesktopFormFactor/v11:ExtensionPoint", NS)
    assert [p.get(XSI_TYPE) for p in points] == ["ReportPhishingCommandSurface"]
    custom = points[0].find("v11:ReportPhishingCustomization", NS)
    control = custom.find("v11:Control", NS)
    assert control.get(XSI_TYPE) == "Button"
    action = control.find("v11:Action", NS)
    assert action.get(XSI_TYPE) == "ExecuteFunction"
    assert action.findtext("v11:FunctionName", namespaces=NS) == "onSpamReport"
    assert 'associate("onSpamReport", onSpamReport)' in (OUTLOOK / "src" / "commands.js").read_text()
    dialog = custom.find("v11:PreProcessingDialog", NS)
    assert dialog.find("v11:Title", NS) is not None and dialog.find("v11:Description", NS) is not None
    options = dialog.findall("v11:ReportingOptions/v11:Option", NS)
    assert 1 <= len(options) <= 5 and len(options) == len(_reasons())
    assert dialog.find("v11:FreeTextLabel", NS) is not None
    # the dialog's runtime is the one declared, with the script for classic Outlook
    runtime = v11.find(".//v11:Runtimes/v11:Runtime", NS)
    assert custom.find("v11:SourceLocation", NS).get("resid") == runtime.get("resid")
    assert runtime.find("v11:Override", NS).get("type") == "javascript"


def test_xml_manifest_every_string_in_english_and_japanese():
    root = _xml()
    strings = _strings(root)
    urls = {u.get("id") for u in root.iterfind(".//bt:Urls/bt:Url", NS)}
    images = {i.get("id") for i in root.iterfind(".//bt:Images/bt:Image", NS)}
    used = {e.get("resid") for e in root.iter() if e.get("resid")}
    assert used <= set(strings) | urls | images, used - (set(strings) | urls | images)
    assert set(strings) <= used, "strings nobody uses"
    for resid, (en, ja, kind) in strings.items():
        assert en and ja, f"{resid}: English and Japanese (Override Locale='ja-JP') both needed"
        assert JAPANESE.search(ja) and not JAPANESE.search(en), resid
        assert len(en) <= (125 if kind == "ShortStrings" else 250) and len(ja) <= 125, resid
    for element in ("o:DisplayName", "o:Description"):
        node = root.find(element, NS)
        assert JAPANESE.search(node.find("o:Override[@Locale='ja-JP']", NS).get("Value"))
    # the dialog's options, in both languages, are those of the JSON manifest and its ja-jp.json
    option_ids = [o.get("resid") for o in root.iterfind(".//v11:ReportingOptions/v11:Option", NS)]
    manifest = json.loads((OUTLOOK / "manifest.json").read_text("utf-8"))
    dialog = manifest["extensions"][0]["ribbons"][0]["spamPreProcessingDialog"]
    assert [strings[i][0] for i in option_ids] == dialog["spamReportingOptions"]["options"]
    ja = json.loads((OUTLOOK / "ja-jp.json").read_text("utf-8"))
    prefix = "extensions[0].ribbons[0].spamPreProcessingDialog.spamReportingOptions.options"
    assert [strings[i][1] for i in option_ids] == [ja[f"{prefix}[{n}]"] for n in range(len(option_ids))]


@pytest.fixture(scope="module")
def schemas() -> Path:
    """Microsoft's unified-manifest JSON schemas from npm, installed under addins/ (`make
    addins-deps`); installed here when missing, as CI's fresh clone has no node_modules."""
    if not SCHEMAS.is_dir():
        npm = shutil.which("npm")
        assert npm, "npm is needed for the manifest schemas (make addins-deps)"
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ADDINS, check=True, timeout=300)
    return SCHEMAS


def _errors(schema: Path, doc: Any) -> list[str]:
    import jsonschema_rs

    validator = jsonschema_rs.validator_for(json.loads(schema.read_text("utf-8")))
    return [str(e) for e in validator.iter_errors(doc)]


@pytest.mark.slow
def test_unified_manifest_valid_against_its_schema(schemas):
    manifest = json.loads((OUTLOOK / "manifest.json").read_text("utf-8"))
    version = manifest["manifestVersion"]
    assert manifest["$schema"].endswith(f"/v{version}/MicrosoftTeams.schema.json")
    schema = schemas / f"v{version}" / "MicrosoftTeams.schema.json"
    assert _errors(schema, manifest) == []
    ja = json.loads((OUTLOOK / "ja-jp.json").read_text("utf-8"))
    assert _errors(schemas / f"v{version}" / "MicrosoftTeams.Localization.schema.json", ja) == []
    # the validator does refuse what is wrong: a sixth reporting option, an unknown context
    broken = json.loads(json.dumps(manifest))
    ribbon = broken["extensions"][0]["ribbons"][0]
    ribbon["contexts"] = ["spamReporting"]
    assert _errors(schema, broken)
    # what integrated spam reporting needs
    extension = manifest["extensions"][0]
    assert {"name": "Mailbox", "minVersion": "1.14"} in extension["requirements"]["capabilities"]
    assert extension["ribbons"][0]["contexts"] == ["spamReportingOverride"]
    assert extension["ribbons"][0]["fixedControls"][0]["actionId"] == "onSpamReport"
    assert [a["id"] for a in extension["runtimes"][0]["actions"]] == ["onSpamReport"]
    assert manifest["localizationInfo"]["additionalLanguages"] == [
        {"languageTag": "ja-jp", "file": "ja-jp.json"}
    ]
    assert all(JAPANESE.search(v) for k, v in ja.items() if k != "$schema")


def test_thunderbird_manifest_and_locales():
    manifest = json.loads((THUNDERBIRD / "manifest.json").read_text("utf-8"))
    assert manifest["manifest_version"] == 2
    assert "messagesRead" in manifest["permissions"] and "storage" in manifest["permissions"]
    assert "message_display_action" in manifest and manifest["default_locale"] == "en"
    for script in manifest["background"]["scripts"]:
        assert (THUNDERBIRD / script).is_file()
    assert (THUNDERBIRD / manifest["options_ui"]["page"]).is_file()
    en = json.loads((THUNDERBIRD / "_locales" / "en" / "messages.json").read_text("utf-8"))
    ja = json.loads((THUNDERBIRD / "_locales" / "ja" / "messages.json").read_text("utf-8"))
    assert set(en) == set(ja)
    for key in en:
        assert JAPANESE.search(ja[key]["message"]) and not JAPANESE.search(en[key]["message"]), key
        assert ja[key].get("placeholders") == en[key].get("placeholders"), key
    # every message the manifest, the scripts and the options page name exists
    text = "".join(
        (THUNDERBIRD / f).read_text("utf-8")
        for f in ("manifest.json", "report.js", "options.js", "options.html")
    )
    named = set(re.findall(r"__MSG_(\w+)__", text)) | set(re.findall(r'data-i18n="(\w+)"', text))
    named |= set(re.findall(r'getMessage\("(\w+)"', text)) | set(re.findall(r'tell\(api, tab, "(\w+)"', text))
    assert named and named <= set(en), named - set(en)
    for size, path in manifest["message_display_action"]["default_icon"].items():
        assert (THUNDERBIRD / path).is_file(), size


def test_neither_handler_touches_what_the_message_names():
    """No code path that could open a link: the handlers' only network call is their fetch of
    the API (the browser tests check it at run time; this keeps new calls from creeping in)."""
    for path in (OUTLOOK / "src" / "commands.js", THUNDERBIRD / "report.js"):
        source = path.read_text("utf-8")
        assert source.count("root.fetch(") == 1, path
        for call in (
            "XMLHttpRequest",
            "windows.create",
            "tabs.create",
            "window.open",
            "openDefaultBrowser",
            "Image(",
        ):
            assert call not in source, (path, call)


def _build(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ADDINS / "build.py"), "--dist", str(tmp), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_build_packages_both_add_ins(tmp_path):
    args = (
        "--base-url",
        "https://addins.example.co.jp/mailwarden/",
        "--api-url",
        "https://mailwarden.example.co.jp/",
        "--token",
        "mwr_example",
    )
    done = _build(tmp_path / "a", *args)
    assert done.returncode == 0, done.stderr
    xpi = zipfile.ZipFile(tmp_path / "a" / "mailwarden-thunderbird.xpi")
    names = set(xpi.namelist())
    assert {
        "manifest.json",
        "background.js",
        "report.js",
        "_locales/ja/messages.json",
        "defaults.json",
    } <= names
    manifest = json.loads(xpi.read("manifest.json"))
    assert "https://mailwarden.example.co.jp/*" in manifest["permissions"]
    assert json.loads(xpi.read("defaults.json")) == {
        "serverUrl": "https://mailwarden.example.co.jp",
        "token": "mwr_example",
    }
    files = zipfile.ZipFile(tmp_path / "a" / "mailwarden-outlook-files.zip")
    script = files.read("commands.js").decode()
    config = '{"apiUrl": "https://mailwarden.example.co.jp", "token": "mwr_example"}'
    assert script.startswith(f"globalThis.MAILWARDEN_CONFIG = {config};")
    xml = files.read("manifest.xml").decode()
    assert "localhost:3000" not in xml and "https://addins.example.co.jp/mailwarden/commands.js" in xml
    assert "<AppDomain>https://addins.example.co.jp</AppDomain>" in xml
    package = zipfile.ZipFile(tmp_path / "a" / "mailwarden-outlook.zip")
    assert sorted(package.namelist()) == [
        "assets/icon-128.png",
        "assets/icon-32.png",
        "ja-jp.json",
        "manifest.json",
    ]
    unified = json.loads(package.read("manifest.json"))
    assert unified["validDomains"] == ["https://addins.example.co.jp"]
    assert unified["extensions"][0]["runtimes"][0]["code"]["script"] == (
        "https://addins.example.co.jp/mailwarden/commands.js"
    )
    # the same inputs give the same bytes
    assert _build(tmp_path / "b", *args).returncode == 0
    for name in ("mailwarden-thunderbird.xpi", "mailwarden-outlook.zip", "mailwarden-outlook-files.zip"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_build_refuses_an_http_add_in_address(tmp_path):
    done = _build(tmp_path, "--base-url", "http://addins.example.co.jp")
    assert done.returncode != 0 and "https" in done.stderr
    assert not (tmp_path / "mailwarden-outlook.zip").exists()
