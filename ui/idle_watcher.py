"""Noticing that nobody has used the application for a while (to lock the screen, :mod:`ui.lock_dialog`).

An event filter on the application sees every key press, mouse click or move, wheel turn and touch that
comes from the user (a spontaneous event: one the window system delivered, not one the program sent
itself; and the text an input method composes) and restarts a single-shot timer; when the timer runs
out, :attr:`IdleWatcher.went_idle` fires once. The watcher then waits for :meth:`IdleWatcher.resume`
(after the unlock) before it counts again. Input into other applications is not seen: a clerk working in
another program counts as away.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

# What a person does; Qt's own bookkeeping events (paint, timers, focus, enter/leave) do not count.
USER_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    """Fires :attr:`went_idle` after ``timeout_ms`` without user input in the application (never for 0)."""

    went_idle = Signal()

    def __init__(self, timeout_ms: int = 0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout_ms = max(0, timeout_ms)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.went_idle)
        self._installed = False

    def timeout_ms(self) -> int:
        """How long without input counts as idle; 0: never."""
        return self._timeout_ms

    def set_timeout(self, timeout_ms: int) -> None:
        """Count ``timeout_ms`` from now (0 stops counting); a watcher waiting for :meth:`resume` waits on."""
        self._timeout_ms = max(0, timeout_ms)
        if self._timeout_ms == 0:
            self._timer.stop()
        elif self._timer.isActive():
            self._timer.start(self._timeout_ms)

    def start(self) -> None:
        """Watch the application's input and start counting."""
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self.resume()

    def resume(self) -> None:
        """Start counting again (after :attr:`went_idle`, once the screen is unlocked)."""
        if self._timeout_ms > 0:
            self._timer.start(self._timeout_ms)

    def pause(self) -> None:
        """Stop counting until :meth:`resume` (the screen is locked)."""
        self._timer.stop()

    def stop(self) -> None:
        """Stop watching (the window is closing)."""
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
        self._installed = False

    def is_counting(self) -> bool:
        """Whether the timer runs (not after :attr:`went_idle` until :meth:`resume`, nor for 0)."""
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Called for every event of the application: keep it to two cheap checks before the restart.
        if self._timer.isActive():
            kind = event.type()
            # An input method's composed text (Vietnamese typed through the system's IME) may arrive as an
            # event Qt sent itself: it counts too.
            if kind in USER_INPUT and (event.spontaneous() or kind == QEvent.Type.InputMethod):
                self._timer.start()
        return False
