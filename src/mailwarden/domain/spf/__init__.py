"""SPF (RFC 7208): parse records, evaluate ``check_host()``, audit a domain's SPF."""

from .evaluate import SpfResult, check_host
from .record import Mechanism, Modifier, SpfRecord, SpfSyntaxError, parse_record

__all__ = [
    "Mechanism",
    "Modifier",
    "SpfRecord",
    "SpfResult",
    "SpfSyntaxError",
    "check_host",
    "parse_record",
]
