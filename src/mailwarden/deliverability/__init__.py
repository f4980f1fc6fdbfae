"""Deliverability and bulk-sender compliance: the sending providers' events (webhooks), the
bounce and complaint rates against each receiver's thresholds, alerts, Google Postmaster Tools,
and a sender test inbox that grades a real outgoing message against the receivers' rules."""
