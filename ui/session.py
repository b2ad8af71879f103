"""Who is at the counter and what the screens share: the services, the workers, the preferences.

Built by ``desktop/app.py`` after login and handed down to every page: there is no global application
object. Pages reach the store only through :meth:`UiSession.run` (the serialized database worker) and do
rendering and file work through :meth:`UiSession.background`.

A session ends (:meth:`UiSession.end`) when the store under it is replaced by a restore: from then on the
database work it queued, or queues, is dropped when its turn comes on the worker, unanswered, so nothing
of the old session reads from or writes into the restored store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from records.services import Services
from records.services.settings import AgencyConfig
from records.users import Actor, Role
from ui.preferences import Preferences
from ui.tasks import BackgroundPool, DatabaseWorker, Task
from ui.thumbnails import Thumbnails


class SessionEnded(Exception):
    """Raised on the worker in place of work queued by an ended session; never reaches a page."""


@dataclass
class UiSession:
    """One logged-in user's session."""

    services: Services
    worker: DatabaseWorker
    pool: BackgroundPool
    prefs: Preferences
    agency: AgencyConfig
    actor: Actor
    full_name: str
    _thumbnails: Thumbnails | None = field(default=None, repr=False)
    _ended: bool = field(default=False, repr=False)

    def run(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Database work: ``fn`` on the database worker, the answer back on the UI thread. Once the session
        has ended, ``fn`` is not run and neither callback is called."""

        def guarded() -> Any:  # on the worker: the check is made when the work's turn comes
            if self._ended:
                raise SessionEnded
            return fn()

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, SessionEnded) and on_error is not None:
                on_error(exc)

        return self.worker.submit(guarded, on_success, failed)

    def end(self) -> None:
        """End the session (any thread; the restore calls it on the worker right after replacing the
        store): the database work still queued, and any asked for later, is dropped."""
        self._ended = True

    @property
    def ended(self) -> bool:
        """Whether the session has ended (its window must go: the store was replaced)."""
        return self._ended

    def background(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Rendering or file work: ``fn`` on the background pool, the answer back on the UI thread."""
        return self.pool.submit(fn, on_success, on_error)

    @property
    def thumbnails(self) -> Thumbnails:
        """First-page thumbnails of stored documents, cached in the data folder."""
        if self._thumbnails is None:
            folder = self.prefs.data_dir / "cache" / "thumbnails"
            objects = self.services.attachments.objects
            self._thumbnails = Thumbnails(folder, objects.read, objects.key)
        return self._thumbnails

    @property
    def is_supervisor(self) -> bool:
        """Supervisors (and admins) review the day and print the register."""
        return self.actor.role in (Role.SUPERVISOR, Role.ADMIN)

    @property
    def is_admin(self) -> bool:
        """Admins change the settings, the catalogue, the holidays and the users."""
        return self.actor.role is Role.ADMIN
