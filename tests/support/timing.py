"""One constant for the DNS timeouts of the tests: generous enough for a loaded two-core
machine (a timeout under 2 s made tests fail under load), and the only place to change it."""

DNS_TIMEOUT = 2.0
