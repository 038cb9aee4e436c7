//! Secrets other than the webhook secret (the SMTP password, the WooCommerce API key's
//! secret): kept out of the database and out of every listing, error and log. They live in the
//! OS keychain where one answers (macOS Keychain, Windows Credential Manager, the Secret Service
//! on Linux), else in a `secrets` folder of the data folder that only the owner may read (a file
//! 0600 in a folder 0700).
//!
//! Each keychain entry belongs to one data folder: service `comptoir`, user
//! `<canonical data folder>#<name>`, so two data folders (and every test's temporary one) never
//! share or overwrite an entry.
//!
//! Moving between the two: a value is only written to the file when the keychain could not take
//! it, so a file found while the keychain works is the newer value; reading then moves it into
//! the keychain and removes the file. Clearing (an empty value) removes both.
//!
//! Every keychain call runs on its own thread and is given [`KEYCHAIN_TIMEOUT`]: a locked
//! Secret Service collection answers with an unlock prompt that nobody may be there to answer
//! (a headless `serve`, a window under Xvfb), and Comptoir must not hang on it. After one such
//! timeout the keychain is left alone for the rest of the process. On Linux the Secret Service
//! is reached over zbus, which never autolaunches a session bus: without
//! `DBUS_SESSION_BUS_ADDRESS` it only tries `$XDG_RUNTIME_DIR/bus`.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use comptoir_store::Connection;

use crate::error::{Error, Result};

/// The keychain's service name for every Comptoir entry.
const SERVICE: &str = "comptoir";

/// How long one keychain call may take. A working Secret Service answers in milliseconds, the
/// first call of a session (activating gnome-keyring) in well under a second; a call still
/// running after this waits on a prompt.
pub const KEYCHAIN_TIMEOUT: Duration = Duration::from_secs(5);

/// Set once a keychain call timed out in this process: later calls go straight to the file
/// instead of piling up threads behind the same unanswered prompt.
static KEYCHAIN_STUCK: AtomicBool = AtomicBool::new(false);

/// Where a secret is kept, to tell the owner (never the value itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The OS keychain.
    Keychain,
    /// The owner-only file, and why not the keychain.
    File { path: PathBuf, why: String },
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Keychain => write!(f, "kept in the system keychain"),
            Place::File { path, why } => {
                write!(
                    f,
                    "kept in {}, readable by you only ({why})",
                    path.display()
                )
            }
        }
    }
}

/// Why the keychain was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Unreachable {
    /// There is none on this machine (no Secret Service, no session bus): the file is the
    /// secret's place and nothing is wrong.
    Absent,
    /// There is one, but it is locked, did not answer in time or refused: it may hold a value
    /// that Comptoir cannot see now. The text completes "…because …" for the owner.
    Unusable(String),
}

impl Unreachable {
    fn why(&self) -> String {
        match self {
            Unreachable::Absent => "no keychain on this machine".to_owned(),
            Unreachable::Unusable(why) => why.clone(),
        }
    }
}

type Reach<T> = std::result::Result<T, Unreachable>;

/// The keychain operations Comptoir needs; `user` is the entry's full user name.
trait Keychain {
    fn get(&self, user: &str) -> Reach<Option<String>>;
    fn set(&self, user: &str, value: &str) -> Reach<()>;
    /// Removes the entry; an entry that is not there is not an error.
    fn delete(&self, user: &str) -> Reach<()>;
}

/// The OS keychain through the `keyring` crate, each call bounded by [`KEYCHAIN_TIMEOUT`].
struct System;

impl Keychain for System {
    fn get(&self, user: &str) -> Reach<Option<String>> {
        on_entry(user, |entry| match entry.get_password() {
            Ok(v) => Ok(Some(v)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(e),
        })
    }

    fn set(&self, user: &str, value: &str) -> Reach<()> {
        let value = value.to_owned();
        on_entry(user, move |entry| entry.set_password(&value))
    }

    fn delete(&self, user: &str) -> Reach<()> {
        on_entry(user, |entry| match entry.delete_credential() {
            Err(keyring::Error::NoEntry) => Ok(()),
            other => other,
        })
    }
}

fn on_entry<T: Send + 'static>(
    user: &str,
    op: impl FnOnce(&keyring::Entry) -> keyring::Result<T> + Send + 'static,
) -> Reach<T> {
    let user = user.to_owned();
    bounded(KEYCHAIN_TIMEOUT, &KEYCHAIN_STUCK, move || {
        let entry = keyring::Entry::new(SERVICE, &user).map_err(unreachable)?;
        op(&entry).map_err(unreachable)
    })
}

/// Runs `op` on its own thread and gives up after `timeout`, marking `stuck` so that later
/// calls do not wait again. The thread is left to finish or to end with the process.
fn bounded<T: Send + 'static>(
    timeout: Duration,
    stuck: &AtomicBool,
    op: impl FnOnce() -> Reach<T> + Send + 'static,
) -> Reach<T> {
    let gave_up = || {
        Unreachable::Unusable(format!(
            "the system keychain did not answer within {} s; it may be locked and waiting for its password",
            timeout.as_secs()
        ))
    };
    if stuck.load(Ordering::Relaxed) {
        return Err(gave_up());
    }
    let (tx, rx) = mpsc::sync_channel(1);
    let spawned = std::thread::Builder::new()
        .name("comptoir-keychain".into())
        .spawn(move || {
            // The caller may have given up already; then nobody wants the answer.
            let _ = tx.send(op());
        });
    if let Err(e) = spawned {
        return Err(Unreachable::Unusable(format!(
            "Comptoir could not start a thread to ask the system keychain ({e})"
        )));
    }
    match rx.recv_timeout(timeout) {
        Ok(answer) => answer,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            stuck.store(true, Ordering::Relaxed);
            Err(gave_up())
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(Unreachable::Unusable(
            "the system keychain's library failed while answering".into(),
        )),
    }
}

/// Says why a keychain call failed, without ever quoting a stored value.
fn unreachable(e: keyring::Error) -> Unreachable {
    match e {
        keyring::Error::NoDefaultStore => Unreachable::Absent,
        keyring::Error::NoStorageAccess(err) => Unreachable::Unusable(format!(
            "the system keychain is locked or refused access: {err}"
        )),
        keyring::Error::PlatformFailure(err) => {
            Unreachable::Unusable(format!("the system keychain failed: {err}"))
        }
        keyring::Error::Ambiguous(entries) => Unreachable::Unusable(format!(
            "the system keychain holds {} entries for it",
            entries.len()
        )),
        keyring::Error::BadEncoding(_) | keyring::Error::BadDataFormat(..) => {
            Unreachable::Unusable("the system keychain's entry for it is not text".into())
        }
        // Invalid, TooLong, NotSupportedByStore, …: their texts name attributes, not values.
        other => Unreachable::Unusable(format!("the system keychain refused it: {other}")),
    }
}

/// The data folder (canonical, so two spellings of one folder share the entry) and the file.
struct Location {
    user: String,
    file: PathBuf,
}

fn location(conn: &Connection, name: &str) -> Result<Location> {
    let db = conn.path().filter(|p| !p.is_empty()).ok_or_else(|| {
        Error::Document("secrets need a database file, not an in-memory one".into())
    })?;
    let dir = Path::new(db).parent().ok_or(Error::NoDataDir)?;
    let dir = std::fs::canonicalize(dir).map_err(io(dir))?;
    Ok(Location {
        user: format!("{}#{name}", dir.display()),
        file: dir.join("secrets").join(name),
    })
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::DataDir {
        path: path.to_owned(),
        source,
    }
}

/// Stores a secret, in the keychain if it takes it, else in the owner-only file; an empty
/// value removes it from both. Returns where it is kept (`None` once removed).
pub fn write(conn: &Connection, name: &str, value: &str) -> Result<Option<Place>> {
    write_with(&System, conn, name, value)
}

/// The secret, from the keychain or the file (a value still in the file moves into a keychain
/// that works). An error when the keychain may hold it but cannot be asked now.
pub fn read(conn: &Connection, name: &str) -> Result<Option<String>> {
    match find(&System, conn, name)? {
        Found::Value(value, _) => Ok(Some(value)),
        Found::Missing => Ok(None),
        Found::Unknown(why) => Err(cannot_ask(name, &why)),
    }
}

/// Whether a secret is stored, for showing `(set)`: a keychain that cannot be asked counts as
/// holding it, since a Secret Service only prompts to unlock an entry that exists.
pub fn is_set(conn: &Connection, name: &str) -> Result<bool> {
    Ok(!matches!(find(&System, conn, name)?, Found::Missing))
}

/// Where a secret is kept now, to tell the owner (`None` when there is none).
pub fn place(conn: &Connection, name: &str) -> Result<Option<Place>> {
    match find(&System, conn, name)? {
        Found::Value(_, place) => Ok(Some(place)),
        Found::Missing => Ok(None),
        Found::Unknown(why) => Err(cannot_ask(name, &why)),
    }
}

fn cannot_ask(name: &str, why: &str) -> Error {
    Error::Document(format!(
        "Comptoir could not read {name} from the system keychain: {why}. Unlock the keychain (log in to the desktop session) and try again, or enter {name} again to keep it in the data folder instead."
    ))
}

fn write_with(
    kc: &dyn Keychain,
    conn: &Connection,
    name: &str,
    value: &str,
) -> Result<Option<Place>> {
    let loc = location(conn, name)?;
    if value.is_empty() {
        remove_file(&loc.file)?;
        return match kc.delete(&loc.user) {
            Ok(()) | Err(Unreachable::Absent) => Ok(None),
            Err(Unreachable::Unusable(why)) => Err(Error::Document(format!(
                "{name} was removed from the data folder, but not from the system keychain: {why}. Unlock the keychain and remove {name} again."
            ))),
        };
    }
    match kc.set(&loc.user, value) {
        Ok(()) => {
            // An older value left in the file would otherwise win over this one.
            remove_file(&loc.file)?;
            Ok(Some(Place::Keychain))
        }
        Err(reason) => {
            write_file(&loc.file, value)?;
            Ok(Some(Place::File {
                path: loc.file,
                why: reason.why(),
            }))
        }
    }
}

enum Found {
    Value(String, Place),
    Missing,
    /// The keychain may hold it but cannot be asked; the text says why.
    Unknown(String),
}

fn find(kc: &dyn Keychain, conn: &Connection, name: &str) -> Result<Found> {
    let loc = location(conn, name)?;
    if let Some(value) = read_file(&loc.file)? {
        // Written there only while the keychain could not take it, so newer than anything the
        // keychain holds: move it in when the keychain works now.
        return Ok(match kc.set(&loc.user, &value) {
            Ok(()) => {
                remove_file(&loc.file)?;
                Found::Value(value, Place::Keychain)
            }
            Err(reason) => Found::Value(
                value,
                Place::File {
                    path: loc.file,
                    why: reason.why(),
                },
            ),
        });
    }
    Ok(match kc.get(&loc.user) {
        Ok(Some(value)) => Found::Value(value, Place::Keychain),
        Ok(None) | Err(Unreachable::Absent) => Found::Missing,
        Err(Unreachable::Unusable(why)) => Found::Unknown(why),
    })
}

fn write_file(file: &Path, value: &str) -> Result<()> {
    use std::io::Write;
    let dir = file.parent().ok_or(Error::NoDataDir)?;
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(io(dir))?;
    // Written to a new file and renamed, so a crash never leaves half a password.
    let tmp = file.with_extension("tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(&tmp).map_err(io(&tmp))?;
    f.write_all(value.as_bytes()).map_err(io(&tmp))?;
    f.sync_all().map_err(io(&tmp))?;
    std::fs::rename(&tmp, file).map_err(io(file))?;
    Ok(())
}

fn read_file(file: &Path) -> Result<Option<String>> {
    match std::fs::read_to_string(file) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io(file)(e)),
    }
}

fn remove_file(file: &Path) -> Result<()> {
    match std::fs::remove_file(file) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(file)(e)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    //! The choice between keychain and file, against a keychain in memory that can be made
    //! absent or locked (the real Secret Service is tested through the CLI in
    //! tests/keychain.rs, since its bus address comes from the environment).
    use super::*;
    use std::cell::RefCell;
    use std::collections::HashMap;

    #[derive(Default)]
    struct Memory {
        state: RefCell<Option<Unreachable>>,
        entries: RefCell<HashMap<String, String>>,
    }

    impl Memory {
        fn fail(&self, how: Option<Unreachable>) {
            *self.state.borrow_mut() = how;
        }
        fn check(&self) -> Reach<()> {
            self.state.borrow().clone().map_or(Ok(()), Err)
        }
        fn holds(&self) -> Vec<String> {
            self.entries.borrow().values().cloned().collect()
        }
    }

    impl Keychain for Memory {
        fn get(&self, user: &str) -> Reach<Option<String>> {
            self.check()?;
            Ok(self.entries.borrow().get(user).cloned())
        }
        fn set(&self, user: &str, value: &str) -> Reach<()> {
            self.check()?;
            self.entries
                .borrow_mut()
                .insert(user.to_owned(), value.to_owned());
            Ok(())
        }
        fn delete(&self, user: &str) -> Reach<()> {
            self.check()?;
            self.entries.borrow_mut().remove(user);
            Ok(())
        }
    }

    fn data() -> (tempfile::TempDir, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let conn = comptoir_store::open(&dir.path().join("comptoir.sqlite")).unwrap();
        (dir, conn)
    }

    fn value(kc: &Memory, conn: &Connection) -> Option<String> {
        match find(kc, conn, "smtp.password").unwrap() {
            Found::Value(v, _) => Some(v),
            Found::Missing => None,
            Found::Unknown(why) => panic!("unknown: {why}"),
        }
    }

    const LOCKED: &str = "the system keychain is locked";

    #[test]
    fn without_a_keychain_the_secret_is_a_private_file() {
        let (dir, conn) = data();
        let kc = Memory::default();
        kc.fail(Some(Unreachable::Absent));
        assert_eq!(value(&kc, &conn), None);
        let place = write_with(&kc, &conn, "smtp.password", "s3cret pass").unwrap();
        let file = std::fs::canonicalize(dir.path())
            .unwrap()
            .join("secrets/smtp.password");
        assert_eq!(
            place,
            Some(Place::File {
                path: file.clone(),
                why: "no keychain on this machine".into()
            })
        );
        let told = place.unwrap().to_string();
        assert!(told.contains("no keychain on this machine"), "{told}");
        assert!(!told.contains("s3cret"), "{told}");
        assert_eq!(value(&kc, &conn).as_deref(), Some("s3cret pass"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&file), 0o600);
            assert_eq!(mode(file.parent().unwrap()), 0o700);
        }
        write_with(&kc, &conn, "smtp.password", "").unwrap();
        assert!(!file.exists());
        assert_eq!(value(&kc, &conn), None);
    }

    #[test]
    fn with_a_keychain_no_file_holds_it_and_each_data_folder_has_its_entry() {
        let (dir, conn) = data();
        let (_other_dir, other) = data();
        let kc = Memory::default();
        let place = write_with(&kc, &conn, "smtp.password", "first").unwrap();
        assert_eq!(place, Some(Place::Keychain));
        assert_eq!(place.unwrap().to_string(), "kept in the system keychain");
        write_with(&kc, &other, "smtp.password", "second").unwrap();
        write_with(&kc, &conn, "woocommerce.consumer_secret", "cs_third").unwrap();
        assert!(!dir.path().join("secrets/smtp.password").exists());
        assert_eq!(value(&kc, &conn).as_deref(), Some("first"));
        assert_eq!(value(&kc, &other).as_deref(), Some("second"));
        assert_eq!(kc.entries.borrow().len(), 3);
        let canonical = std::fs::canonicalize(dir.path()).unwrap();
        assert_eq!(
            kc.entries
                .borrow()
                .get(&format!("{}#smtp.password", canonical.display()))
                .map(String::as_str),
            Some("first")
        );
        write_with(&kc, &conn, "smtp.password", "").unwrap();
        assert_eq!(value(&kc, &conn), None);
        assert_eq!(value(&kc, &other).as_deref(), Some("second"));
    }

    #[test]
    fn a_file_moves_into_the_keychain_once_it_works_and_wins_over_an_older_entry() {
        let (dir, conn) = data();
        let file = dir.path().join("secrets/smtp.password");
        let kc = Memory::default();
        write_with(&kc, &conn, "smtp.password", "old").unwrap();
        // The keychain stops answering: the new value goes to the file.
        kc.fail(Some(Unreachable::Unusable(LOCKED.into())));
        let place = write_with(&kc, &conn, "smtp.password", "new").unwrap();
        assert!(
            matches!(&place, Some(Place::File { why, .. }) if why == LOCKED),
            "{place:?}"
        );
        assert!(file.exists());
        assert_eq!(value(&kc, &conn).as_deref(), Some("new"));
        // It answers again: reading moves the newer file value in and removes the file.
        kc.fail(None);
        assert_eq!(value(&kc, &conn).as_deref(), Some("new"));
        assert!(!file.exists());
        assert_eq!(kc.holds(), ["new"]);
        assert_eq!(value(&kc, &conn).as_deref(), Some("new"));
    }

    #[test]
    fn a_locked_keychain_is_an_error_when_reading_and_clearing_but_never_shows_the_value() {
        let (dir, conn) = data();
        let kc = Memory::default();
        write_with(&kc, &conn, "smtp.password", "hunter22").unwrap();
        kc.fail(Some(Unreachable::Unusable(LOCKED.into())));
        let Found::Unknown(why) = find(&kc, &conn, "smtp.password").unwrap() else {
            panic!("a locked keychain is not an empty one");
        };
        let e = cannot_ask("smtp.password", &why).to_string();
        assert!(e.contains(LOCKED) && e.contains("Unlock"), "{e}");
        assert!(!e.contains("hunter22"), "{e}");
        let e = write_with(&kc, &conn, "smtp.password", "")
            .unwrap_err()
            .to_string();
        assert!(e.contains("not from the system keychain"), "{e}");
        assert!(!e.contains("hunter22"), "{e}");
        assert!(!dir.path().join("secrets/smtp.password").exists());
        kc.fail(None);
        assert_eq!(value(&kc, &conn).as_deref(), Some("hunter22"));
    }

    #[test]
    fn a_keychain_call_that_hangs_is_abandoned_and_not_tried_again() {
        let stuck = AtomicBool::new(false);
        let started = std::time::Instant::now();
        let r: Reach<()> = bounded(Duration::from_millis(200), &stuck, || {
            std::thread::sleep(Duration::from_secs(30));
            Ok(())
        });
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(
            matches!(&r, Err(Unreachable::Unusable(why)) if why.contains("did not answer")),
            "{r:?}"
        );
        assert!(stuck.load(Ordering::Relaxed));
        let called = std::sync::Arc::new(AtomicBool::new(false));
        let c = called.clone();
        let again: Reach<()> = bounded(Duration::from_secs(1), &stuck, move || {
            c.store(true, Ordering::Relaxed);
            Ok(())
        });
        assert!(again.is_err());
        assert!(!called.load(Ordering::Relaxed));
        let fresh = AtomicBool::new(false);
        assert_eq!(bounded(Duration::from_secs(5), &fresh, || Ok(7)), Ok(7));
    }
}
