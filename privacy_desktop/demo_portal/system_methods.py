"""Scope ``basic`` introspection, application-context methods and ``userconsent``.

Absent features stay absent: there is no method that lists applications or webhooks,
uninstalls anything or reads back stored consents (REST-REFERENCE.md §5.3, §7.11).
"""

from __future__ import annotations

import time
from typing import Any

from privacy_desktop.demo_portal.envelope import RestError, portal_datetime
from privacy_desktop.demo_portal.params import php_bool, php_int
from privacy_desktop.demo_portal.registry import CallContext, CallResult, MethodSpec

USERCONSENT = frozenset({"userconsent"})

#: Every scope a cloud portal knows (``scope`` with ``full=true``), §5.4.
ALL_SCOPES = (
    "ai_admin", "biconnector", "bizproc", "booking", "calendar", "call", "cashbox", "catalog",
    "contact_center", "crm", "delivery", "department", "disk", "documentgenerator", "entity",
    "humanresources.hcmlink", "im", "imbot", "imconnector", "imopenlines", "intranet",
    "landing", "lists", "log", "mailservice", "main", "messageservice", "mobile", "note",
    "pay_system", "placement", "pull", "rpa", "sale", "salescenter", "sign.b2e",
    "socialnetwork", "sonet_group", "task", "telephony", "timeman", "user", "user.userfield",
    "user_basic", "user_brief", "userconsent", "userfieldconfig", "vote",
)  # fmt: skip

APP_CONTEXT_REQUIRED = RestError(
    400, "ACCESS_DENIED", "Access denied! Application context required"
)
WRONG_AUTH_TYPE = RestError(
    403, "WRONG_AUTH_TYPE", "Current authorization type is denied for this method"
)


def _user_row(context: CallContext) -> dict[str, Any]:
    return context.data.dataset.users.get(context.caller.user_id, {})


def profile(context: CallContext) -> CallResult:
    row = _user_row(context)
    result: dict[str, Any] = {
        "ID": str(context.caller.user_id),
        "ADMIN": context.data.is_admin(context.caller.user_id),
        "NAME": row.get("NAME", ""),
        "LAST_NAME": row.get("LAST_NAME", ""),
        "PERSONAL_GENDER": row.get("PERSONAL_GENDER", ""),
        "TIME_ZONE": row.get("TIME_ZONE", ""),
    }
    if row.get("PERSONAL_PHOTO"):
        result["PERSONAL_PHOTO"] = row["PERSONAL_PHOTO"]
    return CallResult(result=result, records=1)


def user_admin(context: CallContext) -> CallResult:
    return CallResult(result=context.data.is_admin(context.caller.user_id))


def scope(context: CallContext) -> CallResult:
    if php_bool(context.params.get("full", False)):
        return CallResult(result=list(ALL_SCOPES))
    return CallResult(result=sorted(context.caller.scopes))


def methods(context: CallContext) -> CallResult:
    """Deprecated ``methods``: callable method names (``scope=`` one scope, ``full`` all)."""
    registry = context.registry
    wanted_scope = str(context.params.get("scope", "") or "").lower()
    full = php_bool(context.params.get("full", False))
    names = []
    for spec in registry.methods.values():
        if wanted_scope and spec.scope != wanted_scope and wanted_scope not in spec.scopes:
            continue
        if full or registry.available(spec, context.caller):
            names.append(spec.name)
    return CallResult(result=sorted(names))


def method_get(context: CallContext) -> CallResult:
    name = str(context.params.get("name", "") or "").lower()
    spec = context.registry.get(name)
    existing = spec is not None
    available = spec is not None and context.registry.available(spec, context.caller)
    return CallResult(result={"isExisting": existing, "isAvailable": available})


def server_time(context: CallContext) -> CallResult:
    del context
    return CallResult(result=portal_datetime(time.time()))


def app_info(context: CallContext) -> CallResult:
    """The calling application only (a local app: status ``L``)."""
    credentials = context.credentials
    family = {"enterprise": "ent", "unlimited": "ent"}.get(context.data.config.plan.value, "pro")
    return CallResult(
        result={
            "ID": credentials.app_id,
            "CODE": credentials.client_id,
            "VERSION": 1,
            "STATUS": "L",
            "INSTALLED": True,
            "PAYMENT_EXPIRED": "N",
            "DAYS": None,
            "LANGUAGE_ID": "ua",
            "LICENSE": f"ua_{family}",
            "LICENSE_TYPE": family,
            "LICENSE_FAMILY": family,
            "SCOPE": list(credentials.oauth_scopes),
        }
    )


def event_get(context: CallContext) -> CallResult:
    """The calling application's own handlers: the demo app binds none."""
    del context
    return CallResult(result=[])


def placement_get(context: CallContext) -> CallResult:
    """The calling application's own widgets (administrators only): the demo app has none."""
    if not context.data.is_admin(context.caller.user_id):
        raise RestError(403, "ACCESS_DENIED", "Access denied! Administrator rights required")
    return CallResult(result=[])


def agreement_list(context: CallContext) -> CallResult:
    rows = [dict(row) for _, row in sorted(context.data.dataset.agreements.items())]
    return CallResult(result=rows, records=len(rows))


def agreement_text(context: CallContext) -> CallResult:
    """``userconsent.agreement.text {id, replace}`` → ``{LABEL, TEXT}``; errors use ``"400"``."""
    identifier = php_int(context.params.get("id", 0))
    if identifier <= 0:
        raise RestError(400, "400", "Parameter `Agreement ID` required.")
    agreement = context.data.dataset.agreements.get(identifier)
    text = context.data.dataset.agreement_texts.get(identifier)
    if agreement is None or text is None:
        raise RestError(400, "400", f"Agreement with id `{identifier}` not found.")
    replace = context.params.get("replace")
    fields = replace.get("fields") if isinstance(replace, dict) else None
    if isinstance(fields, dict):
        for key, value in fields.items():
            text = text.replace(f"%{str(key).lower()}%", str(value))
            text = text.replace(f"%{str(key).upper()}%", str(value))
    caption = replace.get("button_caption") if isinstance(replace, dict) else None
    label = f"Я даю згоду на обробку персональних даних ({agreement.get('NAME', '')})"
    if caption:
        label = f"{label} — «{caption}»"
    return CallResult(result={"LABEL": label, "TEXT": text}, records=1)


def system_methods() -> list[MethodSpec]:
    return [
        MethodSpec("profile", profile),
        MethodSpec("user.admin", user_admin),
        MethodSpec("scope", scope),
        MethodSpec("methods", methods),
        MethodSpec("method.get", method_get),
        MethodSpec("server.time", server_time),
        MethodSpec("app.info", app_info, webhook_refusal=APP_CONTEXT_REQUIRED),
        MethodSpec("event.get", event_get, webhook_refusal=WRONG_AUTH_TYPE),
        MethodSpec("placement.get", placement_get, webhook_refusal=WRONG_AUTH_TYPE),
        MethodSpec("userconsent.agreement.list", agreement_list, USERCONSENT),
        MethodSpec("userconsent.agreement.text", agreement_text, USERCONSENT),
    ]
