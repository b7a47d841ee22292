"""Write methods over REST: ``crm.{contact,lead,company,deal}.add|update|delete``,
``crm.requisite.add|update|delete``, ``crm.requisite.bankdetail.add|update|delete``,
``crm.activity.delete`` (scope ``crm``) and ``user.update`` (scope ``user``).

This module only reads the call's parameters the way the portal does (``fields``/``FIELDS``,
``id``/``ID``, ``params``) and hands them to record_writes, which the DemoPortal helpers
call too. Every name ends in ``.add``/``.update``/``.delete``: the client treats them as
write methods (portal/policy.py ``is_write_method``) and never resends one that may have run.
"""

from __future__ import annotations

from typing import Any

from privacy_desktop.demo_portal.envelope import RestError
from privacy_desktop.demo_portal.params import Params, php_bool, php_int
from privacy_desktop.demo_portal.record_writes import (
    CRM_ENTITIES,
    add_record,
    delete_record,
    update_record,
)
from privacy_desktop.demo_portal.registry import CallContext, CallResult, Handler, MethodSpec

CRM = frozenset({"crm"})
USER = frozenset({"user"})  # user_basic and user_brief are read-only (api-reference/user)
#: Parameters of user.update that are not user fields.
_USER_UPDATE_PARAMS = frozenset({"id", "auth"})


def _array(params: Params, name: str, *, required: bool) -> dict[str, Any]:
    """``fields``/``params`` as a PHP array; ``Parameter '<name>' must be array.`` otherwise."""
    raw = params.get(name)
    if raw is None and not required:
        return {}
    if isinstance(raw, list):  # a PHP array keyed 0..n-1 (empty: [])
        return {str(index): item for index, item in enumerate(raw)}
    if not isinstance(raw, dict):
        raise RestError(400, "", f"Parameter '{name}' must be array.")
    return raw


def _entity_id(params: Params) -> int:
    identifier = php_int(params.get("id", 0))
    if identifier <= 0:
        raise RestError(400, "", "ID is not defined or invalid.")
    return identifier


def add_handler(entity: str) -> Handler:
    def handle(context: CallContext) -> CallResult:
        fields = _array(context.params, "fields", required=True)
        options = _array(context.params, "params", required=False)
        # REGISTER_SONET_EVENT (a live-feed post) has nothing to show here; IMPORT matters.
        import_mode = entity in CRM_ENTITIES and php_bool(options.get("IMPORT", False))
        new_id = add_record(
            context.writer(),
            entity,
            fields,
            user_id=context.caller.user_id,
            import_mode=import_mode,
        )
        return CallResult(result=new_id, records=1)

    return handle


def update_handler(entity: str) -> Handler:
    def handle(context: CallContext) -> CallResult:
        record_id = _entity_id(context.params)
        fields = _array(context.params, "fields", required=True)
        _array(context.params, "params", required=False)
        update_record(context.writer(), entity, record_id, fields, user_id=context.caller.user_id)
        return CallResult(result=True, records=1)

    return handle


def delete_handler(entity: str) -> Handler:
    def handle(context: CallContext) -> CallResult:
        record_id = _entity_id(context.params)
        delete_record(context.writer(), entity, record_id, user_id=context.caller.user_id)
        return CallResult(result=True, records=1)

    return handle


def user_update(context: CallContext) -> CallResult:
    """``user.update``: ``ID`` and the fields to change, all at the top level."""
    params = context.params
    target = php_int(params.get("id", 0))
    fields = {key: value for key, value in params.items() if key.lower() not in _USER_UPDATE_PARAMS}
    update_record(context.writer(), "user", target, fields, user_id=context.caller.user_id)
    return CallResult(result=True, records=1)


def write_methods() -> list[MethodSpec]:
    specs: list[MethodSpec] = []
    for entity in (*CRM_ENTITIES, "requisite"):
        prefix = f"crm.{entity}"
        specs += [
            MethodSpec(f"{prefix}.add", add_handler(entity), CRM),
            MethodSpec(f"{prefix}.update", update_handler(entity), CRM),
            MethodSpec(f"{prefix}.delete", delete_handler(entity), CRM),
        ]
    specs += [
        MethodSpec("crm.requisite.bankdetail.add", add_handler("bank_detail"), CRM),
        MethodSpec("crm.requisite.bankdetail.update", update_handler("bank_detail"), CRM),
        MethodSpec("crm.requisite.bankdetail.delete", delete_handler("bank_detail"), CRM),
        MethodSpec("crm.activity.delete", delete_handler("activity"), CRM),
        MethodSpec("user.update", user_update, USER),
    ]
    return specs
