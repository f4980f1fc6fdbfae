"""mailwarden's exception tree.

    MailwardenError
    ├── ConfigError            bad settings or arguments from the user
    ├── InputError             bad input from the outside world (a name, a file)
    │   ├── InvalidDomainError a domain name that cannot be queried
    │   └── ReportRejected     a report that cannot be stored, with the reason
    ├── DnsError               a DNS question that could not be answered
    │   └── DnsTemporaryError  timeout, SERVFAIL, REFUSED: the answer is unknown
    └── StoreError             the database could not do what was asked

Parsers of outside data raise ``InputError`` subclasses; checks catch them and turn
them into findings, so a bad record never aborts a run.
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


class DnsError(MailwardenError):
    """A DNS question that could not be answered."""


class DnsTemporaryError(DnsError):
    """Timeout, SERVFAIL or REFUSED: the answer is unknown, not negative."""


class StoreError(MailwardenError):
    """The database could not do what was asked."""
