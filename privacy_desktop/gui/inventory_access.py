"""The inventory service as the GUI reaches it: on the right pool, never on the GUI thread.

Opening the encrypted store reads its key from the keyring, and every keyring call belongs
on the vault pool (STYLE.md rule 6); once the store is open, reads are plain SQL and go to
the interactive pool, so a drill-down page never waits behind a keyring prompt or a scan.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from privacy_desktop.gui.workers.runner import Pool, TaskHandle, TaskRunner
from privacy_desktop.gui.workers.task import TaskContext
from privacy_desktop.services.inventory import InventoryService


class InventoryAccess:
    """Runs inventory reads on the runner.

    Args:
        service: the inventory service.
        runner: the task runner.
    """

    def __init__(self, service: InventoryService, runner: TaskRunner) -> None:
        self.service = service
        self.runner = runner
        # Set on a worker once a read succeeded (the store is then open); a plain bool
        # assignment, read on the GUI thread only to choose a pool.
        self._store_open = False

    def read_pool(self) -> Pool:
        """Where the next read goes: the vault pool until the store was opened once."""
        return Pool.INTERACTIVE if self._store_open else Pool.VAULT

    def read(
        self,
        fn: Callable[[InventoryService], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
        name: str,
    ) -> TaskHandle:
        """Run ``fn(service)`` off the GUI thread; the callbacks run on the GUI thread."""
        service = self.service

        def run(_context: TaskContext) -> Any:
            result = fn(service)
            self._store_open = True
            return result

        return self.runner.submit(
            run, pool=self.read_pool(), on_done=on_done, on_error=on_error, name=name
        )

    def reveal(
        self,
        fn: Callable[[InventoryService], Any],
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
    ) -> TaskHandle:
        """Run a reveal: on the vault pool (the audit log's first write reads its signing
        key from the keyring) and not cancellable (an audit entry is never half written)."""
        service = self.service
        return self.runner.submit(
            lambda _context: fn(service),
            pool=Pool.VAULT,
            on_done=on_done,
            on_error=on_error,
            name="inventory.reveal",
            cancellable=False,
        )
