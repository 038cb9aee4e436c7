//! Support for the end-to-end tests of the real Comptoir window: finding the built binaries and
//! the WebDriver servers, preparing a data folder with the `comptoir` CLI and starting the app
//! on it (`App`), running tauri-driver in its own process group (stopped by a guard, even when
//! the test panics), and a thin WebDriver client over plain HTTP (fantoccini without TLS) whose
//! every wait is a bounded poll that panics with what was not seen and the page's text.
//!
//! The tests themselves are `window.rs` and `connection.rs`; they run only when
//! `COMPTOIR_E2E=1`.
// Test support: a panic is the way a failure is reported.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::ffi::OsStr;
use std::fs::File;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

/// The variable that turns the end-to-end test on.
pub const ENABLE_VAR: &str = "COMPTOIR_E2E";

/// What the test prints when it is not turned on.
pub const SKIP_LINE: &str = "skipped: set COMPTOIR_E2E=1 (the README test command does)";

/// How long a DOM wait lasts before it fails.
pub const DOM_TIMEOUT: Duration = Duration::from_secs(15);

/// Whether the end-to-end test should run (`COMPTOIR_E2E=1`).
pub fn enabled() -> bool {
    std::env::var_os(ENABLE_VAR).is_some_and(|v| v == "1")
}

/// The workspace root (this package lives in `<root>/tests`).
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// Cargo's target folder: `CARGO_TARGET_DIR` (relative to the workspace root if relative), else
/// `<root>/target`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                workspace_root().join(dir)
            }
        }
        _ => workspace_root().join("target"),
    }
}

/// Where screenshots and logs are kept: `<target>/e2e-artifacts`, created if needed.
pub fn artifacts_dir() -> PathBuf {
    let dir = target_dir().join("e2e-artifacts");
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create the artifacts folder {}: {e}", dir.display()));
    dir
}

/// The folder of the build profile this test was built in (`target/debug`), from the test
/// executable's own location (`target/debug/deps/window-…`).
fn profile_dir() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let parent = exe.parent()?;
    if parent.file_name() == Some(OsStr::new("deps")) {
        parent.parent().map(Path::to_path_buf)
    } else {
        Some(parent.to_path_buf())
    }
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

fn find_in_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| is_executable(p))
}

/// Everything the test needs from outside, found (or the test fails saying how to get it).
#[derive(Debug, Clone)]
pub struct Tools {
    pub tauri_driver: PathBuf,
    pub native_driver: PathBuf,
    pub desktop: PathBuf,
    pub cli: PathBuf,
}

impl Tools {
    /// Finds the display, the drivers and the built binaries; panics with one sentence per
    /// missing piece, each saying how to get it.
    pub fn find() -> Tools {
        let mut missing = Vec::new();

        let has_display = ["DISPLAY", "WAYLAND_DISPLAY"]
            .iter()
            .any(|v| std::env::var_os(v).is_some_and(|d| !d.is_empty()));
        if !has_display {
            missing.push(
                "There is no display (DISPLAY is not set): run the test under Xvfb, e.g. \
                 `xvfb-run -a -s \"-screen 0 1280x800x24\" cargo test -p comptoir-e2e` \
                 (Debian packages xvfb and xauth), as the README test command does."
                    .to_owned(),
            );
        }

        let tauri_driver = std::env::var_os("TAURI_DRIVER")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| workspace_root().join("target/tools/bin/tauri-driver"));
        if !is_executable(&tauri_driver) {
            missing.push(format!(
                "tauri-driver was not found at {}: install it with \
                 `cargo install tauri-driver --locked --version '^2' --root target/tools` \
                 from the workspace root, or set TAURI_DRIVER to its path.",
                tauri_driver.display()
            ));
        }

        let native_driver = std::env::var_os("WEBKIT_WEBDRIVER")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| find_in_path("WebKitWebDriver"))
            .unwrap_or_else(|| PathBuf::from("/usr/bin/WebKitWebDriver"));
        if !is_executable(&native_driver) {
            missing.push(format!(
                "WebKitWebDriver was not found at {}: install the Debian package \
                 webkit2gtk-driver (`apt-get install webkit2gtk-driver`), or set \
                 WEBKIT_WEBDRIVER to its path.",
                native_driver.display()
            ));
        }

        let profile = profile_dir().unwrap_or_else(|| target_dir().join("debug"));
        let desktop = binary("COMPTOIR_DESKTOP_BIN", &profile, "comptoir-desktop");
        if !is_executable(&desktop) {
            missing.push(format!(
                "The desktop app was not found at {}: build it first with \
                 `cargo build -p comptoir-desktop` (the README test command does), or set \
                 COMPTOIR_DESKTOP_BIN to its path.",
                desktop.display()
            ));
        }
        let cli = binary("COMPTOIR_CLI_BIN", &profile, "comptoir");
        if !is_executable(&cli) {
            missing.push(format!(
                "The comptoir CLI was not found at {}: build it first with \
                 `cargo build -p comptoir --bin comptoir` (the README test command does), or set \
                 COMPTOIR_CLI_BIN to its path.",
                cli.display()
            ));
        }

        assert!(
            missing.is_empty(),
            "the end-to-end test cannot run ({ENABLE_VAR}=1):\n  - {}",
            missing.join("\n  - ")
        );
        Tools {
            tauri_driver,
            native_driver,
            desktop,
            cli,
        }
    }
}

fn binary(var: &str, profile: &Path, name: &str) -> PathBuf {
    let path = std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| profile.join(name));
    if path.is_absolute() {
        path
    } else {
        workspace_root().join(path)
    }
}

/// A port nobody listens on right now (the OS picks it).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("cannot bind a port on 127.0.0.1")
}

/// Whether something accepts connections on 127.0.0.1:`port`.
pub fn accepts(port: u16) -> bool {
    TcpStream::connect_timeout(
        &SocketAddr::from(([127, 0, 0, 1], port)),
        Duration::from_millis(300),
    )
    .is_ok()
}

/// Runs `comptoir --data-dir DIR ARGS…`; panics unless it succeeds; returns its stdout.
pub fn cli(cli: &Path, data_dir: &Path, args: &[&str]) -> String {
    let out = Command::new(cli)
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("COMPTOIR_DATA_DIR")
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", cli.display()));
    assert!(
        out.status.success(),
        "`comptoir --data-dir {} {}` failed ({}):\n{}{}",
        data_dir.display(),
        args.join(" "),
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The start of each end-to-end test: when it is not turned on, prints so and gives `None`;
/// otherwise finds what it needs (see [`Tools::find`]) and gives it with the artifacts folder,
/// from which the files `stale` of a previous run are removed.
pub fn prepare(stale: &[&str]) -> Option<(Tools, PathBuf)> {
    if !enabled() {
        println!("{SKIP_LINE}");
        return None;
    }
    let tools = Tools::find();
    let artifacts = artifacts_dir();
    for name in stale {
        let _ = std::fs::remove_file(artifacts.join(name));
    }
    Some((tools, artifacts))
}

/// The app under test before its window opens: a data folder prepared with the CLI (the
/// capture secret, a free port for the listener, then the test's own settings), and
/// tauri-driver started with it.
#[derive(Debug)]
pub struct App {
    pub tools: Tools,
    pub artifacts: PathBuf,
    pub data: tempfile::TempDir,
    /// The port the app's listener is configured on.
    pub port: u16,
    pub driver: TauriDriver,
}

impl App {
    /// Prepares a data folder (a temporary folder named `data_prefix…`) with `settings` after
    /// the capture secret and the listener port; starts tauri-driver, its output in
    /// `<artifacts>/<log_name>`.
    pub fn start(
        tools: Tools,
        artifacts: PathBuf,
        data_prefix: &str,
        log_name: &str,
        settings: &[(&str, &str)],
    ) -> App {
        let data = tempfile::Builder::new()
            .prefix(data_prefix)
            .tempdir()
            .expect("cannot create a temporary folder");
        let port = free_port();
        let port_text = port.to_string();
        let first = [
            ("webhook.secret", comptoir_testkit::CAPTURE_SECRET),
            ("listener.port", port_text.as_str()),
        ];
        for (key, value) in first.iter().chain(settings) {
            cli(&tools.cli, data.path(), &["config", "set", key, value]);
        }
        let log = artifacts.join(log_name);
        let driver = TauriDriver::start(&tools, data.path(), &log);
        println!(
            "e2e: tauri-driver at {} (log {}), app listener port {port}",
            driver.url(),
            log.display()
        );
        App {
            tools,
            artifacts,
            data,
            port,
            driver,
        }
    }

    /// Runs the `comptoir` CLI on the data folder (see [`cli`]).
    pub fn cli(&self, args: &[&str]) -> String {
        cli(&self.tools.cli, self.data.path(), args)
    }

    /// Runs `scenario` to its end on a tokio runtime of this thread.
    pub fn run<F: std::future::Future>(&self, scenario: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("cannot build a tokio runtime")
            .block_on(scenario)
    }

    /// Opens the WebDriver session: the app started on the data folder.
    pub async fn open_window(&self) -> Window {
        let data_arg = self
            .data
            .path()
            .to_str()
            .expect("the temporary folder's path is not UTF-8");
        Window::open(
            &self.driver.url(),
            &self.tools.desktop,
            &["--data-dir", data_arg],
            &self.artifacts,
        )
        .await
    }

    /// Once the session has closed: waits (15 s at most) until the app's listener is gone, as it
    /// is when the app has exited, then stops tauri-driver.
    pub fn wait_closed(&mut self) {
        let port = self.port;
        let deadline = Instant::now() + Duration::from_secs(15);
        while accepts(port) {
            assert!(
                Instant::now() < deadline,
                "the app still listens on port {port} 15 s after its WebDriver session closed; log:\n{}",
                self.driver.log_text()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        self.driver.stop();
    }
}

/// tauri-driver, with WebKitWebDriver and the app it starts, in a process group of its own.
/// Dropping it stops the whole group (`kill -s TERM -- -PGID`, then KILL if something stays).
#[derive(Debug)]
pub struct TauriDriver {
    child: Child,
    pgid: u32,
    port: u16,
    log: PathBuf,
    stopped: bool,
}

impl TauriDriver {
    /// Starts tauri-driver on free ports, its output to `log`, the data folder also given in
    /// `COMPTOIR_DATA_DIR`; returns once it accepts connections.
    pub fn start(tools: &Tools, data_dir: &Path, log: &Path) -> TauriDriver {
        let help = Command::new(&tools.tauri_driver)
            .arg("--help")
            .stdin(Stdio::null())
            .output()
            .map(|o| {
                format!(
                    "{}{}",
                    String::from_utf8_lossy(&o.stdout),
                    String::from_utf8_lossy(&o.stderr)
                )
            })
            .unwrap_or_default();
        let port = free_port();
        let mut cmd = Command::new(&tools.tauri_driver);
        cmd.arg("--port").arg(port.to_string());
        if help.contains("--native-driver") {
            cmd.arg("--native-driver").arg(&tools.native_driver);
        }
        if help.contains("--native-port") {
            // Not the default 4445, so that another WebDriver on this machine does not clash.
            cmd.arg("--native-port").arg(free_port().to_string());
        }
        let out = File::create(log)
            .unwrap_or_else(|e| panic!("cannot create the log {}: {e}", log.display()));
        let err = out
            .try_clone()
            .expect("cannot duplicate the log file handle");
        cmd.env("COMPTOIR_DATA_DIR", data_dir)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .process_group(0);
        let child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", tools.tauri_driver.display()));
        let pgid = child.id();
        // The guard exists from here on: a panic below still stops the group.
        let mut driver = TauriDriver {
            child,
            pgid,
            port,
            log: log.to_path_buf(),
            stopped: false,
        };

        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if accepts(port) {
                break;
            }
            if let Ok(Some(status)) = driver.child.try_wait() {
                panic!(
                    "tauri-driver exited ({status}) before accepting connections; its log ({}):\n{}",
                    driver.log.display(),
                    driver.log_text()
                );
            }
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not accept connections on 127.0.0.1:{port} within 20 s; its log ({}):\n{}",
                driver.log.display(),
                driver.log_text()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        driver
    }

    /// The WebDriver address to connect to.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// What tauri-driver, WebKitWebDriver and the app wrote so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Stops the whole process group; waits (bounded) until nothing of it runs. Idempotent.
    pub fn stop(&mut self) {
        if self.stopped {
            return;
        }
        self.stopped = true;
        signal_group(self.pgid, "TERM");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            // Reap tauri-driver itself, so that it does not count as a live member.
            let _ = self.child.try_wait();
            if live_members(self.pgid).is_empty() {
                break;
            }
            if Instant::now() >= deadline {
                eprintln!(
                    "e2e: process group {} still running 10 s after SIGTERM ({:?}); sending SIGKILL",
                    self.pgid,
                    live_members(self.pgid)
                );
                signal_group(self.pgid, "KILL");
                let _ = self.child.wait();
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for TauriDriver {
    fn drop(&mut self) {
        self.stop();
    }
}

fn signal_group(pgid: u32, signal: &str) {
    let _ = Command::new("kill")
        .args(["-s", signal, "--", &format!("-{pgid}")])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// The processes of group `pgid` that are not zombies (from `/proc/*/stat`).
pub fn live_members(pgid: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                return false;
            };
            // "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses.
            let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
                return false;
            };
            let fields: Vec<&str> = rest.split_whitespace().collect();
            fields.len() > 2
                && fields[0] != "Z"
                && fields[0] != "X"
                && fields[2] == pgid.to_string()
        })
        .collect()
}

/// The `[data-testid=…]` selector.
pub fn tid(testid: &str) -> String {
    format!("[data-testid='{testid}']")
}

/// How a field is typed into: retried until it holds exactly the text, or clicked into first
/// and typed once (a field that reformats what it holds, or a text area).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Typing {
    UntilShown,
    AfterAClick,
}

/// What of an element a wait reads: an HTML attribute, or a DOM property (what an input holds
/// now is its `value` property, not its attribute).
#[derive(Debug, Clone, Copy)]
enum Field<'a> {
    Attribute(&'a str),
    Property(&'a str),
}

/// A WebDriver session on the real window.
#[derive(Debug)]
pub struct Window {
    client: Client,
    artifacts: PathBuf,
}

impl Window {
    /// Opens a session on `application` started with `args`; retries briefly while the native
    /// driver behind tauri-driver is still starting.
    pub async fn open(
        driver_url: &str,
        application: &Path,
        args: &[&str],
        artifacts: &Path,
    ) -> Window {
        let capabilities = serde_json::json!({
            "browserName": "wry",
            "tauri:options": { "application": application, "args": args },
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(capabilities);
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            match builder.connect(driver_url).await {
                Ok(client) => {
                    return Window {
                        client,
                        artifacts: artifacts.to_path_buf(),
                    };
                }
                Err(e) if Instant::now() < deadline => {
                    eprintln!("e2e: no WebDriver session yet ({e}); retrying");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(e) => panic!(
                    "no WebDriver session on {} at {driver_url} within 20 s: {e}",
                    application.display()
                ),
            }
        }
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The page's visible text, for failure messages.
    pub async fn body_text(&self) -> String {
        match self
            .client
            .execute(
                "return document.body ? document.body.innerText : '(no body yet)';",
                vec![],
            )
            .await
        {
            Ok(serde_json::Value::String(s)) => s,
            Ok(other) => other.to_string(),
            Err(e) => format!("(cannot read the page: {e})"),
        }
    }

    /// Every element matching `css` right now (none is not an error).
    pub async fn all(&self, css: &str) -> Result<Vec<Element>, CmdError> {
        self.client.find_all(Locator::Css(css)).await
    }

    /// The first element matching `css` right now, if any.
    pub async fn first(&self, css: &str) -> Result<Option<Element>, CmdError> {
        Ok(self.all(css).await?.into_iter().next())
    }

    /// Polls `check` every 200 ms until it gives `Some`, for at most `timeout`; a WebDriver
    /// error counts as "not yet" (elements go stale when the UI re-renders). On timeout, saves
    /// `failure.png` and panics saying what was not seen, with the page's text.
    pub async fn wait_for<T>(
        &self,
        what: &str,
        timeout: Duration,
        mut check: impl AsyncFnMut(&Window) -> Result<Option<T>, CmdError>,
    ) -> T {
        let deadline = Instant::now() + timeout;
        let mut last_error = None;
        loop {
            match check(self).await {
                Ok(Some(v)) => return v,
                Ok(None) => {}
                Err(e) => last_error = Some(format!("{e:?}")),
            }
            if Instant::now() >= deadline {
                let shot = self.artifacts.join("failure.png");
                if let Ok(png) = self.client.screenshot().await {
                    let _ = std::fs::write(&shot, png);
                }
                panic!(
                    "not seen within {} s: {what}{}\n(screenshot: {})\n--- page text ---\n{}\n--- end of page text ---",
                    timeout.as_secs(),
                    last_error
                        .map(|e| format!(" (last WebDriver error: {e})"))
                        .unwrap_or_default(),
                    shot.display(),
                    self.body_text().await
                );
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Waits for the first element matching `css`.
    pub async fn wait_css(&self, what: &str, css: &str) -> Element {
        self.wait_css_within(what, css, DOM_TIMEOUT).await
    }

    /// Waits for the first element matching `css`, for at most `timeout`.
    pub async fn wait_css_within(&self, what: &str, css: &str, timeout: Duration) -> Element {
        self.wait_for(what, timeout, async |w: &Window| w.first(css).await)
            .await
    }

    /// Waits until at least one element matches `css` and their number passes `accept`;
    /// returns that number.
    pub async fn count_when(&self, what: &str, css: &str, accept: impl Fn(usize) -> bool) -> usize {
        self.wait_for(what, DOM_TIMEOUT, async |w: &Window| {
            let n = w.all(css).await?.len();
            Ok((n >= 1 && accept(n)).then_some(n))
        })
        .await
    }

    /// Waits for the element `[data-testid=testid]`.
    pub async fn wait_testid(&self, testid: &str) -> Element {
        self.wait_css(
            &format!("the element data-testid=\"{testid}\""),
            &tid(testid),
        )
        .await
    }

    /// Waits for `[data-testid=testid]` and clicks it (retrying while it goes stale).
    pub async fn click_testid(&self, testid: &str) {
        self.click_css(
            &format!("a clickable element data-testid=\"{testid}\""),
            &tid(testid),
        )
        .await;
    }

    /// Waits for the first element matching `css` and clicks it (retrying while it goes stale).
    pub async fn click_css(&self, what: &str, css: &str) {
        self.wait_for(what, DOM_TIMEOUT, async |w: &Window| {
            match w.first(css).await? {
                Some(el) => el.click().await.map(Some),
                None => Ok(None),
            }
        })
        .await;
    }

    /// The text of `[data-testid=testid]` if it is there now.
    pub async fn text_of(&self, testid: &str) -> Result<Option<String>, CmdError> {
        match self.first(&tid(testid)).await? {
            Some(el) => el.text().await.map(Some),
            None => Ok(None),
        }
    }

    /// Waits until the text of `[data-testid=testid]`, trimmed, passes `accept`; returns it.
    pub async fn text_when(
        &self,
        testid: &str,
        timeout: Duration,
        accept: impl Fn(&str) -> bool,
    ) -> String {
        self.css_text_when(
            &format!("the text of {testid}"),
            &tid(testid),
            timeout,
            accept,
        )
        .await
    }

    /// Waits until the text of the first element matching `css`, trimmed, passes `accept`;
    /// returns it.
    pub async fn css_text_when(
        &self,
        what: &str,
        css: &str,
        timeout: Duration,
        accept: impl Fn(&str) -> bool,
    ) -> String {
        self.wait_for(what, timeout, async |w: &Window| {
            match w.first(css).await? {
                Some(el) => Ok(Some(el.text().await?.trim().to_owned()).filter(|t| accept(t))),
                None => Ok(None),
            }
        })
        .await
    }

    /// Scrolls the first element matching `css` to `block` (`start`, `center`, …) of the window.
    pub async fn scroll_into_view(&self, css: &str, block: &str) {
        self.client
            .execute(
                "document.querySelector(arguments[0])?.scrollIntoView({block: arguments[1]});",
                vec![css.into(), block.into()],
            )
            .await
            .unwrap_or_else(|e| panic!("cannot scroll {css} into view: {e}"));
    }

    /// Saves a screenshot of the window as `<artifacts>/<name>`, checks that it is a PNG of
    /// more than 10 KB (a blank window compresses to far less), returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        // Let the page paint what the DOM holds now: two animation frames (bounded, in case the
        // window is not painting at all).
        let _ = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const timer = setTimeout(done, 1000);
                 requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(timer); done(); }));",
                vec![],
            )
            .await;
        let png = self
            .client
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("the WebDriver screenshot {name} failed: {e}"));
        let path = self.artifacts.join(name);
        std::fs::write(&path, &png)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        assert!(
            png.starts_with(b"\x89PNG\r\n\x1a\n"),
            "the screenshot {} is not a PNG",
            path.display()
        );
        assert!(
            png.len() > 10 * 1024,
            "the screenshot {} is only {} bytes: the window did not render the UI",
            path.display(),
            png.len()
        );
        println!(
            "e2e: screenshot {} ({} KB)",
            path.display(),
            png.len() / 1024
        );
        path
    }

    /// Replaces what the input `[data-testid=testid]` holds with `text`, as typed (retrying
    /// until the input shows exactly that text).
    pub async fn type_into(&self, testid: &str, text: &str) {
        self.typing(testid, text, Typing::UntilShown).await;
    }

    /// Clicks into the field `[data-testid=testid]`, empties it and types `text` (once it is
    /// there; what the field then holds is for the caller to check).
    pub async fn click_and_type(&self, testid: &str, text: &str) {
        self.typing(testid, text, Typing::AfterAClick).await;
    }

    async fn typing(&self, testid: &str, text: &str, how: Typing) {
        let css = tid(testid);
        self.wait_for(
            &format!("typing {text:?} into {testid}"),
            DOM_TIMEOUT,
            async |w: &Window| {
                let Some(input) = w.first(&css).await? else {
                    return Ok(None);
                };
                if how == Typing::AfterAClick {
                    input.click().await?;
                }
                input.clear().await?;
                input.send_keys(text).await?;
                match how {
                    Typing::UntilShown => {
                        Ok(input.prop("value").await?.filter(|v| v == text).map(|_| ()))
                    }
                    Typing::AfterAClick => Ok(Some(())),
                }
            },
        )
        .await;
    }

    /// Picks `value` in the `<select>` of setting `key` (`[data-testid=setting-KEY]`), then waits
    /// until the field says it is saved.
    pub async fn select_setting(&self, key: &str, value: &str) {
        let css = tid(&format!("setting-{key}"));
        self.wait_for(
            &format!("the option {value:?} of setting-{key}"),
            DOM_TIMEOUT,
            async |w: &Window| match w.first(&css).await? {
                Some(select) => select.select_by_value(value).await.map(Some),
                None => Ok(None),
            },
        )
        .await;
        self.wait_testid(&format!("setting-saved-{key}")).await;
    }

    /// Presses Enter in `[data-testid=testid]` (a setting field saves on Enter).
    pub async fn press_enter(&self, testid: &str) {
        let css = tid(testid);
        self.wait_for(
            &format!("Enter pressed in {testid}"),
            DOM_TIMEOUT,
            async |w: &Window| match w.first(&css).await? {
                // WebDriver's code for the Enter key.
                Some(input) => input.send_keys("\u{E007}").await.map(Some),
                None => Ok(None),
            },
        )
        .await;
    }

    /// Waits until the attribute `name` of `[data-testid=testid]` passes `accept`; returns it.
    pub async fn attr_when(
        &self,
        testid: &str,
        name: &str,
        timeout: Duration,
        accept: impl Fn(&str) -> bool,
    ) -> String {
        self.field_when(testid, Field::Attribute(name), timeout, accept)
            .await
    }

    /// Waits until the property `name` of `[data-testid=testid]` (an input's or a select's
    /// `value`) passes `accept`; returns it.
    pub async fn prop_when(
        &self,
        testid: &str,
        name: &str,
        accept: impl Fn(&str) -> bool,
    ) -> String {
        self.field_when(testid, Field::Property(name), DOM_TIMEOUT, accept)
            .await
    }

    async fn field_when(
        &self,
        testid: &str,
        field: Field<'_>,
        timeout: Duration,
        accept: impl Fn(&str) -> bool,
    ) -> String {
        let css = tid(testid);
        let what = match field {
            Field::Attribute(name) | Field::Property(name) => {
                format!("{testid} with an accepted {name}")
            }
        };
        self.wait_for(&what, timeout, async |w: &Window| {
            let Some(el) = w.first(&css).await? else {
                return Ok(None);
            };
            let value = match field {
                Field::Attribute(name) => el.attr(name).await?,
                Field::Property(name) => el.prop(name).await?,
            };
            Ok(value.filter(|v| accept(v)))
        })
        .await
    }

    /// Ends the session, which closes the app.
    pub async fn close(self) {
        self.client
            .close()
            .await
            .unwrap_or_else(|e| panic!("closing the WebDriver session failed: {e}"));
    }
}
