//! The single writer: one thread owns the write connection and commits deliveries in groups.
//! Listener threads hand it their delivery and wait for the commit, so every `200` still
//! follows its own commit, but 16 deliveries arriving together share one fsync instead of
//! queueing for sixteen.

use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use comptoir_store::{Connection, StoreError, TransactionBehavior};
use comptoir_woo::{Delivery, DeliveryMeta, IntakeFailure, Ping};

use crate::intake::{self, Applied};

/// Most jobs committed in one transaction.
const MAX_BATCH: usize = 128;

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
        let thread = std::thread::Builder::new()
            .name("intake-writer".into())
            .spawn(move || run(conn, rx, on_commit))?;
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

fn run(mut conn: Connection, rx: Receiver<Envelope>, on_commit: OnCommit) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(e) => batch.push(e),
                Err(_) => break,
            }
        }
        let results = commit(&mut conn, &batch);
        for (envelope, result) in batch.into_iter().zip(results) {
            if let Ok(applied) = &result {
                on_commit(&envelope.job, applied.as_ref());
            }
            // The listener thread may have given up; nothing to do then.
            let _ = envelope.reply.send(result);
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
