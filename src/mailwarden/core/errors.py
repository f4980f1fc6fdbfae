"""mailwarden's exception tree.

    MailwardenError
    ├── ConfigError            bad settings or arguments from the user
    ├── InputError             bad input from the outside world (a name, a file)
    │   ├── InvalidDomainError a domain name that cannot be queried
    │   └── ReportRejected     a report that cannot be stored, with the reason
    │       └── ForbiddenConstruct  a DTD or entity declaration: refused outright
    └── StoreError             the database could not be used (raised by core/store for
                               SQLAlchemy's operational errors, so no caller needs to know it)

Parsers of outside data raise ``InputError`` subclasses; checks catch them and turn
them into findings, so a bad record never aborts a run. The CLI turns every one of them into
a sentence and exit code 2 (``cli/main.py``). A DNS question that cannot be answered is not an
exception: it is an answer with a status (``core/dns.Status``), which checks report as
"could not determine".
"""

from __future__ import annotations


class MailwardenError(Exception):
    """Root of every error mailwarden raises on purpose."""


class ConfigError(MailwardenError):
    """Settings or arguments that cannot be used."""


class InputError(MailwardenError):
    """Input from outside that cannot be used as it is."""


class InvalidDomainError(InputError):
    """A domain name that is not a valid DNS name."""


class ReportRejected(InputError):
    """A DMARC or TLS report that cannot be stored; the message says why."""


class ForbiddenConstruct(ReportRejected):
    """A report that declares a DTD or entities: refused outright, never "repaired"."""


class StoreError(MailwardenError):
    """The database could not be used (unreachable, unwritable, locked); the message says why."""
