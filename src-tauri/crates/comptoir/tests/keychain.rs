//! The SMTP password and the shop's API secret in a real OS keychain: each test starts its own
//! D-Bus session bus (dbus-daemon) and gnome-keyring (the Secret Service) in a temporary
//! folder, runs the real `comptoir` command line with that bus's address, reads the keychain
//! back with `secret-tool` (libsecret, not the code under test) and sends a real e-mail through
//! an SMTP server that demands the password (aiosmtpd with AUTH). Also: without a bus nothing is
//! launched and the owner-only file is used, a file moves into the keychain once there is one,
//! and a locked keychain whose unlock prompt nobody answers (a real prompt window under a
//! private Xvfb) costs a bounded wait and never a hang.
//!
//! Needs dbus-daemon, dbus-send, gnome-keyring-daemon, secret-tool and Xvfb (`.ci/dev test`
//! installs them). Without them the tests fail when `COMPTOIR_E2E=1` (CI) and otherwise say
//! on standard error that they did not run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use comptoir_testkit::smtp::Sink;

const BIN: &str = env!("CARGO_BIN_EXE_comptoir");
const TOOLS: [&str; 5] = [
    "dbus-daemon",
    "dbus-send",
    "gnome-keyring-daemon",
    "secret-tool",
    "Xvfb",
];
const USER: &str = "boutique@example.be";

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file()))
}

/// Whether the keychain tools are here; missing ones fail the test under CI.
fn tools_present() -> bool {
    let missing: Vec<&str> = TOOLS.into_iter().filter(|t| !on_path(t)).collect();
    if missing.is_empty() {
        return true;
    }
    let msg = format!(
        "the keychain tests need {} (Debian packages dbus-daemon, dbus-bin, gnome-keyring, libsecret-tools, xvfb; `.ci/dev test` installs them)",
        missing.join(", ")
    );
    assert!(std::env::var("COMPTOIR_E2E").as_deref() != Ok("1"), "{msg}");
    eprintln!("NOT RUN: {msg}");
    false
}

/// A private desktop session: an optional Xvfb display, a session bus, and gnome-keyring.
struct Session {
    dir: tempfile::TempDir,
    xvfb: Option<Child>,
    bus: Child,
    keyring: Option<Child>,
    address: String,
    display: Option<String>,
}

impl Session {
    /// A bus and an unlocked keyring; with `display`, a private Xvfb whose DISPLAY the bus
    /// passes to what it activates (the unlock prompt of gnome-keyring).
    fn start(display: bool) -> Session {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["home", "run", "xdg-data"] {
            std::fs::create_dir(dir.path().join(sub)).unwrap();
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(
                dir.path().join("run"),
                std::fs::Permissions::from_mode(0o700),
            )
            .unwrap();
        }
        let (xvfb, display) = if display {
            let (child, name) = start_xvfb();
            (Some(child), Some(name))
        } else {
            (None, None)
        };
        let mut bus = Command::new("dbus-daemon");
        bus.args(["--session", "--print-address=1", "--nofork", "--nopidfile"])
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", dir.path().join("home"))
            .env("XDG_DATA_HOME", dir.path().join("xdg-data"))
            .env("XDG_RUNTIME_DIR", dir.path().join("run"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if let Some(d) = &display {
            bus.env("DISPLAY", d);
        }
        let mut bus = bus.spawn().unwrap();
        let address = first_line(bus.stdout.take().unwrap(), "dbus-daemon's address");
        assert!(address.starts_with("unix:"), "{address}");
        let mut session = Session {
            dir,
            xvfb,
            bus,
            keyring: None,
            address,
            display,
        };
        session.start_keyring();
        session
    }

    /// The environment of every process of this session (nothing inherited but PATH).
    fn env(&self, cmd: &mut Command) {
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path().join("home"))
            .env("XDG_DATA_HOME", self.dir.path().join("xdg-data"))
            .env("XDG_RUNTIME_DIR", self.dir.path().join("run"))
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address);
        if let Some(d) = &self.display {
            cmd.env("DISPLAY", d);
        }
    }

    fn start_keyring(&mut self) {
        let mut cmd = Command::new("gnome-keyring-daemon");
        self.env(&mut cmd);
        let mut child = cmd
            .args(["--foreground", "--unlock", "--components=secrets"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // The login keyring's password, then end of input: it is created and unlocked.
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"keyring-password").unwrap();
        drop(stdin);
        self.keyring = Some(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        while !self.has_owner("org.freedesktop.secrets") {
            assert!(
                Instant::now() < deadline,
                "gnome-keyring did not appear on the test bus"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn dbus_send(&self, args: &[&str]) -> String {
        let mut cmd = Command::new("dbus-send");
        self.env(&mut cmd);
        let out = cmd
            .args(["--session", "--print-reply"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "dbus-send {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn has_owner(&self, name: &str) -> bool {
        let mut cmd = Command::new("dbus-send");
        self.env(&mut cmd);
        let out = cmd
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
            ])
            .arg(format!("string:{name}"))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).contains("boolean true")
    }

    /// Locks the login keyring (no prompt needed to lock).
    fn lock(&self) {
        self.dbus_send(&[
            "--dest=org.freedesktop.secrets",
            "/org/freedesktop/secrets",
            "org.freedesktop.Secret.Service.Lock",
            "array:objpath:/org/freedesktop/secrets/collection/login",
        ]);
        let locked = self.dbus_send(&[
            "--dest=org.freedesktop.secrets",
            "/org/freedesktop/secrets/collection/login",
            "org.freedesktop.DBus.Properties.Get",
            "string:org.freedesktop.Secret.Collection",
            "string:Locked",
        ]);
        assert!(locked.contains("boolean true"), "{locked}");
    }

    /// What the keychain holds for a data folder's secret, read with libsecret's secret-tool.
    fn lookup(&self, data: &Path, name: &str) -> Option<String> {
        let user = format!("{}#{name}", std::fs::canonicalize(data).unwrap().display());
        let mut cmd = Command::new("secret-tool");
        self.env(&mut cmd);
        let out = cmd
            .args(["lookup", "service", "comptoir", "username", &user])
            .output()
            .unwrap();
        out.status
            .success()
            .then(|| String::from_utf8(out.stdout).unwrap())
    }

    /// The real `comptoir` in this session.
    fn comptoir(&self, data: &Path, args: &[&str]) -> Output {
        let mut cmd = Command::new(BIN);
        self.env(&mut cmd);
        cmd.arg("--data-dir").arg(data).args(args);
        bounded(cmd)
    }
}

/// Runs a command to its end, killing it after a minute: a hang fails the test, never the CI.
fn bounded(mut cmd: Command) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let read = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = pipe.read_to_end(&mut buf);
            buf
        })
    };
    let stdout = read(Box::new(child.stdout.take().unwrap()));
    let stderr = read(Box::new(child.stderr.take().unwrap()));
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} did not finish within 60 s: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // The keyring first, then the bus (what it activated, like a prompt, ends with it).
        for child in [
            self.keyring.as_mut(),
            Some(&mut self.bus),
            self.xvfb.as_mut(),
        ]
        .into_iter()
        .flatten()
        {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn first_line(stdout: std::process::ChildStdout, what: &str) -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx
        .recv_timeout(Duration::from_secs(20))
        .unwrap_or_else(|_| panic!("{what} was not printed within 20 s"));
    line.trim().to_owned()
}

/// A private X display, so a prompt window can really open and wait for nobody.
fn start_xvfb() -> (Child, String) {
    let mut child = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "640x480x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let n = first_line(child.stdout.take().unwrap(), "Xvfb's display number");
    assert!(n.parse::<u32>().is_ok(), "{n}");
    (child, format!(":{n}"))
}

/// `comptoir` with no session bus at all: no DBUS_SESSION_BUS_ADDRESS, an empty runtime
/// folder, a DISPLAY (as under Xvfb, where libdbus would autolaunch a bus), and a
/// `dbus-launch` first on the PATH that records being called.
fn comptoir_without_bus(dir: &Path, data: &Path, args: &[&str]) -> Output {
    let fake = dir.join("fake-bin");
    let run = dir.join("empty-run");
    std::fs::create_dir_all(&fake).unwrap();
    std::fs::create_dir_all(&run).unwrap();
    let launcher = fake.join("dbus-launch");
    if !launcher.exists() {
        std::fs::write(
            &launcher,
            format!(
                "#!/bin/sh\necho \"$@\" >> '{}'\nexit 1\n",
                dir.join("dbus-launch-called").display()
            ),
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&launcher, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
    let mut path = vec![fake];
    path.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let mut cmd = Command::new(BIN);
    cmd.env_clear()
        .env("PATH", std::env::join_paths(path).unwrap())
        .env("HOME", dir)
        .env("XDG_RUNTIME_DIR", &run)
        .env("DISPLAY", ":97")
        .arg("--data-dir")
        .arg(data)
        .args(args);
    bounded(cmd)
}

fn ok(out: Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Mail settings for a sink on `port` that wants USER and a password.
fn mail_settings(port: u16) -> Vec<(&'static str, String)> {
    vec![
        ("smtp.host", "127.0.0.1".into()),
        ("smtp.port", port.to_string()),
        ("smtp.security", "none".into()),
        ("smtp.user", USER.into()),
        ("smtp.from", format!("Le Comptoir <{USER}>")),
    ]
}

/// Every file under `dir` (the database, its journal, …) that contains `needle`.
fn files_holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path)
                .unwrap()
                .windows(needle.len())
                .any(|w| w == needle.as_bytes())
            {
                found.push(path);
            }
        }
    }
    found
}

fn sent_as(sink: &Sink) -> Vec<serde_json::Value> {
    sink.wait_for(1, Duration::from_secs(20))
        .iter()
        .map(|m| m["login"].clone())
        .collect()
}

#[test]
fn the_keychain_holds_each_data_folders_secrets_and_a_real_send_uses_them() {
    if !tools_present() {
        return;
    }
    let session = Session::start(false);
    let dir = tempfile::tempdir().unwrap();
    let (shop_a, shop_b) = (dir.path().join("a"), dir.path().join("b"));
    let sink = Sink::start(&["--user", USER, "--password", "kc-pass-A"]);
    for data in [&shop_a, &shop_b] {
        for (k, v) in mail_settings(sink.port) {
            ok(session.comptoir(data, &["config", "set", k, &v]), k);
        }
    }
    let said = ok(
        session.comptoir(&shop_a, &["config", "set", "smtp.password", "kc-pass-A"]),
        "set A",
    );
    assert_eq!(
        said,
        "smtp.password = (set)\n    kept in the system keychain\n"
    );
    ok(
        session.comptoir(&shop_b, &["config", "set", "smtp.password", "kc-pass-B"]),
        "set B",
    );
    let said = ok(
        session.comptoir(
            &shop_a,
            &[
                "config",
                "set",
                "woocommerce.consumer_secret",
                "cs_kc_secret",
            ],
        ),
        "set the API secret",
    );
    assert!(said.contains("kept in the system keychain"), "{said}");

    // In the keychain, one entry per data folder and name, and in no file of either folder.
    assert_eq!(
        session.lookup(&shop_a, "smtp.password").as_deref(),
        Some("kc-pass-A")
    );
    assert_eq!(
        session.lookup(&shop_b, "smtp.password").as_deref(),
        Some("kc-pass-B")
    );
    assert_eq!(
        session
            .lookup(&shop_a, "woocommerce.consumer_secret")
            .as_deref(),
        Some("cs_kc_secret")
    );
    for (data, value) in [
        (&shop_a, "kc-pass-A"),
        (&shop_b, "kc-pass-B"),
        (&shop_a, "cs_kc_secret"),
    ] {
        assert_eq!(files_holding(data, value), Vec::<PathBuf>::new());
        assert!(!data.join("secrets").join("smtp.password").exists());
        let listed = ok(session.comptoir(data, &["config", "list"]), "list");
        assert!(!listed.contains(value), "{listed}");
    }
    assert_eq!(
        ok(
            session.comptoir(&shop_a, &["config", "get", "smtp.password"]),
            "get"
        ),
        "(set)\n"
    );

    // A real send authenticates with the keychain's password; B's is not A's.
    ok(
        session.comptoir(&shop_a, &["mail", "test", "client@example.be"]),
        "mail test A",
    );
    assert_eq!(sent_as(&sink), [serde_json::json!(USER)]);
    let refused = session.comptoir(&shop_b, &["mail", "test", "client@example.be"]);
    assert!(!refused.status.success(), "B's password must be refused");
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(!err.contains("kc-pass-B"), "{err}");
    assert_eq!(sink.received().len(), 1);

    // Clearing removes A's entry only.
    ok(
        session.comptoir(&shop_a, &["config", "set", "smtp.password", ""]),
        "clear",
    );
    assert_eq!(session.lookup(&shop_a, "smtp.password"), None);
    assert_eq!(
        ok(
            session.comptoir(&shop_a, &["config", "get", "smtp.password"]),
            "get"
        ),
        "(not set)\n"
    );
    assert_eq!(
        session.lookup(&shop_b, "smtp.password").as_deref(),
        Some("kc-pass-B")
    );
}

#[test]
fn without_a_session_bus_nothing_is_launched_and_the_private_file_is_used() {
    if !tools_present() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let sink = Sink::start(&["--user", USER, "--password", "file-pass"]);
    for (k, v) in mail_settings(sink.port) {
        ok(
            comptoir_without_bus(dir.path(), &data, &["config", "set", k, &v]),
            k,
        );
    }
    let started = Instant::now();
    let said = ok(
        comptoir_without_bus(
            dir.path(),
            &data,
            &["config", "set", "smtp.password", "file-pass"],
        ),
        "set",
    );
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "no keychain must not mean a wait: {:?}",
        started.elapsed()
    );
    let file = std::fs::canonicalize(&data)
        .unwrap()
        .join("secrets")
        .join("smtp.password");
    assert_eq!(
        said,
        format!(
            "smtp.password = (set)\n    kept in {}, readable by you only (no keychain on this machine)\n",
            file.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "file-pass");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(file.parent().unwrap()), 0o700);
    }
    ok(
        comptoir_without_bus(dir.path(), &data, &["mail", "test", "client@example.be"]),
        "mail test",
    );
    assert_eq!(sent_as(&sink), [serde_json::json!(USER)]);
    assert!(
        !dir.path().join("dbus-launch-called").exists(),
        "a session bus was autolaunched"
    );
}

#[test]
fn a_secret_in_the_file_moves_into_the_keychain_once_there_is_one() {
    if !tools_present() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let said = ok(
        comptoir_without_bus(
            dir.path(),
            &data,
            &["config", "set", "smtp.password", "moving-pass"],
        ),
        "set without a keychain",
    );
    assert!(said.contains("no keychain on this machine"), "{said}");
    let file = data.join("secrets").join("smtp.password");
    assert!(file.exists());

    let session = Session::start(false);
    let sink = Sink::start(&["--user", USER, "--password", "moving-pass"]);
    for (k, v) in mail_settings(sink.port) {
        ok(session.comptoir(&data, &["config", "set", k, &v]), k);
    }
    assert_eq!(
        ok(
            session.comptoir(&data, &["config", "get", "smtp.password"]),
            "get"
        ),
        "(set)\n"
    );
    assert!(!file.exists(), "moved out of the file");
    assert_eq!(
        session.lookup(&data, "smtp.password").as_deref(),
        Some("moving-pass")
    );
    assert_eq!(files_holding(&data, "moving-pass"), Vec::<PathBuf>::new());
    ok(
        session.comptoir(&data, &["mail", "test", "client@example.be"]),
        "mail test",
    );
    assert_eq!(sent_as(&sink), [serde_json::json!(USER)]);
}

#[test]
fn a_locked_keychain_with_an_unanswered_prompt_falls_back_to_the_file_in_bounded_time() {
    if !tools_present() {
        return;
    }
    let session = Session::start(true);
    session.lock();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let sink = Sink::start(&["--user", USER, "--password", "locked-pass"]);
    for (k, v) in mail_settings(sink.port) {
        ok(session.comptoir(&data, &["config", "set", k, &v]), k);
    }
    let started = Instant::now();
    let said = ok(
        session.comptoir(&data, &["config", "set", "smtp.password", "locked-pass"]),
        "set while locked",
    );
    let took = started.elapsed();
    // The unlock prompt really was up, waiting for someone at the (virtual) screen.
    assert!(
        session.has_owner("org.gnome.keyring.SystemPrompter"),
        "gnome-keyring showed no prompt, so this test did not test a hang"
    );
    assert!(
        took >= Duration::from_secs(4) && took < Duration::from_secs(20),
        "{took:?}"
    );
    assert!(
        said.contains("readable by you only (the system keychain did not answer within 5 s"),
        "{said}"
    );
    let file = data.join("secrets").join("smtp.password");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "locked-pass");

    // Reading tries to move it into the keychain, gives up in the same bounded time, and the
    // send uses the file.
    let started = Instant::now();
    ok(
        session.comptoir(&data, &["mail", "test", "client@example.be"]),
        "mail test",
    );
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(sent_as(&sink), [serde_json::json!(USER)]);
    assert!(file.exists());
}
