"""Check digits over many numbers of one length at once, in one numpy pass each: the bulk
forms of ``checks.card_ok``, ``checks.my_number_ok`` and ``checks.corporate_number_ok`` for a
column of a table (``kernels``). A module of its own so that numpy (about 20 MB and 0.1 s to
load) is loaded only by a process that meets such a column, not by every gateway worker and
every ``dlp check``; tests compare each with its one-by-one form."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


def _matrix(numbers: Sequence[str]) -> np.ndarray:
    """Numbers of one length as a matrix of their digits."""
    n = len(numbers)
    width = len(numbers[0])
    return (np.frombuffer("".join(numbers).encode("ascii"), dtype=np.uint8).reshape(n, width) - 48).astype(
        np.int32
    )


def luhn_many(numbers: Sequence[str]) -> np.ndarray:
    """``checks.luhn_ok`` for each of ``numbers`` (digits, all of one length of 12 or more)."""
    return _luhn(_matrix(numbers))


def _luhn(d: np.ndarray) -> np.ndarray:
    width = d.shape[1]
    doubled = np.zeros(width, dtype=bool)
    doubled[width - 2 :: -2] = True  # every second digit from the right, the check digit not
    twice = d * 2
    twice = np.where(twice > 9, twice - 9, twice)
    total = np.where(doubled, twice, d).sum(axis=1)
    return np.asarray(total % 10 == 0)


def _within(values: np.ndarray, lo: int, hi: int) -> np.ndarray:
    return np.asarray((values >= lo) & (values <= hi))


def issuer_many(numbers: Sequence[str]) -> np.ndarray:
    """``checks.card_issuer(n) is not None`` for each of ``numbers`` (digits, one length)."""
    return _issuer(_matrix(numbers))


_SIX = np.array([100_000, 10_000, 1_000, 100, 10, 1], dtype=np.int32)


def _issuer(d: np.ndarray) -> np.ndarray:
    n = d.shape[1]
    six = d[:, :6] @ _SIX  # the first six digits as a number
    two, three, four = six // 10_000, six // 1_000, six // 100
    ok = np.zeros(d.shape[0], dtype=bool)
    if n in (16, 17, 18, 19):
        ok |= _within(four, 3528, 3589)  # JCB
    if n in (13, 16, 19):
        ok |= two // 10 == 4  # Visa
    if n == 16:
        ok |= _within(two, 51, 55) | _within(six, 222100, 272099)  # Mastercard
        ok |= (four == 6011) | (two == 65) | _within(three, 644, 649)  # Discover
    if n == 15:
        ok |= (two == 34) | (two == 37)  # American Express
    if n in (14, 16):
        ok |= (two == 36) | (two == 38) | (two == 39) | _within(three, 300, 305)  # Diners Club
    ok |= _within(six, 622126, 622925)  # UnionPay
    if n in (16, 17, 18, 19):
        ok |= two == 62
    return ok


_MY_NUMBER_WEIGHTS = np.array([6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2], dtype=np.int32)  # digits 1–11
_CORPORATE_WEIGHTS = np.array([2, 1] * 6, dtype=np.int32)  # digits 2–13


def my_number_many(numbers: Sequence[str]) -> np.ndarray:
    """``checks.my_number_ok`` for each of ``numbers`` (twelve digits each)."""
    d = _matrix(numbers)
    remainder = (d[:, :11] * _MY_NUMBER_WEIGHTS).sum(axis=1) % 11
    check = np.where(remainder <= 1, 0, 11 - remainder)
    return np.asarray(check == d[:, 11])


def corporate_many(numbers: Sequence[str]) -> np.ndarray:
    """``checks.corporate_number_ok`` for each of ``numbers`` (thirteen digits each)."""
    d = _matrix(numbers)
    total = (d[:, 1:] * _CORPORATE_WEIGHTS).sum(axis=1)
    return np.asarray(9 - total % 9 == d[:, 0])


def cards_many(numbers: Sequence[str]) -> np.ndarray:
    """``checks.card_ok`` for each of ``numbers`` (digits, all of one length)."""
    d = _matrix(numbers)
    return np.asarray(_luhn(d) & _issuer(d))


MANY: dict[str, Callable[[Sequence[str]], np.ndarray]] = {
    "card": cards_many,
    "my_number": my_number_many,
    "corporate_number": corporate_many,
}
