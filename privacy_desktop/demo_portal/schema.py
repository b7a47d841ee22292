"""Field descriptions: crm.<entity>.userfield.list rows and crm.<entity>.fields / user.fields.

Titles are Ukrainian, as a portal whose language is Ukrainian answers.
"""

from __future__ import annotations

from typing import Any

#: (FIELD_NAME, USER_TYPE_ID, Ukrainian label) of the custom fields per entity.
_USERFIELDS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "contact": (
        ("UF_CRM_TAX_NUMBER", "string", "РНОКПП (ІПН)"),
        ("UF_CRM_PASSPORT", "string", "Паспорт (серія та номер)"),
        ("UF_CRM_NOTES", "string", "Примітки менеджера"),
        ("UF_CRM_LOYALTY_LEVEL", "enumeration", "Рівень лояльності"),
    ),
    "lead": (
        ("UF_CRM_TAX_NUMBER", "string", "РНОКПП (ІПН)"),
        ("UF_CRM_PASSPORT", "string", "Паспорт (серія та номер)"),
        ("UF_CRM_NOTES", "string", "Примітки менеджера"),
        ("UF_CRM_LOYALTY_LEVEL", "enumeration", "Рівень лояльності"),
    ),
    "company": (
        ("UF_CRM_NOTES", "string", "Примітки менеджера"),
        ("UF_CRM_LOYALTY_LEVEL", "enumeration", "Рівень лояльності"),
    ),
    "deal": (
        ("UF_CRM_DELIVERY_ADDRESS", "address", "Адреса доставки"),
        ("UF_CRM_CONTRACT_NO", "string", "Номер договору"),
    ),
}
_UF_ENTITY_IDS = {
    "contact": "CRM_CONTACT",
    "lead": "CRM_LEAD",
    "company": "CRM_COMPANY",
    "deal": "CRM_DEAL",
}
LOYALTY_ITEMS = (
    {"ID": "45", "VALUE": "Бронзовий", "DEF": "N", "SORT": "100", "XML_ID": "bronze"},
    {"ID": "46", "VALUE": "Срібний", "DEF": "N", "SORT": "200", "XML_ID": "silver"},
    {"ID": "47", "VALUE": "Золотий", "DEF": "N", "SORT": "300", "XML_ID": "gold"},
)

# Standard fields: (code, type, title, flags). Flags: r required, o read-only, i immutable,
# m multiple.
_COMMON_PERSON = (
    ("HONORIFIC", "crm_status", "Звернення", ""),
    ("NAME", "string", "Ім'я", ""),
    ("SECOND_NAME", "string", "По батькові", ""),
    ("LAST_NAME", "string", "Прізвище", ""),
    ("BIRTHDATE", "date", "Дата народження", ""),
    ("POST", "string", "Посада", ""),
    ("ADDRESS", "string", "Адреса", ""),
    ("ADDRESS_2", "string", "Адреса (рядок 2)", ""),
    ("ADDRESS_CITY", "string", "Місто", ""),
    ("ADDRESS_POSTAL_CODE", "string", "Поштовий індекс", ""),
    ("ADDRESS_REGION", "string", "Район", ""),
    ("ADDRESS_PROVINCE", "string", "Область", ""),
    ("ADDRESS_COUNTRY", "string", "Країна", ""),
    ("HAS_PHONE", "char", "Задано телефон", "o"),
    ("HAS_EMAIL", "char", "Задано e-mail", "o"),
    ("HAS_IMOL", "char", "Задано відкриту лінію", "o"),
    ("PHONE", "crm_multifield", "Телефон", "m"),
    ("EMAIL", "crm_multifield", "E-mail", "m"),
    ("WEB", "crm_multifield", "Сайт", "m"),
    ("IM", "crm_multifield", "Месенджер", "m"),
)
_COMMON_AUDIT = (
    ("ID", "integer", "ID", "o"),
    ("ASSIGNED_BY_ID", "user", "Відповідальний", ""),
    ("CREATED_BY_ID", "user", "Ким створено", "o"),
    ("MODIFY_BY_ID", "user", "Ким змінено", "o"),
    ("DATE_CREATE", "datetime", "Дата створення", "o"),
    ("DATE_MODIFY", "datetime", "Дата зміни", "o"),
    ("OPENED", "char", "Доступний для всіх", ""),
    ("COMMENTS", "string", "Коментар", ""),
    ("ORIGINATOR_ID", "string", "Зовнішнє джерело", ""),
    ("ORIGIN_ID", "string", "Ідентифікатор елемента в джерелі даних", ""),
)
_SOURCE = (("SOURCE_ID", "crm_status", "Джерело", ""),)  # companies have no source
_STANDARD: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "contact": (
        *_COMMON_AUDIT,
        *_SOURCE,
        *_COMMON_PERSON,
        ("TYPE_ID", "crm_status", "Тип контакту", ""),
        ("PHOTO", "file", "Фотографія", ""),
        ("EXPORT", "char", "Брати участь в експорті контактів", ""),
        ("COMPANY_ID", "crm_company", "Компанія", ""),
        ("LEAD_ID", "crm_lead", "Лід", "o"),
        ("SOURCE_DESCRIPTION", "text", "Додатково про джерело", ""),
        ("ORIGIN_VERSION", "string", "Версія оригіналу", ""),
        ("UTM_SOURCE", "string", "Рекламна система", ""),
        ("UTM_MEDIUM", "string", "Тип трафіку", ""),
        ("UTM_CAMPAIGN", "string", "Позначення рекламної кампанії", ""),
    ),
    "lead": (
        *_COMMON_AUDIT,
        *_SOURCE,
        *_COMMON_PERSON,
        ("TITLE", "string", "Назва ліда", ""),
        ("STATUS_ID", "crm_status", "Стадія", ""),
        ("STATUS_SEMANTIC_ID", "string", "Стан статусу", "o"),
        ("STATUS_DESCRIPTION", "string", "Додатково про стадію", ""),
        ("SOURCE_DESCRIPTION", "string", "Додатково про джерело", ""),
        ("COMPANY_TITLE", "string", "Назва компанії", ""),
        ("COMPANY_ID", "crm_company", "Компанія", "o"),
        ("CONTACT_ID", "crm_contact", "Контакт", "o"),
        ("IS_RETURN_CUSTOMER", "char", "Повторний лід", "o"),
        ("CURRENCY_ID", "crm_currency", "Валюта", ""),
        ("OPPORTUNITY", "double", "Сума", ""),
        ("IS_MANUAL_OPPORTUNITY", "char", "Ручне введення суми", ""),
        ("DATE_CLOSED", "datetime", "Дата закриття", "o"),
        ("UTM_SOURCE", "string", "Рекламна система", ""),
        ("UTM_MEDIUM", "string", "Тип трафіку", ""),
        ("UTM_CAMPAIGN", "string", "Позначення рекламної кампанії", ""),
    ),
    "company": (
        *_COMMON_AUDIT,
        ("TITLE", "string", "Назва компанії", "r"),
        ("COMPANY_TYPE", "crm_status", "Тип компанії", ""),
        ("INDUSTRY", "crm_status", "Сфера діяльності", ""),
        ("EMPLOYEES", "crm_status", "Кількість співробітників", ""),
        ("REVENUE", "double", "Річний оборот", ""),
        ("CURRENCY_ID", "crm_currency", "Валюта", ""),
        ("IS_MY_COMPANY", "char", "Моя компанія", ""),
        ("ADDRESS", "string", "Адреса", ""),
        ("ADDRESS_CITY", "string", "Місто", ""),
        ("ADDRESS_POSTAL_CODE", "string", "Поштовий індекс", ""),
        ("ADDRESS_PROVINCE", "string", "Область", ""),
        ("ADDRESS_COUNTRY", "string", "Країна", ""),
        ("ADDRESS_LEGAL", "string", "Юридична адреса", ""),
        ("BANKING_DETAILS", "string", "Банківські реквізити", ""),
        ("LEAD_ID", "crm_lead", "Лід", "o"),
        ("ORIGIN_VERSION", "string", "Версія оригіналу", ""),
        ("HAS_PHONE", "char", "Задано телефон", "o"),
        ("HAS_EMAIL", "char", "Задано e-mail", "o"),
        ("HAS_IMOL", "char", "Задано відкриту лінію", "o"),
        ("PHONE", "crm_multifield", "Телефон", "m"),
        ("EMAIL", "crm_multifield", "E-mail", "m"),
        ("WEB", "crm_multifield", "Сайт", "m"),
    ),
    "deal": (
        *_COMMON_AUDIT,
        *_SOURCE,
        ("TITLE", "string", "Назва", ""),
        ("TYPE_ID", "crm_status", "Тип", ""),
        ("CATEGORY_ID", "crm_category", "Напрямок", "i"),
        ("STAGE_ID", "crm_status", "Стадія угоди", ""),
        ("STAGE_SEMANTIC_ID", "string", "Група стадії", "o"),
        ("IS_NEW", "char", "Нова угода", "o"),
        ("IS_RECURRING", "char", "Регулярна угода", ""),
        ("PROBABILITY", "integer", "Імовірність", ""),
        ("CURRENCY_ID", "crm_currency", "Валюта", ""),
        ("OPPORTUNITY", "double", "Сума", ""),
        ("IS_MANUAL_OPPORTUNITY", "char", "Ручне введення суми", ""),
        ("TAX_VALUE", "double", "Ставка податку", ""),
        ("COMPANY_ID", "crm_company", "Компанія", ""),
        ("CONTACT_ID", "crm_contact", "Контакт", ""),
        ("LEAD_ID", "crm_lead", "Лід", "o"),
        ("BEGINDATE", "date", "Дата початку", ""),
        ("CLOSEDATE", "date", "Дата завершення", ""),
        ("CLOSED", "char", "Угода закрита", ""),
        ("ADDITIONAL_INFO", "string", "Додаткова інформація", ""),
        ("SOURCE_DESCRIPTION", "string", "Додатково про джерело", ""),
    ),
}
_STATUS_TYPES = {
    "HONORIFIC": "HONORIFIC",
    "SOURCE_ID": "SOURCE",
    "TYPE_ID": "CONTACT_TYPE",
    "STATUS_ID": "STATUS",
    "COMPANY_TYPE": "COMPANY_TYPE",
    "INDUSTRY": "INDUSTRY",
    "EMPLOYEES": "EMPLOYEES",
    "STAGE_ID": "DEAL_STAGE",
}
_USER_FIELDS = (
    ("ID", "ID"),
    ("XML_ID", "Зовнішній код"),
    ("ACTIVE", "Активність"),
    ("NAME", "Ім'я"),
    ("LAST_NAME", "Прізвище"),
    ("SECOND_NAME", "По батькові"),
    ("TITLE", "Звернення"),
    ("EMAIL", "E-mail"),
    ("LAST_LOGIN", "Остання авторизація"),
    ("DATE_REGISTER", "Дата реєстрації"),
    ("TIME_ZONE", "Часовий пояс"),
    ("IS_ONLINE", "Онлайн"),
    ("TIMESTAMP_X", "Дата зміни"),
    ("LAST_ACTIVITY_DATE", "Остання дія"),
    ("PERSONAL_GENDER", "Стать"),
    ("PERSONAL_PROFESSION", "Професія"),
    ("PERSONAL_WWW", "Особистий сайт"),
    ("PERSONAL_BIRTHDAY", "Дата народження"),
    ("PERSONAL_PHOTO", "Фотографія"),
    ("PERSONAL_ICQ", "ICQ"),
    ("PERSONAL_PHONE", "Особистий телефон"),
    ("PERSONAL_FAX", "Факс"),
    ("PERSONAL_MOBILE", "Мобільний телефон"),
    ("PERSONAL_PAGER", "Пейджер"),
    ("PERSONAL_STREET", "Вулиця, будинок"),
    ("PERSONAL_CITY", "Місто"),
    ("PERSONAL_STATE", "Область"),
    ("PERSONAL_ZIP", "Поштовий індекс"),
    ("PERSONAL_COUNTRY", "Країна"),
    ("PERSONAL_MAILBOX", "Поштова скринька"),
    ("PERSONAL_NOTES", "Додаткові нотатки"),
    ("WORK_COMPANY", "Компанія"),
    ("WORK_POSITION", "Посада"),
    ("WORK_PHONE", "Робочий телефон"),
    ("UF_DEPARTMENT", "Підрозділи"),
    ("UF_PHONE_INNER", "Внутрішній номер"),
    ("UF_SKYPE", "Skype"),
    ("UF_EMPLOYMENT_DATE", "Дата прийому на роботу"),
    ("TIME_ZONE_OFFSET", "Зміщення часового поясу"),
    ("WORK_DEPARTMENT", "Відділ"),
    ("WORK_WWW", "Робочий сайт"),
    ("WORK_FAX", "Робочий факс"),
    ("WORK_STREET", "Робоча адреса"),
    ("WORK_CITY", "Місто (робота)"),
    ("WORK_STATE", "Область (робота)"),
    ("WORK_ZIP", "Поштовий індекс (робота)"),
    ("WORK_COUNTRY", "Країна (робота)"),
    ("UF_INTERESTS", "Інтереси"),
    ("USER_TYPE", "Тип користувача"),
)


def userfield_rows() -> dict[str, list[dict[str, Any]]]:
    """crm.<entity>.userfield.list rows per entity."""
    rows: dict[str, list[dict[str, Any]]] = {}
    next_id = 101
    for entity, fields in _USERFIELDS.items():
        entity_rows = []
        for sort, (name, type_id, _label) in enumerate(fields, start=1):
            row: dict[str, Any] = {
                "ID": str(next_id),
                "ENTITY_ID": _UF_ENTITY_IDS[entity],
                "FIELD_NAME": name,
                "USER_TYPE_ID": type_id,
                "XML_ID": name.removeprefix("UF_CRM_"),
                "SORT": str(sort * 100),
                "MULTIPLE": "N",
                "MANDATORY": "N",
                "SHOW_FILTER": "E",
                "SHOW_IN_LIST": "Y",
                "EDIT_IN_LIST": "Y",
                "IS_SEARCHABLE": "Y" if type_id == "string" else "N",
                "SETTINGS": _settings(type_id),
            }
            if type_id == "enumeration":
                row["LIST"] = [dict(item) for item in LOYALTY_ITEMS]
            entity_rows.append(row)
            next_id += 1
        rows[entity] = entity_rows
    return rows


def _settings(type_id: str) -> dict[str, Any]:
    if type_id == "string":
        return {
            "SIZE": 20,
            "ROWS": 1,
            "REGEXP": "",
            "MIN_LENGTH": 0,
            "MAX_LENGTH": 0,
            "DEFAULT_VALUE": "",
        }
    if type_id == "enumeration":
        return {"DISPLAY": "LIST", "LIST_HEIGHT": 1, "CAPTION_NO_VALUE": "", "SHOW_NO_VALUE": "Y"}
    return {}


def _description(type_id: str, title: str, flags: str, code: str) -> dict[str, Any]:
    description: dict[str, Any] = {
        "type": type_id,
        "isRequired": "r" in flags,
        "isReadOnly": "o" in flags,
        "isImmutable": "i" in flags,
        "isMultiple": "m" in flags,
        "isDynamic": False,
        "title": title,
    }
    if type_id == "crm_status":
        description["statusType"] = _STATUS_TYPES.get(code, code)
    return description


def entity_field_descriptions() -> dict[str, dict[str, dict[str, Any]]]:
    """crm.<entity>.fields descriptions per CRM entity, and user.fields under "user"."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for entity, fields in _STANDARD.items():
        described = {code: _description(t, title, f, code) for code, t, title, f in fields}
        for name, type_id, label in _USERFIELDS[entity]:
            uf = _description(type_id, name, "", name)
            uf.update(isDynamic=True, listLabel=label, formLabel=label, filterLabel=label)
            uf["title"] = label
            if type_id == "enumeration":
                uf["items"] = [{"ID": i["ID"], "VALUE": i["VALUE"]} for i in LOYALTY_ITEMS]
            described[name] = uf
        out[entity] = described
    out["user"] = {
        code: _description(
            "boolean" if code == "ACTIVE" else "integer" if code == "UF_DEPARTMENT" else "string",
            title,
            "m" if code == "UF_DEPARTMENT" else "",
            code,
        )
        for code, title in _USER_FIELDS
    }
    return out
