"""Runs Prowler (``.venv-prowler``) against a moto server: ``.venv-prowler/bin/python
tests/support/prowler_launch.py aws --checks …`` is ``prowler aws --checks …`` with one
difference, below. Not imported by the tests: it runs in Prowler's own interpreter.

Prowler 5.46.0 pins botocore 1.40.61; the moto server (the project's ``.venv``) routes
REST-JSON requests by the operations of *its* botocore (1.44), in which SESv2's
``ListEmailIdentities`` and ``ListConfigurationSets`` moved from ``GET /v2/email/identities``
(``…/configuration-sets``, parameters in the query string) to ``POST /v2/email/list-identities``
(``…/list-configuration-sets``, parameters in a JSON body). Real SES answers both; moto answers
only the newer, so Prowler's SES identities would come back 404 (and its SES checks see no
identity). This launcher gives Prowler's botocore the newer route for those two operations,
nothing else; Prowler's code and checks are untouched."""

from __future__ import annotations

import re
import sys
from typing import Any

#: operation → its route in botocore ≥ 1.43 (the moto server's)
SESV2_ROUTES = {
    "ListEmailIdentities": "/v2/email/list-identities",
    "ListConfigurationSets": "/v2/email/list-configuration-sets",
}


def patch_botocore() -> None:
    from botocore.loaders import Loader

    original = Loader.load_service_model

    def load_service_model(self: Any, service_name: str, type_name: str, api_version: Any = None) -> Any:
        model = original(self, service_name, type_name, api_version)
        if service_name == "sesv2" and type_name == "service-2":
            for name, uri in SESV2_ROUTES.items():
                op = model["operations"].get(name)
                if op is None or op["http"].get("requestUri") == uri:
                    continue
                op["http"] = {**op["http"], "method": "POST", "requestUri": uri}
                shape = model["shapes"][op["input"]["shape"]]
                for member in shape.get("members", {}).values():  # query string → JSON body
                    member.pop("location", None)
                    member.pop("locationName", None)
        return model

    Loader.load_service_model = load_service_model  # type: ignore[method-assign]


if __name__ == "__main__":
    patch_botocore()
    from prowler.__main__ import prowler

    sys.argv[0] = re.sub(r"(-script\.pyw|\.exe)?$", "", sys.argv[0])
    sys.exit(prowler())
