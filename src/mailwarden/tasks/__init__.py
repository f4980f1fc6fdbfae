"""Jobs: long work (surveys, audits, DMARC ingestion and mailbox polls, scans) split into items
whose results are stored once each. With the embedded database they run in-process; on a
PostgreSQL deployment they are queued on Procrastinate and run by ``mailwarden worker`` on any
host (:mod:`.queue`, :mod:`.worker`)."""
