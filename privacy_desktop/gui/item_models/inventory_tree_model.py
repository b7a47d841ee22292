"""The inventory as a tree: category → entity → field → kind, with record counts.

Built from an :class:`InventorySummary` (a few hundred rows at most), so it is held whole;
the records behind a field are the lazy :class:`RecordsTableModel`'s business.

Counts are shown only where they are exact: a category counts the records holding any datum
of it; a kind counts the records holding it in that field; a field shows the count of its
kind when it carries one kind (the common case). An entity shows how many of its records the
scan saw, in its tooltip, since "records of this entity holding any datum of this category"
is not part of the summary.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from privacy_desktop.domain.inventory import InventorySummary, KindCount
from privacy_desktop.domain.personal_data import (
    CATEGORY_NAMES,
    CATEGORY_PURPOSES,
    ENTITY_NAMES,
    KIND_NAMES,
    PURPOSE_NAMES,
    Category,
    Entity,
    PiiKind,
)

AnyIndex = QModelIndex | QPersistentModelIndex


class NodeKind(Enum):
    """The level of a node in the tree."""

    CATEGORY = "category"
    ENTITY = "entity"
    FIELD = "field"
    KIND = "kind"


class Column(Enum):
    NAME = 0
    RECORDS = 1
    PURPOSES = 2


#: Custom roles: the node's level, and the (entity, field, kind) a drill-down needs.
NODE_KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 1
DRILL_DOWN_ROLE = int(Qt.ItemDataRole.UserRole) + 2


@dataclass(frozen=True)
class DrillDown:
    """Which records to list: those holding ``kind`` in ``field`` of ``entity``."""

    entity: Entity
    field: str
    kind: PiiKind
    label: str = ""


@dataclass(eq=False)
class _Node:
    kind: NodeKind
    parent: _Node | None
    row: int
    category: Category
    entity: Entity | None = None
    field: str = ""
    pii_kind: PiiKind | None = None
    label: str = ""
    records: int | None = None
    children: list[_Node] = dataclasses.field(default_factory=list)

    def add(self, child: _Node) -> _Node:
        child.row = len(self.children)
        self.children.append(child)
        return child


def _translate(text: str) -> str:
    return QCoreApplication.translate("PersonalData", text)


class InventoryTreeModel(QAbstractItemModel):
    """A read-only tree of the inventory of one portal.

    Args:
        parent: the Qt parent.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots: list[_Node] = []
        self._entity_records: dict[Entity, int] = {}

    # ------------------------------------------------------------------ content

    def set_summary(self, summary: InventorySummary | None) -> None:
        """Show ``summary`` (None: empty)."""
        self.beginResetModel()
        self._roots = build_nodes(summary.fields, summary.by_category) if summary else []
        self._entity_records = dict(summary.entity_records) if summary else {}
        self.endResetModel()

    def retranslate(self) -> None:
        """Names are translated when read; tell the views to read them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        self._emit_all_changed(QModelIndex())

    def _emit_all_changed(self, parent: QModelIndex) -> None:
        rows = self.rowCount(parent)
        if rows == 0:
            return
        self.dataChanged.emit(
            self.index(0, 0, parent), self.index(rows - 1, len(Column) - 1, parent)
        )
        for row in range(rows):
            self._emit_all_changed(self.index(row, 0, parent))

    def drill_down(self, index: AnyIndex) -> DrillDown | None:
        """The drill-down of a field (of one kind) or kind node; None for other nodes."""
        node = self._node(index)
        if node is None or node.entity is None:
            return None
        if node.kind is NodeKind.KIND and node.pii_kind is not None:
            return DrillDown(node.entity, node.field, node.pii_kind, node.label)
        if node.kind is NodeKind.FIELD and len(node.children) == 1:
            only = node.children[0]
            if only.pii_kind is not None:
                return DrillDown(node.entity, node.field, only.pii_kind, node.label)
        return None

    # ------------------------------------------------------------------ QAbstractItemModel

    def _node(self, index: AnyIndex) -> _Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _Node) else None

    def _children(self, parent: AnyIndex) -> list[_Node]:
        node = self._node(parent)
        return self._roots if node is None else node.children

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        children = self._children(parent)
        if not (0 <= row < len(children) and 0 <= column < len(Column)):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == Column.NAME.value:
            return self.tr("Personal data")
        if section == Column.RECORDS.value:
            return self.tr("Records")
        if section == Column.PURPOSES.value:
            return self.tr("Purposes")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.RECORDS.value:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == NODE_KIND_ROLE:
            return node.kind.value
        if role == DRILL_DOWN_ROLE:
            return self.drill_down(index)
        return None

    def _display(self, node: _Node, column: int) -> str | None:
        if column == Column.NAME.value:
            return self._name(node)
        if column == Column.RECORDS.value:
            return QLocale().toString(node.records) if node.records is not None else ""
        if column == Column.PURPOSES.value and node.kind is NodeKind.CATEGORY:
            return purposes_text(node.category)
        return ""

    def _name(self, node: _Node) -> str:
        if node.kind is NodeKind.CATEGORY:
            return _translate(CATEGORY_NAMES[node.category])
        if node.kind is NodeKind.ENTITY and node.entity is not None:
            return _translate(ENTITY_NAMES[node.entity])
        if node.kind is NodeKind.FIELD:
            # The portal's own label when it has one: "UF_CRM_1700…" means nothing to people.
            return f"{node.label} ({node.field})" if node.label else node.field
        if node.pii_kind is not None:
            return _translate(KIND_NAMES[node.pii_kind])
        return ""

    def _tooltip(self, node: _Node) -> str:
        if node.kind is NodeKind.CATEGORY:
            return purposes_text(node.category)
        if node.kind is NodeKind.ENTITY and node.entity is not None:
            scanned = self._entity_records.get(node.entity, 0)
            return self.tr("%n record(s) scanned", "", scanned)
        if node.records is not None:
            return self.tr("%n record(s) hold it", "", node.records)
        return ""


def purposes_text(category: Category) -> str:
    """The translated purposes (section 2) a category is processed for, one per line."""
    return "\n".join(_translate(PURPOSE_NAMES[p]) for p in CATEGORY_PURPOSES[category])


def build_nodes(fields: tuple[KindCount, ...], by_category: dict[Category, int]) -> list[_Node]:
    """The category nodes (with their subtrees) of the summary's counts, in stable order."""
    roots: dict[Category, _Node] = {}
    entities: dict[tuple[Category, Entity], _Node] = {}
    field_nodes: dict[tuple[Category, Entity, str], _Node] = {}
    ordered = sorted(
        fields,
        key=lambda c: (
            list(Category).index(c.category),
            list(Entity).index(c.entity),
            c.field,
            list(PiiKind).index(c.kind),
        ),
    )
    for count in ordered:
        root = roots.get(count.category)
        if root is None:
            root = _Node(NodeKind.CATEGORY, None, len(roots), count.category)
            root.records = by_category.get(count.category, 0)
            roots[count.category] = root
        entity = entities.get((count.category, count.entity))
        if entity is None:
            entity = root.add(_Node(NodeKind.ENTITY, root, 0, count.category, count.entity))
            entities[(count.category, count.entity)] = entity
        key = (count.category, count.entity, count.field)
        field_node = field_nodes.get(key)
        if field_node is None:
            field_node = entity.add(
                _Node(
                    NodeKind.FIELD,
                    entity,
                    0,
                    count.category,
                    count.entity,
                    count.field,
                    label=count.label,
                )
            )
            field_nodes[key] = field_node
        field_node.add(
            _Node(
                NodeKind.KIND,
                field_node,
                0,
                count.category,
                count.entity,
                count.field,
                count.kind,
                count.label,
                count.records,
            )
        )
    for field_node in field_nodes.values():
        # One kind: its count is the field's; several: no single exact figure (see module).
        if len(field_node.children) == 1:
            field_node.records = field_node.children[0].records
    return list(roots.values())
