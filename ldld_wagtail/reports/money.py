"""Sums of money as Vietnamese offices write them: `1.234.500` and, on a payment decision, in
words ("Một triệu hai trăm ba mươi tư nghìn năm trăm đồng"), reading every group of three
digits after the first in full ("không trăm linh năm") as accounting documents do."""

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
GROUPS = ("", "nghìn", "triệu", "tỷ")


def vnd(amount: int | None) -> str:
    """`1234500` → "1.234.500"; None → ""."""
    if amount is None:
        return ""
    return f"{amount:,}".replace(",", ".")


def _three(number: int, full: bool) -> list[str]:
    """The words of 0–999; `full` reads the hundreds and a missing ten ("không trăm linh")."""
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens > 1:
            words.append("mốt")
        elif units == 4 and tens > 1:
            words.append("tư")
        elif units == 5 and tens > 0:
            words.append("lăm")
        else:
            words.append(DIGITS[units])
    return words


def in_words(amount: int) -> str:
    """The amount in words, capitalised, with "đồng": `105000` → "Một trăm linh năm nghìn
    đồng"; `0` → "Không đồng"."""
    if amount < 0:
        raise ValueError("a sum paid is not negative")
    if amount == 0:
        return "Không đồng"
    groups = []
    rest = amount
    while rest:
        groups.append(rest % 1000)
        rest //= 1000
    words = []
    for index in range(len(groups) - 1, -1, -1):
        if groups[index]:
            # group 1 "nghìn", 2 "triệu", 3 "tỷ", 4 "nghìn tỷ", 5 "triệu tỷ"…
            name = [GROUPS[index % 3]] if index % 3 else []
            words += _three(groups[index], full=bool(words)) + name + ["tỷ"] * (index // 3)
    text = " ".join(word for word in words if word)
    return text[0].upper() + text[1:] + " đồng"
