"""The domain authentication audit. Importing the package registers its finding codes."""

from . import codes as codes
