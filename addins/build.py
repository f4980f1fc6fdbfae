"""Package the report buttons (``make addins``): addins/dist/.

- ``mailwarden-outlook.zip``: the Outlook app package for the unified manifest (manifest.json,
  its Japanese strings ja-jp.json and the two icons it names), to upload in the admin center;
- ``mailwarden-outlook-files.zip``: what to host at the add-in's address (commands.html,
  commands.js with the server's address and token written in front, the icons) and the
  add-in-only XML manifest (manifest.xml) for the same address;
- ``mailwarden-thunderbird.xpi``: the Thunderbird add-on. Given a server and a token, they are
  its defaults (defaults.json) and the server's origin is a permission it has from install.

Settings (make variables or the environment): ADDIN_BASE_URL (https, where the Outlook files
are served), MAILWARDEN_REPORT_URL (the mailwarden server), MAILWARDEN_REPORT_TOKEN (an API
token, ``mailwarden token create outlook``). Zips are reproducible: sorted, fixed times."""

from __future__ import annotations

import argparse
import json
import os
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
#: the address the sources name; the build writes ADDIN_BASE_URL in its place
DEV_BASE = "https://localhost:3000"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
THUNDERBIRD_FILES = (
    "manifest.json",
    "background.js",
    "report.js",
    "options.html",
    "options.js",
    "_locales/en/messages.json",
    "_locales/ja/messages.json",
    "icons/icon-16.png",
    "icons/icon-32.png",
    "icons/icon-64.png",
)


def write_zip(path: Path, files: dict[str, bytes]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[name])
    return path


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise SystemExit(f"not an http(s) address: {url!r}")
    return f"{parts.scheme}://{parts.netloc}"


def outlook(base_url: str, api_url: str, token: str, dist: Path) -> list[Path]:
    src = HERE / "outlook"
    base = origin_of(base_url) + urlsplit(base_url).path.rstrip("/")
    if not base.startswith("https://"):
        raise SystemExit("ADDIN_BASE_URL must be https: Outlook loads add-ins only over HTTPS")

    def text(name: str) -> bytes:
        # file addresses under the base; the bare origin where a domain is named (AppDomain)
        source = (src / name).read_text(encoding="utf-8")
        return source.replace(DEV_BASE + "/", base + "/").replace(DEV_BASE, origin_of(base)).encode()

    config = {"apiUrl": api_url.rstrip("/"), "token": token}
    script = (
        f"globalThis.MAILWARDEN_CONFIG = {json.dumps(config)};\n".encode()
        + (src / "src" / "commands.js").read_bytes()
    )
    icons = {f"assets/{p.name}": p.read_bytes() for p in sorted((src / "assets").glob("*.png"))}
    package = {
        "manifest.json": text("manifest.json"),
        "ja-jp.json": text("ja-jp.json"),
        "assets/icon-32.png": icons["assets/icon-32.png"],
        "assets/icon-128.png": icons["assets/icon-128.png"],
    }
    hosted = {
        "manifest.xml": text("manifest.xml"),
        "commands.html": (src / "src" / "commands.html").read_bytes(),
        "commands.js": script,
        **icons,
    }
    return [
        write_zip(dist / "mailwarden-outlook.zip", package),
        write_zip(dist / "mailwarden-outlook-files.zip", hosted),
    ]


def thunderbird(api_url: str, token: str, dist: Path) -> Path:
    src = HERE / "thunderbird"
    files = {name: (src / name).read_bytes() for name in THUNDERBIRD_FILES}
    if api_url:
        manifest = json.loads(files["manifest.json"])
        manifest["permissions"].append(origin_of(api_url) + "/*")
        files["manifest.json"] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
        defaults = {"serverUrl": api_url.rstrip("/"), "token": token}
        files["defaults.json"] = (json.dumps(defaults) + "\n").encode()
    return write_zip(dist / "mailwarden-thunderbird.xpi", files)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base-url", default=os.environ.get("ADDIN_BASE_URL") or DEV_BASE)
    ap.add_argument("--api-url", default=os.environ.get("MAILWARDEN_REPORT_URL", ""))
    ap.add_argument("--token", default=os.environ.get("MAILWARDEN_REPORT_TOKEN", ""))
    ap.add_argument("--dist", type=Path, default=HERE / "dist")
    args = ap.parse_args(argv)
    if args.api_url:
        origin_of(args.api_url)
    built = [*outlook(args.base_url, args.api_url, args.token, args.dist)]
    built.append(thunderbird(args.api_url, args.token, args.dist))
    for path in built:
        print(path)
    if not args.api_url or not args.token:
        print(
            "note: no MAILWARDEN_REPORT_URL/MAILWARDEN_REPORT_TOKEN: Outlook's button will say it is not"
            " configured; Thunderbird's asks for them in its options",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
