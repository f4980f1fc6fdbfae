"""Writes the generated parts of the cloud docs: the audit's IAM policy in docs/cloud.md (between
``<!-- policy -->`` and the end of its code block) and docs/cloud-checks{,.ja}.md. Run by
``make docs``; tests/cloud/test_audit.py checks they are current."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    from mailwarden.cloud.audit import policy_document

    doc = ROOT / "docs" / "cloud.md"
    text = doc.read_text(encoding="utf-8")
    policy = json.dumps(policy_document(), indent=2)
    text = re.sub(r"(<!-- policy -->\n```json\n).*?(\n```)", lambda m: m[1] + policy + m[2], text, flags=re.S)
    doc.write_text(text, encoding="utf-8")
    mw = str(Path(sys.executable).with_name("mailwarden"))
    for lang, name in (("en", "cloud-checks.md"), ("ja", "cloud-checks.ja.md")):
        out = subprocess.run(
            [mw, "cloud", "checks", "--format", "markdown", "--lang", lang],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (ROOT / "docs" / name).write_text(out, encoding="utf-8")


if __name__ == "__main__":
    main()
