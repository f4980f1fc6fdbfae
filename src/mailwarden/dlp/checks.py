"""Check digits and structure of the identifiers the detectors look for."""

from __future__ import annotations


def my_number_ok(digits: str) -> bool:
    """個人番号 (My Number): 12 digits, the last a check digit (番号法施行令 §8)."""
    if len(digits) != 12 or not digits.isdigit():
        return False
    body = [int(d) for d in digits[:11]]
    total = 0
    for n, p in enumerate(reversed(body), start=1):
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    remainder = total % 11
    check = 0 if remainder <= 1 else 11 - remainder
    return check == int(digits[11])


def corporate_number_ok(digits: str) -> bool:
    """法人番号: 13 digits, the first a check digit over the other twelve."""
    if len(digits) != 13 or not digits.isdigit():
        return False
    body = [int(d) for d in digits[1:]]
    total = sum(p * (1 if n % 2 else 2) for n, p in enumerate(reversed(body), start=1))
    return 9 - total % 9 == int(digits[0])


_DOUBLED = str.maketrans("0123456789", "0246813579")  # each digit doubled, digits of that summed


def luhn_ok(digits: str) -> bool:
    if not (digits.isascii() and digits.isdigit()) or len(digits) < 12:
        return False
    backwards = digits[::-1]
    total = sum(map(int, backwards[0::2])) + sum(map(int, backwards[1::2].translate(_DOUBLED)))
    return total % 10 == 0


def card_issuer(digits: str) -> str | None:
    """The card network by issuer range, or None for numbers no network issues."""
    n = len(digits)
    two, four, six = int(digits[:2]), int(digits[:4]), int(digits[:6])
    if 3528 <= four <= 3589 and n in (16, 17, 18, 19):
        return "JCB"
    if digits[0] == "4" and n in (13, 16, 19):
        return "Visa"
    if (51 <= two <= 55 or 222100 <= six <= 272099) and n == 16:
        return "Mastercard"
    if two in (34, 37) and n == 15:
        return "American Express"
    if (two in (36, 38, 39) or 300 <= int(digits[:3]) <= 305) and n in (14, 16):
        return "Diners Club"
    if (digits.startswith("6011") or digits.startswith("65") or 644 <= int(digits[:3]) <= 649) and n == 16:
        return "Discover"
    if 622126 <= six <= 622925 or (digits.startswith("62") and n in (16, 17, 18, 19)):
        return "UnionPay"
    return None


def iban_ok(text: str) -> bool:
    s = text.replace(" ", "").upper()
    if not (15 <= len(s) <= 34) or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    moved = s[4:] + s[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return int(number) % 97 == 1


def ssn_ok(area: str, group: str, serial: str) -> bool:
    a = int(area)
    return a not in (0, 666) and a < 900 and group != "00" and serial != "0000"


def card_ok(digits: str) -> bool:
    """Luhn and a known issuer's range: a payment card number."""
    return luhn_ok(digits) and card_issuer(digits) is not None
