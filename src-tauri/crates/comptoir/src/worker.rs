//! A named background thread that sleeps until it is woken, asked to stop, or a deadline
//! passes; stopping waits for it to finish. The outbox ([`crate::mailer::MailWorker`]) and the
//! periodic catch-up ([`crate::sync::SyncWorker`]) are both such a thread around their own
//! loop: this is the machinery they share, so the two cannot drift apart in how a wake or a
//! stop is seen.

use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// Why [`Signal::wait`] returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wait {
    /// [`Worker::wake`] was called since the last wait (possibly while the body was busy).
    Woken,
    /// [`Worker::stop`] was called: the body should return.
    Stopped,
    /// The timeout passed with neither.
    TimedOut,
}

/// What the thread's body is given to wait on and to check for a stop.
#[derive(Debug, Default)]
pub(crate) struct Signal {
    state: Mutex<State>,
    changed: Condvar,
}

#[derive(Debug, Default)]
struct State {
    // A flag rather than a notification alone: a wake that comes while the body is busy is
    // kept for its next wait, so what was queued meanwhile is not left for the timeout.
    woken: bool,
    stop: bool,
}

impl Signal {
    /// Whether a stop was asked. A poisoned lock counts as one: the thread cannot be told
    /// anything any more, so it had better end than run unsupervised.
    pub(crate) fn stopped(&self) -> bool {
        self.state.lock().map(|s| s.stop).unwrap_or(true)
    }

    /// Sleeps up to `timeout`, returning at once if woken or stopped already; takes the wake.
    pub(crate) fn wait(&self, timeout: Duration) -> Wait {
        let Ok(guard) = self.state.lock() else {
            return Wait::Stopped;
        };
        let Ok((mut state, _)) = self
            .changed
            .wait_timeout_while(guard, timeout, |s| !s.woken && !s.stop)
        else {
            return Wait::Stopped;
        };
        if state.stop {
            Wait::Stopped
        } else if std::mem::take(&mut state.woken) {
            Wait::Woken
        } else {
            Wait::TimedOut
        }
    }

    fn set(&self, change: impl FnOnce(&mut State)) {
        if let Ok(mut s) = self.state.lock() {
            change(&mut s);
            self.changed.notify_all();
        }
    }
}

/// The thread and its signal. Dropping it stops the thread and waits for it.
#[derive(Debug)]
pub(crate) struct Worker {
    signal: Arc<Signal>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl Worker {
    /// Starts `body` on a thread called `name`; the body returns when [`Signal::wait`] says
    /// [`Wait::Stopped`] or [`Signal::stopped`] is true.
    pub(crate) fn spawn(
        name: &str,
        body: impl FnOnce(&Signal) + Send + 'static,
    ) -> std::io::Result<Worker> {
        let signal = Arc::new(Signal::default());
        let s = Arc::clone(&signal);
        let thread = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || body(&s))?;
        Ok(Worker {
            signal,
            thread: Mutex::new(Some(thread)),
        })
    }

    /// Ends the body's current or next wait with [`Wait::Woken`].
    pub(crate) fn wake(&self) {
        self.signal.set(|s| s.woken = true);
    }

    /// Asks the body to return and waits until it has (after the work in progress, if any).
    /// Calling it again does nothing.
    pub(crate) fn stop(&self) {
        self.signal.set(|s| s.stop = true);
        if let Some(t) = self.thread.lock().ok().and_then(|mut t| t.take()) {
            // A body that panicked has nothing left to stop.
            let _ = t.join();
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Instant;

    #[test]
    fn a_wait_ends_on_wake_on_stop_or_at_its_deadline() {
        let (tx, rx) = mpsc::channel();
        let worker = Worker::spawn("test", move |signal| {
            // A short first wait to see the deadline, then long ones that only a wake or a
            // stop can end (however slow the machine).
            let mut timeout = Duration::from_millis(300);
            loop {
                let w = signal.wait(timeout);
                let _ = tx.send(w);
                if w == Wait::Stopped {
                    return;
                }
                timeout = Duration::from_secs(60);
            }
        })
        .unwrap();
        let long = Duration::from_secs(10);
        let t = Instant::now();
        assert_eq!(rx.recv_timeout(long).unwrap(), Wait::TimedOut);
        assert!(t.elapsed() >= Duration::from_millis(300));
        worker.wake();
        assert_eq!(rx.recv_timeout(long).unwrap(), Wait::Woken);
        worker.stop();
        assert_eq!(rx.recv_timeout(long).unwrap(), Wait::Stopped);
        // Stopped means joined: the thread has returned and dropped its sender.
        assert!(rx.recv_timeout(Duration::ZERO).is_err());
        worker.stop();
    }

    #[test]
    fn a_wake_while_busy_is_kept_for_the_next_wait() {
        let (busy_tx, busy_rx) = mpsc::channel();
        let (go_tx, go_rx) = mpsc::channel::<()>();
        let (tx, rx) = mpsc::channel();
        let worker = Worker::spawn("test", move |signal| {
            let _ = busy_tx.send(());
            let _ = go_rx.recv();
            let _ = tx.send((signal.wait(Duration::from_secs(10)), signal.stopped()));
        })
        .unwrap();
        busy_rx.recv().unwrap();
        worker.wake();
        go_tx.send(()).unwrap();
        let (w, stopped) = rx.recv_timeout(Duration::from_secs(5)).unwrap();
        assert_eq!((w, stopped), (Wait::Woken, false));
        drop(worker);
    }
}
