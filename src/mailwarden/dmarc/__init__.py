"""DMARC aggregate and failure reports, SMTP TLS reports: ingest, store, analyse, advise."""
