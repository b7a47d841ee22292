"""Ukrainian personal names: first names by gender, patronymics, surnames that inflect by gender
and that do not, KMU-2010 transliteration, apostrophe variants and one-edit typos."""

from __future__ import annotations

import random

#: The three apostrophes Ukrainians type: modifier letter (the official one), ASCII, right quote.
APOSTROPHES = ("ʼ", "'", "’")

MALE_FIRST_NAMES = (
    "Олександр", "Андрій", "Сергій", "Володимир", "Дмитро", "Максим", "Іван", "Микола",
    "Віктор", "Юрій", "Олег", "Василь", "Богдан", "Тарас", "Ярослав", "Петро", "Михайло",
    "Роман", "Ігор", "Артем", "Денис", "Віталій", "Євген", "Степан", "Остап", "Назар",
    "Святослав", "Григорій", "Павло", "Анатолій", "В'ячеслав", "Олексій", "Костянтин",
    "Ілля", "Орест", "Любомир", "Вадим", "Руслан", "Станіслав", "Захар", "Матвій", "Данило",
)  # fmt: skip

FEMALE_FIRST_NAMES = (
    "Олена", "Наталія", "Ірина", "Тетяна", "Оксана", "Світлана", "Юлія", "Марія", "Анна",
    "Катерина", "Людмила", "Галина", "Ольга", "Вікторія", "Дарина", "Софія", "Анастасія",
    "Христина", "Мар'яна", "Дар'я", "Соломія", "Ярослава", "Лариса", "Надія", "Віра",
    "Любов", "Богдана", "Зоряна", "Уляна", "Валентина", "Ганна", "Леся", "Іванна", "Аліна",
    "Інна", "Олеся", "Євгенія", "Поліна",
)  # fmt: skip

#: Father's name → (son's patronymic, daughter's patronymic).
PATRONYMICS = (
    ("Олександрович", "Олександрівна"), ("Андрійович", "Андріївна"),
    ("Сергійович", "Сергіївна"), ("Володимирович", "Володимирівна"),
    ("Дмитрович", "Дмитрівна"), ("Іванович", "Іванівна"), ("Миколайович", "Миколаївна"),
    ("Вікторович", "Вікторівна"), ("Юрійович", "Юріївна"), ("Олегович", "Олегівна"),
    ("Васильович", "Василівна"), ("Богданович", "Богданівна"), ("Петрович", "Петрівна"),
    ("Михайлович", "Михайлівна"), ("Романович", "Романівна"), ("Ігорович", "Ігорівна"),
    ("Степанович", "Степанівна"), ("Григорович", "Григорівна"), ("Павлович", "Павлівна"),
    ("Анатолійович", "Анатоліївна"), ("В'ячеславович", "В'ячеславівна"),
    ("Олексійович", "Олексіївна"), ("Ярославович", "Ярославівна"), ("Ілліч", "Іллівна"),
)  # fmt: skip

#: Surnames that change with gender: (male, female).
INFLECTING_SURNAMES = (
    ("Ковальський", "Ковальська"), ("Яворський", "Яворська"), ("Вишневський", "Вишневська"),
    ("Левицький", "Левицька"), ("Білецький", "Білецька"), ("Городецький", "Городецька"),
    ("Садовський", "Садовська"), ("Заславський", "Заславська"), ("Грицький", "Грицька"),
    ("Іванов", "Іванова"), ("Петров", "Петрова"), ("Соколов", "Соколова"),
    ("Морозов", "Морозова"), ("Шаповалов", "Шаповалова"), ("Дем'янов", "Дем'янова"),
    ("Кучерявий", "Кучерява"), ("Білий", "Біла"), ("Чорний", "Чорна"),
)  # fmt: skip

#: Surnames the same for men and women.
INVARIANT_SURNAMES = (
    "Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Лисенко", "Руденко",
    "Марченко", "Петренко", "Савченко", "Дем'яненко", "Мар'яненко", "Олійник", "Мельник",
    "Шевчук", "Поліщук", "Ковальчук", "Савчук", "Ткачук", "Марчук", "Кравчук", "Бойчук",
    "П'ятничук", "Гнатюк", "Панасюк", "Семенюк", "Романюк", "Гуменюк", "Бойко", "Мороз",
    "Кравець", "Гордій", "Бабій", "Чорній", "Мурій", "Сидорук", "Остапчук", "Дячук",
    "Процюк", "Литвин", "Лук'янчук", "Зінчук",
)  # fmt: skip

#: Honorific status IDs of the CRM's HONORIFIC list (пан / пані), by gender.
HONORIFIC_MALE = "HNR_UA_1"
HONORIFIC_FEMALE = "HNR_UA_2"

_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia", "'": "", "ʼ": "", "’": "",
}  # fmt: skip
#: KMU-2010: these letters take another form at the start of a word.
_TRANSLIT_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

_translit_cache: dict[str, str] = {}


def transliterate(text: str) -> str:
    """Ukrainian Cyrillic → Latin by the Cabinet of Ministers' 2010 rules (passport style).

    "зг" becomes "zgh" (Згорани → Zghorany); apostrophes and soft signs vanish; other
    characters pass through.
    """
    cached = _translit_cache.get(text)
    if cached is not None:
        return cached
    out: list[str] = []
    at_word_start = True
    previous = ""
    for ch in text:
        lower = ch.lower()
        if lower in _TRANSLIT:
            if at_word_start and lower in _TRANSLIT_INITIAL:
                latin = _TRANSLIT_INITIAL[lower]
            elif lower == "г" and previous == "з":
                latin = "gh"
            else:
                latin = _TRANSLIT[lower]
            if ch != lower and latin:
                latin = latin[0].upper() + latin[1:]
            out.append(latin)
            at_word_start = False
        else:
            out.append(ch)
            at_word_start = not ch.isalpha()
        previous = lower
    result = "".join(out)
    _translit_cache[text] = result
    return result


def with_apostrophe(text: str, apostrophe: str) -> str:
    """``text`` with every apostrophe written as ``apostrophe`` (one of APOSTROPHES)."""
    for mark in APOSTROPHES:
        if mark != apostrophe:
            text = text.replace(mark, apostrophe)
    return text


def has_apostrophe(text: str) -> bool:
    return any(mark in text for mark in APOSTROPHES)


_TYPO_LETTERS = "аеиіоувнрк"


def one_edit_typo(rng: random.Random, word: str) -> str:
    """``word`` with exactly one edit (a dropped, doubled, swapped or replaced letter) inside it.

    The first letter stays, so the typo is the kind a person makes while typing fast.
    """
    for _ in range(20):
        kind = rng.randrange(4)
        pos = rng.randrange(1, len(word) - 1)
        if kind == 0:
            typo = word[:pos] + word[pos + 1 :]
        elif kind == 1:
            typo = word[:pos] + word[pos] + word[pos:]
        elif kind == 2:
            typo = word[:pos] + word[pos + 1] + word[pos] + word[pos + 2 :]
        else:
            typo = word[:pos] + rng.choice(_TYPO_LETTERS) + word[pos + 1 :]
        if typo != word and not has_apostrophe(typo[pos - 1 : pos + 2]):
            return typo
    return word[:-1] + ("а" if word[-1] != "а" else "о")


def surname_for(index: int, male: bool) -> str:
    """The surname with pool index ``index`` in its male or female form."""
    if index < len(INFLECTING_SURNAMES):
        pair = INFLECTING_SURNAMES[index]
        return pair[0] if male else pair[1]
    return INVARIANT_SURNAMES[index - len(INFLECTING_SURNAMES)]


SURNAME_COUNT = len(INFLECTING_SURNAMES) + len(INVARIANT_SURNAMES)
