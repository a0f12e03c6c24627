"""Running manifest items on a Dask cluster (``pip install 'translation-provenance[corpus]'``).

Each worker process builds one ``ItemRunner`` when it starts (a worker plugin, so a restarted worker gets
its own again); tasks only name the item. Results come back in the order they finish and are handed to
the caller, who alone writes them: workers never touch the results file, so a worker that dies loses
nothing that was finished, and its item is reported as an error that a rerun checks again.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from typing import Any

from provenance.config import Config
from provenance.corpus.manifest import ManifestItem
from provenance.corpus.runner import ItemRunner, error_record
from provenance.errors import UsageError

PLUGIN_NAME = "provenance-item-runner"
#: Tasks in flight per worker thread: enough to keep workers busy, few enough that results stream back.
IN_FLIGHT_PER_THREAD = 4


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise UsageError(
            "--workers and --scheduler need Dask", hint="pip install 'translation-provenance[corpus]'"
        ) from None
    return distributed


def _plugin_class() -> type:
    """The worker plugin class (defined on first use so that Dask stays an optional dependency)."""
    distributed = _distributed()

    class RunnerPlugin(distributed.WorkerPlugin):  # type: ignore[misc, name-defined]
        name = PLUGIN_NAME

        def __init__(self, config: Config, outlet: str | None) -> None:
            self.config = config
            self.outlet = outlet
            self.runner: ItemRunner | None = None

        def setup(self, worker: Any) -> None:
            self.runner = ItemRunner(self.config, outlet=self.outlet)

    return RunnerPlugin


def check_on_worker(item: ManifestItem) -> dict[str, Any]:
    """The task: check ``item`` with this worker's runner."""
    from distributed import get_worker

    plugin = get_worker().plugins[PLUGIN_NAME]
    if plugin.runner is None:  # setup failed or has not run: build it here
        plugin.runner = ItemRunner(plugin.config, outlet=plugin.outlet)
    return plugin.runner.run(item)


def run_on_cluster(
    items: Sequence[ManifestItem],
    config: Config,
    on_result: Callable[[dict[str, Any]], None],
    *,
    workers: int = 0,
    scheduler: str | None = None,
    outlet: str | None = None,
) -> None:
    """Check ``items`` on a LocalCluster of ``workers`` processes on 127.0.0.1, or on the cluster at ``scheduler``."""
    distributed = _distributed()
    if not items:
        return
    with ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(distributed.Client(scheduler))
        else:
            cluster = stack.enter_context(distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, silence_logs=50,
            ))
            client = stack.enter_context(distributed.Client(cluster))
        client.register_plugin(_plugin_class()(config, outlet), name=PLUGIN_NAME)
        threads = max(1, sum(client.nthreads().values()))
        run = uuid.uuid4().hex[:8]  # keys of this run never meet another client's on a shared scheduler
        pending = iter(items)
        running: dict[Any, ManifestItem] = {}
        finished = distributed.as_completed()

        def submit_next() -> None:
            item = next(pending, None)
            if item is not None:
                future = client.submit(check_on_worker, item, pure=False, key=f"provenance-{run}-{item.line}")
                running[future] = item
                finished.add(future)

        for _ in range(threads * IN_FLIGHT_PER_THREAD):
            submit_next()
        for future in finished:
            item = running.pop(future)
            if future.status == "finished":
                record = future.result()
            else:
                exc = future.exception()
                record = error_record(item, f"the worker failed on this item: {type(exc).__name__}: {exc}")
            future.release()
            on_result(record)
            submit_next()
