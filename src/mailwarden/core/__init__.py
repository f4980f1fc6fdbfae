"""Pieces shared by every feature: config, DNS, findings, storage, i18n."""
