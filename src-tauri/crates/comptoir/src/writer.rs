//! The single writer: one thread owns the write connection and commits deliveries in groups.
//! Listener threads hand it their delivery and wait for the commit, so every `200` still
//! follows its own commit, but 16 deliveries arriving together share one fsync instead of
//! queueing for sixteen.
//!
//! Copying the WAL back into the database (a checkpoint) writes every changed page again and
//! fsyncs the database file; while it runs, the commits that deliveries wait for queue behind
//! it at the disk. So it is done when nobody waits: by a checkpointer thread once the writer
//! has been idle for a moment. Under a long storm with no idle moment the WAL would grow
//! without end (a checkpoint running beside the writer never catches up with it, so the WAL
//! never starts over), so after [`WAL_BOUND`] deliveries without one the writer copies it back
//! itself, between two batches, and the next commit starts the WAL from its beginning.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use comptoir_store::{Connection, StoreError, TransactionBehavior};
use comptoir_woo::{Delivery, DeliveryMeta, IntakeFailure, Ping};

use crate::intake::{self, Applied};

/// Most jobs committed in one transaction.
const MAX_BATCH: usize = 128;

/// Jobs committed without an idle checkpoint after which the writer checkpoints itself. Such
/// a checkpoint holds up the deliveries in flight (16 when WooCommerce sends 16 at once) for
/// some 50 ms, so it must be rare for the tail of the answer times to stay low: once per 4,096
/// deliveries is under 0.4 % of them. A delivery adds about 13 KB to the WAL (its order page
/// and the index pages of its commit), so the WAL stays under about 60 MB.
const WAL_BOUND: usize = 4096;

/// How long the writer waits without a job before it wakes the checkpointer, so that the WAL
/// is copied back and starts again from its beginning after a burst.
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
        Writer::spawn_with(conn, on_commit, WAL_BOUND, IDLE_CHECKPOINT)
    }

    fn spawn_with(
        conn: Connection,
        on_commit: OnCommit,
        bound: usize,
        idle: Duration,
    ) -> std::io::Result<Writer> {
        let (tx, rx) = mpsc::channel();
        let checkpointer = Checkpointer::spawn(&conn, bound);
        let thread = std::thread::Builder::new()
            .name("intake-writer".into())
            .spawn(move || run(conn, rx, on_commit, checkpointer, idle))?;
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
    idle: Duration,
) {
    loop {
        let first = match rx.recv_timeout(idle) {
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
            c.committed(&conn, jobs);
        }
    }
    if let Some(c) = checkpointer {
        c.stop();
    }
}

/// Decides when the WAL is copied back into the database: on its own thread and connection
/// when the writer is idle, on the writer's connection when a storm has gone on for `bound`
/// jobs. Left to itself SQLite would do it inside the commit that takes the WAL past 1,000
/// pages, making that batch, and everything queued behind it, wait for it.
struct Checkpointer {
    wake: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
    /// Jobs committed since the WAL was last copied back (or asked to be).
    pending: usize,
    bound: usize,
}

impl Checkpointer {
    /// Starts the thread and turns off the writer connection's own checkpoints. `None` when a
    /// second connection cannot be had; SQLite's automatic checkpoints then stay on.
    fn spawn(writer: &Connection, bound: usize) -> Option<Checkpointer> {
        let path = writer.path().filter(|p| !p.is_empty())?;
        let conn = comptoir_store::open(std::path::Path::new(path)).ok()?;
        let (wake, woken) = mpsc::sync_channel::<()>(1);
        let thread = std::thread::Builder::new()
            .name("intake-checkpoint".into())
            .spawn(move || {
                while woken.recv().is_ok() {
                    checkpoint(&conn);
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
            bound,
        })
    }

    /// Called between batches, after their answers have gone out.
    fn committed(&mut self, writer: &Connection, jobs: usize) {
        self.pending += jobs;
        if self.pending >= self.bound {
            // Nothing is appended while the writer itself copies, so the copy reaches the end
            // of the WAL and the next commit starts it over.
            checkpoint(writer);
            self.pending = 0;
        }
    }

    fn idle(&mut self) {
        if self.pending == 0 {
            return;
        }
        match self.wake.as_ref().map(|w| w.try_send(())) {
            Some(Ok(())) => self.pending = 0,
            // Already asked and not yet done: the WAL is being copied.
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

/// A PASSIVE checkpoint never waits for the writer or the window's readers: it copies what it
/// can. A failure (another connection is checkpointing, the disk is full) only leaves the WAL
/// longer for now; the next attempt tries again, and every commit is already durable in it.
fn checkpoint(conn: &Connection) {
    let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
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

    fn failed_job(i: u32) -> Job {
        let body = format!("{i:04}{}", "x".repeat(3000)).into_bytes();
        let meta = DeliveryMeta::new(Some("https://s/"), Some("order.updated"), None, None, &body);
        Job::Failed {
            meta,
            body,
            reason: "test".into(),
        }
    }

    /// A job that fails halfway (its order written, then its delivery record refused) leaves
    /// nothing behind, and the jobs committed with it in the same transaction are kept.
    #[test]
    fn one_failing_job_does_not_spoil_its_batch() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = comptoir_store::open(&dir.path().join("comptoir.sqlite3")).unwrap();
        let [a, b, c] = [("s03", "001"), ("s01", "001"), ("s02", "001")]
            .map(|(s, n)| comptoir_testkit::capture(s, n));
        let refused = b.json()["id"].as_i64().unwrap();
        // A trigger on this connection only, so the test reaches the job's second statement.
        conn.execute_batch(&format!(
            "CREATE TEMP TRIGGER refuse BEFORE INSERT ON deliveries WHEN NEW.woo_order_id = {refused}
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"
        ))
        .unwrap();
        let batch: Vec<Envelope> = [&a, &b, &c]
            .into_iter()
            .map(|capture| Envelope {
                job: Job::Deliver(capture.delivery()),
                reply: mpsc::sync_channel(1).0,
            })
            .collect();

        let results = commit(&mut conn, &batch);

        assert!(results[0].is_ok(), "{:?}", results[0].as_ref().err());
        assert!(
            results[1]
                .as_ref()
                .is_err_and(|e| e.contains("refused by the test")),
            "{:?}",
            results[1].as_ref().err()
        );
        assert!(results[2].is_ok(), "{:?}", results[2].as_ref().err());
        let stored: Vec<i64> = comptoir_store::orders::list_orders(&conn)
            .unwrap()
            .into_iter()
            .map(|o| o.id)
            .collect();
        assert_eq!(stored.len(), 2, "orders kept: {stored:?}");
        assert!(!stored.contains(&refused), "the refused job's order stayed");
    }

    /// Frames in the WAL after 100 jobs in a row, with the writer checkpointing itself every
    /// `bound` jobs and no idle moment (the idle wait is an hour).
    fn wal_frames_after_a_storm(bound: usize) -> i64 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("comptoir.sqlite3");
        let writer = Writer::spawn_with(
            comptoir_store::open(&path).unwrap(),
            Arc::new(|_, _| {}),
            bound,
            Duration::from_secs(3600),
        )
        .unwrap();
        for i in 0..100 {
            writer.submit(failed_job(i)).unwrap();
        }
        let reader = comptoir_store::open(&path).unwrap();
        // (busy, frames in the WAL, frames copied back)
        let frames = reader
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| r.get(1))
            .unwrap();
        writer.stop();
        frames
    }

    /// A storm with no idle moment does not grow the WAL without end: every `bound` jobs the
    /// writer copies it back and the next commit starts it over.
    #[test]
    fn a_long_storm_keeps_the_wal_bounded() {
        let unbounded = wal_frames_after_a_storm(usize::MAX);
        let bounded = wal_frames_after_a_storm(20);
        assert!(
            unbounded >= 100,
            "100 jobs of 3 KB left only {unbounded} frames"
        );
        assert!(
            bounded * 3 < unbounded,
            "with a bound of 20 jobs the WAL holds {bounded} frames; without one {unbounded}"
        );
    }

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
            writer.submit(failed_job(i)).unwrap();
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
