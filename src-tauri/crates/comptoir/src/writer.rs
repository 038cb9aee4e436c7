//! The single writer: one thread owns the write connection and commits deliveries in groups.
//! Listener threads hand it their delivery and wait for the commit, so every `200` still
//! follows its own commit, but 16 deliveries arriving together share one fsync instead of
//! queueing for sixteen. The WAL is copied back into the database by a checkpointer thread,
//! never inside a commit that deliveries are waiting for.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use comptoir_store::{Connection, StoreError, TransactionBehavior};
use comptoir_woo::{Delivery, DeliveryMeta, IntakeFailure, Ping};

use crate::intake::{self, Applied};

/// Most jobs committed in one transaction.
const MAX_BATCH: usize = 128;

/// Jobs committed after which the checkpointer is woken: about 2.5 WAL pages each, so a few
/// hundred pages at a time (SQLite's own automatic checkpoint waits for 1,000).
const CHECKPOINT_EVERY: usize = 256;

/// How long the writer waits without a job before it wakes the checkpointer anyway, so that
/// the WAL is copied back and starts again from its beginning after a burst.
const IDLE_CHECKPOINT: Duration = Duration::from_millis(200);

pub(crate) enum Job {
    Deliver(Delivery),
    Failed {
        meta: DeliveryMeta,
        body: Vec<u8>,
        reason: String,
    },
    Ping {
        ping: Ping,
        user_agent: String,
    },
}

type Reply = Result<Option<Applied>, String>;

struct Envelope {
    job: Job,
    reply: SyncSender<Reply>,
}

/// Called after each commit with what each job did.
pub(crate) type OnCommit = Arc<dyn Fn(&Job, Option<&Applied>) + Send + Sync>;

pub(crate) struct Writer {
    tx: Mutex<Option<Sender<Envelope>>>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl Writer {
    pub(crate) fn spawn(conn: Connection, on_commit: OnCommit) -> std::io::Result<Writer> {
        let (tx, rx) = mpsc::channel();
        let checkpointer = Checkpointer::spawn(&conn);
        let thread = std::thread::Builder::new()
            .name("intake-writer".into())
            .spawn(move || run(conn, rx, on_commit, checkpointer))?;
        Ok(Writer {
            tx: Mutex::new(Some(tx)),
            thread: Mutex::new(Some(thread)),
        })
    }

    /// Hands a job to the writer and waits until it is committed (or failed).
    pub(crate) fn submit(&self, job: Job) -> Result<Option<Applied>, IntakeFailure> {
        let stopped = || IntakeFailure("Comptoir is stopping; the delivery was not kept.".into());
        let sender = match self.tx.lock() {
            Ok(guard) => guard.clone().ok_or_else(stopped)?,
            Err(_) => return Err(stopped()),
        };
        let (reply, answer) = mpsc::sync_channel(1);
        sender
            .send(Envelope { job, reply })
            .map_err(|_| stopped())?;
        match answer.recv() {
            Ok(Ok(applied)) => Ok(applied),
            Ok(Err(e)) => Err(IntakeFailure(format!(
                "The delivery could not be stored ({e}); WooCommerce will count it as failed."
            ))),
            Err(_) => Err(stopped()),
        }
    }

    /// Lets queued jobs finish, then ends the thread.
    pub(crate) fn stop(&self) {
        if let Ok(mut tx) = self.tx.lock() {
            tx.take();
        }
        let thread = self.thread.lock().ok().and_then(|mut t| t.take());
        if let Some(t) = thread {
            let _ = t.join();
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn run(
    mut conn: Connection,
    rx: Receiver<Envelope>,
    on_commit: OnCommit,
    mut checkpointer: Option<Checkpointer>,
) {
    loop {
        let first = match rx.recv_timeout(IDLE_CHECKPOINT) {
            Ok(envelope) => envelope,
            Err(RecvTimeoutError::Timeout) => {
                if let Some(c) = checkpointer.as_mut() {
                    c.idle();
                }
                match rx.recv() {
                    Ok(envelope) => envelope,
                    Err(_) => break,
                }
            }
            Err(RecvTimeoutError::Disconnected) => break,
        };
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(e) => batch.push(e),
                Err(_) => break,
            }
        }
        let jobs = batch.len();
        let results = commit(&mut conn, &batch);
        for (envelope, result) in batch.into_iter().zip(results) {
            if let Ok(applied) = &result {
                on_commit(&envelope.job, applied.as_ref());
            }
            // The listener thread may have given up; nothing to do then.
            let _ = envelope.reply.send(result);
        }
        if let Some(c) = checkpointer.as_mut() {
            c.committed(jobs);
        }
    }
    if let Some(c) = checkpointer {
        c.stop();
    }
}

/// Copies the WAL back into the database on its own thread and connection. Left to itself,
/// SQLite does it inside the commit that takes the WAL past 1,000 pages: the deliveries of that
/// batch, and those queued behind it, would wait for megabytes of writes and an fsync of the
/// database file before their `200`. A PASSIVE checkpoint never blocks the writer, and the
/// commits stay as durable (each one is in the fsynced WAL before it is answered).
struct Checkpointer {
    wake: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
    /// Jobs committed since the thread was last woken.
    pending: usize,
}

impl Checkpointer {
    /// Starts the thread and turns off the writer connection's own checkpoints. `None` when a
    /// second connection cannot be had; SQLite's automatic checkpoints then stay on.
    fn spawn(writer: &Connection) -> Option<Checkpointer> {
        let path = writer.path().filter(|p| !p.is_empty())?;
        let conn = comptoir_store::open(std::path::Path::new(path)).ok()?;
        let (wake, woken) = mpsc::sync_channel::<()>(1);
        let thread = std::thread::Builder::new()
            .name("intake-checkpoint".into())
            .spawn(move || {
                while woken.recv().is_ok() {
                    // A failure (another connection is checkpointing, the disk is full) only
                    // leaves the WAL longer for now; the next wake-up tries again.
                    let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                }
            })
            .ok()?;
        if writer.pragma_update(None, "wal_autocheckpoint", 0).is_err() {
            drop(wake);
            let _ = thread.join();
            return None;
        }
        Some(Checkpointer {
            wake: Some(wake),
            thread: Some(thread),
            pending: 0,
        })
    }

    fn committed(&mut self, jobs: usize) {
        self.pending += jobs;
        if self.pending >= CHECKPOINT_EVERY {
            self.wake();
        }
    }

    fn idle(&mut self) {
        if self.pending > 0 {
            self.wake();
        }
    }

    /// Wakes the thread, unless a wake-up is already waiting for it (then the next commit
    /// asks again).
    fn wake(&mut self) {
        match self.wake.as_ref().map(|w| w.try_send(())) {
            Some(Ok(())) => self.pending = 0,
            Some(Err(TrySendError::Full(()))) | None => {}
            Some(Err(TrySendError::Disconnected(()))) => self.wake = None,
        }
    }

    fn stop(mut self) {
        self.wake.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Applies each job in its own savepoint (one bad job does not spoil the others) and commits
/// them together.
fn commit(conn: &mut Connection, batch: &[Envelope]) -> Vec<Reply> {
    let all_failed = |e: &dyn std::fmt::Display| batch.iter().map(|_| Err(e.to_string())).collect();
    let mut tx = match conn.transaction_with_behavior(TransactionBehavior::Immediate) {
        Ok(tx) => tx,
        Err(e) => return all_failed(&StoreError::from(e)),
    };
    let mut results = Vec::with_capacity(batch.len());
    for envelope in batch {
        let result = (|| -> Result<Option<Applied>, StoreError> {
            let sp = tx.savepoint()?;
            let applied = apply(&sp, &envelope.job)?;
            sp.commit()?;
            Ok(applied)
        })();
        results.push(result.map_err(|e| e.to_string()));
    }
    match tx.commit() {
        Ok(()) => results,
        Err(e) => all_failed(&StoreError::from(e)),
    }
}

fn apply(conn: &Connection, job: &Job) -> Result<Option<Applied>, StoreError> {
    match job {
        Job::Deliver(d) => intake::apply_delivery_with_rules(conn, d).map(Some),
        Job::Failed { meta, body, reason } => {
            intake::keep_failed_delivery(conn, meta, body, reason).map(|()| None)
        }
        Job::Ping { ping, user_agent } => {
            intake::record_ping(conn, *ping, user_agent).map(|()| None)
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use std::time::Instant;

    /// The writer's own commits never copy the WAL back (its automatic checkpoint is off), yet
    /// a burst smaller than SQLite's 1,000-page threshold reaches the database file once the
    /// writer has been idle: the checkpointer did it.
    #[test]
    fn the_checkpointer_copies_the_wal_back_after_a_burst() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("comptoir.sqlite3");
        let writer =
            Writer::spawn(comptoir_store::open(&path).unwrap(), Arc::new(|_, _| {})).unwrap();
        let size = || std::fs::metadata(&path).unwrap().len();
        let before = size();
        // About 100 pages: far below 1,000, so no automatic checkpoint would run.
        for i in 0..100u32 {
            let body = format!("{i:04}{}", "x".repeat(3000)).into_bytes();
            let meta =
                DeliveryMeta::new(Some("https://s/"), Some("order.updated"), None, None, &body);
            writer
                .submit(Job::Failed {
                    meta,
                    body,
                    reason: "test".into(),
                })
                .unwrap();
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while size() < before + 100 * 3000 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(
            size() >= before + 100 * 3000,
            "the database file stayed at {} bytes (was {before})",
            size()
        );
        writer.stop();
    }
}
