//! What the cloudflared and ngrok supervisors share: the pause between attempts (it doubles at
//! each failure in a row, up to a cap, and starts over after a run that lasted), the state each
//! keeps behind a lock for its provider's [`Provider::start`](crate::Provider::start) and
//! [`Provider::status`](crate::Provider::status), how changes are told (the status and
//! address callbacks, and whoever waits for an address), and the supervisor's own thread (started
//! once, stopped and joined). How one attempt runs differs (a child process read by threads, a
//! session on tokio) and stays in each provider.

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::{State, Status, TunnelError};

/// The default pause before the first restart.
pub(crate) const FIRST_BACKOFF: Duration = Duration::from_secs(2);
/// The default longest pause.
pub(crate) const MAX_BACKOFF: Duration = Duration::from_secs(300);
/// By default, a run up this long counts as having worked.
pub(crate) const STABLE_AFTER: Duration = Duration::from_secs(300);

/// The pause before the next attempt.
#[derive(Debug, Clone)]
pub(crate) struct Backoff {
    first: Duration,
    max: Duration,
    stable_after: Duration,
    next: Duration,
}

impl Backoff {
    /// Starts at `first`, doubles at each failure in a row up to `max`, and starts over after
    /// a run that gave its address and stayed up `stable_after`.
    pub(crate) fn new(first: Duration, max: Duration, stable_after: Duration) -> Backoff {
        Backoff {
            first,
            max,
            stable_after,
            next: first,
        }
    }

    /// The pause after an attempt that began at `started` and has ended; `was_up`: it had
    /// given its address.
    pub(crate) fn after(&mut self, started: Instant, was_up: bool) -> Duration {
        if was_up && started.elapsed() >= self.stable_after {
            self.next = self.first;
        }
        let pause = self.next;
        self.next = (pause * 2).min(self.max);
        pause
    }
}

/// The seconds the owner is told a pause lasts (never "0 s").
pub(crate) fn whole_secs(pause: Duration) -> u64 {
    pause.as_secs().max(1)
}

type UrlCallback = Arc<dyn Fn(&str) + Send + Sync>;
type StatusCallback = Arc<dyn Fn(&Status) + Send + Sync>;

/// A supervisor's state.
#[derive(Debug)]
struct Inner {
    state: State,
    url: Option<String>,
    /// Why it is not up; the status's reason.
    error: Option<TunnelError>,
    restarts: u32,
    /// Attempts that ended (could not start, exited, failed, or dropped after being up).
    ended: u32,
    /// Why the supervisor gave up (nothing but the owner can fix it).
    gave_up: Option<TunnelError>,
    /// What the last attempt that ended failed with, for [`Provider::start`](crate::Provider::start).
    last_error: Option<TunnelError>,
    stop: bool,
    /// The last address reported, to report only changes.
    reported: Option<String>,
}

impl Default for Inner {
    fn default() -> Self {
        Inner {
            state: State::Down,
            url: None,
            error: Some(TunnelError::NotStarted),
            restarts: 0,
            ended: 0,
            gave_up: None,
            last_error: None,
            stop: false,
            reported: None,
        }
    }
}

#[derive(Default)]
struct Shared {
    inner: Mutex<Inner>,
    changed: Condvar,
}

/// Where a supervisor was when [`Tracker::progress`] was read: an attempt ending or a new
/// address after it is news.
#[derive(Debug, Clone)]
pub(crate) struct Progress {
    ended: u32,
    reported: Option<String>,
}

/// One provider's state and whom to tell about its changes. The provider and its supervisor
/// thread each hold one; clones share the state.
#[derive(Clone)]
pub(crate) struct Tracker {
    provider: &'static str,
    shared: Arc<Shared>,
    on_url: Option<UrlCallback>,
    on_status: Option<StatusCallback>,
}

impl Tracker {
    pub(crate) fn new(provider: &'static str) -> Tracker {
        Tracker {
            provider,
            shared: Arc::default(),
            on_url: None,
            on_status: None,
        }
    }

    pub(crate) fn on_url_change(&mut self, f: impl Fn(&str) + Send + Sync + 'static) {
        self.on_url = Some(Arc::new(f));
    }

    pub(crate) fn on_status(&mut self, f: impl Fn(&Status) + Send + Sync + 'static) {
        self.on_status = Some(Arc::new(f));
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic elsewhere while holding the lock leaves plain data behind; keep using it.
        self.shared.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn status_of(&self, inner: &Inner) -> Status {
        Status::new(
            self.provider,
            inner.state,
            inner.url.clone(),
            inner.error.clone(),
            inner.restarts,
        )
    }

    pub(crate) fn status(&self) -> Status {
        self.status_of(&self.lock())
    }

    pub(crate) fn stopping(&self) -> bool {
        self.lock().stop
    }

    pub(crate) fn progress(&self) -> Progress {
        let inner = self.lock();
        Progress {
            ended: inner.ended,
            reported: inner.reported.clone(),
        }
    }

    /// A new supervisor is about to run: everything starts over (told by its first attempt).
    /// Where it starts from, for [`Tracker::wait_for_address`].
    pub(crate) fn restart(&self) -> Progress {
        *self.lock() = Inner {
            state: State::Starting,
            error: None,
            ..Inner::default()
        };
        Progress {
            ended: 0,
            reported: None,
        }
    }

    /// Nothing will run: the settings are wrong.
    pub(crate) fn refuse(&self, error: TunnelError) {
        self.set(|i| {
            *i = Inner {
                error: Some(error.clone()),
                gave_up: Some(error),
                ..Inner::default()
            }
        });
    }

    /// Changes the state, wakes whoever waits on it, and tells the status callback.
    fn set(&self, f: impl FnOnce(&mut Inner)) {
        let status = {
            let mut inner = self.lock();
            f(&mut inner);
            self.status_of(&inner)
        };
        self.shared.changed.notify_all();
        if let Some(f) = &self.on_status {
            f(&status);
        }
    }

    /// An attempt begins.
    pub(crate) fn starting(&self) {
        self.set(|i| {
            i.state = State::Starting;
            i.url = None;
            i.error = None;
        });
    }

    /// The tunnel is up at `url`; the address callback hears of it if it is new.
    pub(crate) fn up(&self, url: String) {
        let mut changed = false;
        self.set(|i| {
            i.state = State::Up;
            i.url = Some(url.clone());
            i.error = None;
            if i.reported.as_deref() != Some(url.as_str()) {
                i.reported = Some(url.clone());
                changed = true;
            }
        });
        if changed && let Some(f) = &self.on_url {
            f(&url);
        }
    }

    /// The supervisor stops trying: waiting will not fix `error`.
    pub(crate) fn give_up(&self, error: TunnelError) {
        self.set(|i| {
            i.state = State::Down;
            i.url = None;
            i.error = Some(error.clone());
            i.last_error = Some(error.clone());
            i.gave_up = Some(error);
            i.ended += 1;
        });
    }

    /// An attempt ended with `error` and another follows after a pause; the status says
    /// `shown` (which tells the pause).
    pub(crate) fn retry(&self, error: TunnelError, shown: TunnelError) {
        self.set(|i| {
            i.state = State::Down;
            i.url = None;
            i.error = Some(shown);
            i.last_error = Some(error);
            i.ended += 1;
            i.restarts += 1;
        });
    }

    /// Waits until `done` finds what it looks for in the state (looked at after each change),
    /// at the latest until `until`.
    fn wait_until<T>(&self, until: Instant, done: impl Fn(&Inner) -> Option<T>) -> Option<T> {
        let mut inner = self.lock();
        loop {
            if let Some(found) = done(&inner) {
                return Some(found);
            }
            let now = Instant::now();
            if now >= until {
                return None;
            }
            inner = self
                .shared
                .changed
                .wait_timeout(inner, until - now)
                .map(|(g, _)| g)
                .unwrap_or_else(|e| e.into_inner().0);
        }
    }

    /// Waits up to `pause`, less if [`Tracker::ask_stop`] is called meanwhile.
    pub(crate) fn pause(&self, pause: Duration) {
        self.wait_until(Instant::now() + pause, |i| i.stop.then_some(()));
    }

    /// Waits until the tunnel is up (or gave a new address, even if it went down since), or an
    /// attempt ended after `before`, at most `patience`.
    pub(crate) fn wait_for_address(
        &self,
        before: &Progress,
        patience: Duration,
    ) -> Result<String, TunnelError> {
        self.wait_until(Instant::now() + patience, |inner| {
            if inner.state == State::Up
                && let Some(url) = &inner.url
            {
                return Some(Ok(url.clone()));
            }
            if inner.reported != before.reported
                && let Some(url) = &inner.reported
            {
                return Some(Ok(url.clone()));
            }
            if inner.stop {
                return Some(Err(TunnelError::Stopped));
            }
            if let Some(e) = &inner.gave_up {
                return Some(Err(e.clone()));
            }
            if inner.ended > before.ended
                && let Some(e) = &inner.last_error
            {
                return Some(Err(e.clone()));
            }
            None
        })
        .unwrap_or_else(|| {
            Err(TunnelError::NoAddressYet {
                provider: self.provider.to_owned(),
            })
        })
    }

    /// Tells the supervisor to stop, and wakes it (and whoever waits for an address).
    pub(crate) fn ask_stop(&self) {
        self.lock().stop = true;
        self.shared.changed.notify_all();
    }

    /// The supervisor has stopped.
    pub(crate) fn stopped(&self) {
        let mut inner = self.lock();
        inner.state = State::Down;
        inner.url = None;
        inner.error = Some(TunnelError::StoppedOnRequest);
    }
}

/// A provider's supervisor thread, and the state it shares with it.
pub(crate) struct Supervision {
    pub(crate) tracker: Tracker,
    thread: Option<JoinHandle<()>>,
}

impl Supervision {
    pub(crate) fn new(provider: &'static str) -> Supervision {
        Supervision {
            tracker: Tracker::new(provider),
            thread: None,
        }
    }

    /// Runs the supervisor `make` builds (around the shared state) on a thread named after the
    /// provider, unless one still runs, then waits up to `patience` for its address or the end
    /// of an attempt.
    pub(crate) fn start<F: FnOnce() + Send + 'static>(
        &mut self,
        patience: Duration,
        make: impl FnOnce(Tracker) -> F,
        spawn_failed: impl FnOnce(std::io::Error) -> TunnelError,
    ) -> Result<String, TunnelError> {
        let before = self.tracker.progress();
        if self.thread.as_ref().is_some_and(|h| !h.is_finished()) {
            return self.tracker.wait_for_address(&before, patience);
        }
        if let Some(old) = self.thread.take() {
            let _ = old.join();
        }
        let fresh = self.tracker.restart();
        let handle = std::thread::Builder::new()
            .name(self.tracker.provider.to_owned())
            .spawn(make(self.tracker.clone()))
            .map_err(spawn_failed)?;
        self.thread = Some(handle);
        self.tracker.wait_for_address(&fresh, patience)
    }

    /// Stops the supervisor (`wake` tells it, beyond the shared state) and waits for its end.
    pub(crate) fn stop(&mut self, wake: impl FnOnce()) {
        self.tracker.ask_stop();
        wake();
        if let Some(h) = self.thread.take() {
            let _ = h.join();
        }
        self.tracker.stopped();
    }

    /// A supervisor was started and not stopped since (it may have ended by itself).
    pub(crate) fn started(&self) -> bool {
        self.thread.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pause_doubles_up_to_the_cap_and_starts_over_after_a_lasting_run() {
        let ms = Duration::from_millis;
        let mut b = Backoff::new(ms(200), ms(700), ms(50));
        let now = Instant::now();
        let pauses: Vec<_> = (0..4).map(|_| b.after(now, false)).collect();
        assert_eq!(pauses, [ms(200), ms(400), ms(700), ms(700)]);
        // Up, but not for long enough: still growing.
        assert_eq!(b.after(now, true), ms(700));
        std::thread::sleep(ms(60));
        assert_eq!(b.after(now, true), ms(200), "up long enough: starts over");
        assert_eq!(b.after(now, false), ms(400));
        assert_eq!(whole_secs(ms(200)), 1);
        assert_eq!(whole_secs(Duration::from_secs(8)), 8);
    }

    #[test]
    fn the_reason_is_the_structured_error_in_words() {
        let t = Tracker::new("ngrok");
        let s = t.status();
        assert_eq!(s.reason.as_deref(), Some("not started"));
        assert_eq!(s.error, Some(TunnelError::NotStarted));
        let dropped = TunnelError::NgrokDropped {
            reason: "the connection was reset".to_owned(),
        };
        let shown = TunnelError::NgrokRetrying {
            error: Box::new(dropped.clone()),
            restart_in_secs: 4,
        };
        t.retry(dropped.clone(), shown.clone());
        let s = t.status();
        assert_eq!((s.state, s.restarts), (State::Down, 1));
        assert_eq!(s.error.as_ref(), Some(&shown));
        assert_eq!(
            s.reason.as_deref(),
            Some(format!("{dropped} Comptoir tries again in 4 s.").as_str())
        );
        // What start() returns is the attempt's own error.
        let before = Progress {
            ended: 0,
            reported: None,
        };
        assert_eq!(t.wait_for_address(&before, Duration::ZERO), Err(dropped));
        t.ask_stop();
        t.stopped();
        let s = t.status();
        assert_eq!(s.reason.as_deref(), Some("stopped"));
        assert_eq!(s.error, Some(TunnelError::StoppedOnRequest));
    }
}
