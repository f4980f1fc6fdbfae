"""Post-quantum readiness of mail cryptography: an inventory of the organisation's keys,
certificates and TLS sessions (DKIM, MX STARTTLS, S/MIME, OpenPGP, mailwarden's own
listeners), each classified by quantum exposure and NIST IR 8547's dates, a migration plan, and
a CycloneDX 1.6 CBOM."""
